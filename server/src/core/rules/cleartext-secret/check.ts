import type { ChannelView } from '../../analysis/channel-view';
import type { ParsedIflow } from '../../analysis/parsed';
import type { IflowProperty } from '../../iflow/model';
import type { ParametersCheck } from '../parameters-check';
import type { IflowCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { isCredentialNameKey, isIndirectValue, isSecretName, isTemplateValue } from '../support/secrets';

const ADVICE =
  'where everyone with access to the package or its Git history can read it. Deploy it as security material (user credentials or a secure parameter) and refer to it by name.';

const iflowCheck: IflowCheck = {
  channelByChannel: true,
  checkIflow(iflow, report) {
    // Runs over every property of every iFlow: the key is checked first, so
    // only the few secret-named values are ever decoded.
    const check = (property: IflowProperty, channel?: ChannelView) => {
      if (!isSecretName(property.key)) return;
      const text = property.value?.text ?? '';
      if (text.trim() === '' || isIndirectValue(text)) return;
      report({
        on: property,
        message: `The ${channel ? channelLabel(channel) : 'integration flow'} holds "${property.key}" in clear text in the iFlow, ${ADVICE}`,
      });
    };
    for (const channel of iflow.channels) {
      for (const property of channel.channel.properties.values()) check(property, channel);
    }
    for (const property of iflow.otherProperties) check(property);
  },
};

const REFERENCE = /\{\{([^{}]+)\}\}/g;

/** Parameter names that some channel uses as the *name* of a deployed credential or key alias. */
function credentialNameParameters(iflows: readonly ParsedIflow[]): Set<string> {
  const names = new Set<string>();
  // The key first: values are decoded on first read, and few keys name credentials.
  const add = (property: IflowProperty) => {
    if (!isCredentialNameKey(property.key) || !property.value) return;
    for (const match of property.value.text.matchAll(REFERENCE)) {
      names.add(match[1]);
      names.add(match[1].trim());
    }
  };
  for (const iflow of iflows) {
    for (const channel of iflow.model.channels) for (const property of channel.properties.values()) add(property);
    for (const property of iflow.model.otherProperties) add(property);
  }
  return names;
}

/** A secret-like key with a literal value, unless a channel uses that value as a credential name. */
const parametersCheck: ParametersCheck = {
  check(parameters, report, { iflows }) {
    let credentialNames: Set<string> | undefined; // only needed once a parameter looks secret
    for (const entry of parameters.entries.values()) {
      const text = entry.value.text;
      if (
        !isSecretName(entry.key) ||
        text.trim() === '' ||
        isTemplateValue(text) ||
        (credentialNames ??= credentialNameParameters(iflows)).has(entry.key)
      )
        continue;
      report({ entry, message: `Parameter "${entry.key}" holds a secret in clear text in parameters.prop, ${ADVICE}` });
    }
  },
};

export const checks: RuleChecks = { iflow: iflowCheck, parameters: parametersCheck };
