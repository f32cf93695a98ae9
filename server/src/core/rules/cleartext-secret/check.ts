import type { ChannelView } from '../analysis/channel-view';
import type { IflowProperty } from '../iflow/model';
import { ruleMeta } from './catalogue';
import type { IflowRule } from './rule';
import { channelLabel } from './support/channel-facts';
import { isIndirectValue, isSecretName } from './support/secrets';

export const cleartextSecret: IflowRule = {
  channelByChannel: true,
  meta: ruleMeta('cleartext-secret')!,
  checkIflow(iflow, report) {
    // Runs over every property of every iFlow: the key is checked first, so
    // only the few secret-named values are ever decoded.
    const check = (property: IflowProperty, channel?: ChannelView) => {
      if (!isSecretName(property.key)) return;
      const text = property.value?.text ?? '';
      if (text.trim() === '' || isIndirectValue(text)) return;
      report({
        on: property,
        message: `The ${channel ? channelLabel(channel) : 'integration flow'} holds "${property.key}" in clear text in the iFlow, where everyone with access to the package or its Git history can read it. Deploy it as security material (user credentials or a secure parameter) and refer to it by name.`,
      });
    };
    for (const channel of iflow.channels) {
      for (const property of channel.channel.properties.values()) check(property, channel);
    }
    for (const property of iflow.otherProperties) check(property);
  },
};
