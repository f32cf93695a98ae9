import { ruleMeta } from './catalogue';
import type { IflowRule } from './rule';
import { channelLabel } from './support/channel-facts';
import { isIndirectValue, isSecretName } from './support/secrets';

export const cleartextSecret: IflowRule = {
  channelByChannel: true,
  meta: ruleMeta('cleartext-secret')!,
  checkIflow(iflow, report) {
    const owners = [
      ...iflow.channels.flatMap((channel) => [...channel.channel.properties.values()].map((property) => ({ property, where: channelLabel(channel) }))),
      ...iflow.otherProperties.map((property) => ({ property, where: 'integration flow' })),
    ];
    for (const { property, where } of owners) {
      const text = property.value?.text ?? '';
      if (!isSecretName(property.key) || text.trim() === '' || isIndirectValue(text)) continue;
      report({
        on: property,
        message: `The ${where} holds "${property.key}" in clear text in the iFlow, where everyone with access to the package or its Git history can read it. Deploy it as security material (user credentials or a secure parameter) and refer to it by name.`,
      });
    }
  },
};
