import type { Finding, Severity } from '../findings';
import { isCredentialNameKey, isSecretName, isTemplateValue } from '../rules/support/secrets';
import type { IflowProperty } from '../iflow/model';
import type { ParsedIflow, ParsedParameters } from './parsed';

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

/**
 * `cleartext-secret` on parameters.prop: a secret-like key with a literal
 * value, unless a channel uses that value as a credential name.
 */
export function checkParameterSecrets(parameters: ParsedParameters, iflows: readonly ParsedIflow[], severity: Severity): Finding[] {
  let credentialNames: Set<string> | undefined; // only needed once a parameter looks secret
  const findings: Finding[] = [];
  for (const entry of parameters.file.entries.values()) {
    const text = entry.value.text;
    if (!isSecretName(entry.key) || text.trim() === '' || isTemplateValue(text) || (credentialNames ??= credentialNameParameters(iflows)).has(entry.key)) continue;
    findings.push({
      ruleId: 'cleartext-secret',
      severity,
      message: `Parameter "${entry.key}" holds a secret in clear text in parameters.prop, where everyone with access to the package or its Git history can read it. Deploy it as security material (user credentials or a secure parameter) and refer to it by name.`,
      uri: parameters.uri,
      range: entry.value.range,
      related: [],
      fixes: [],
      subject: entry.key,
    });
  }
  return findings;
}
