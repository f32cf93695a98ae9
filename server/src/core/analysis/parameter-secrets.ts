import type { Finding, Severity } from '../findings';
import { isCredentialNameKey, isSecretName, isTemplateValue } from '../rules/support/secrets';
import type { ParsedIflow, ParsedParameters } from './parsed';

const REFERENCE = /\{\{([^{}]+)\}\}/g;

/** Parameter names that some channel uses as the *name* of a deployed credential or key alias. */
function credentialNameParameters(iflows: readonly ParsedIflow[]): Set<string> {
  const names = new Set<string>();
  for (const iflow of iflows) {
    const properties = [...iflow.model.channels.flatMap((channel) => [...channel.properties.values()]), ...iflow.model.otherProperties];
    for (const property of properties) {
      if (!property.value || !isCredentialNameKey(property.key)) continue;
      for (const match of property.value.text.matchAll(REFERENCE)) {
        names.add(match[1]);
        names.add(match[1].trim());
      }
    }
  }
  return names;
}

/**
 * `cleartext-secret` on parameters.prop: a secret-like key with a literal
 * value, unless a channel uses that value as a credential name.
 */
export function checkParameterSecrets(parameters: ParsedParameters, iflows: readonly ParsedIflow[], severity: Severity): Finding[] {
  const credentialNames = credentialNameParameters(iflows);
  const findings: Finding[] = [];
  for (const entry of parameters.file.entries.values()) {
    const text = entry.value.text;
    if (!isSecretName(entry.key) || text.trim() === '' || isTemplateValue(text) || credentialNames.has(entry.key)) continue;
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
