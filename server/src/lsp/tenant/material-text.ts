// A keystore entry, credential or certificate mapping as a short text, so a
// finding on its cpi-tenant:// URI opens to something readable. Only what the
// API lists (never a password: the API has none to give).
import type { SecurityMaterial } from '../../core/tenant/material';
import type { MaterialList } from './tenant-location';

const line = (label: string, value: string | number | undefined) => (value === undefined || value === '' ? [] : [`${label}: ${value}`]);
const date = (value: Date | undefined) => (value && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : undefined);

export function materialText(material: SecurityMaterial, list: MaterialList, name: string): string | undefined {
  if (list === 'keystore') {
    const entry = material.keystore.find((candidate) => candidate.alias === name);
    if (!entry) return undefined;
    return [
      `Keystore entry ${entry.alias} on ${material.host}`,
      ...line('Type', entry.type),
      ...line('Owner', entry.owner),
      ...line('Key', [entry.keyType, entry.keySize ?? entry.ellipticCurve].filter(Boolean).join(' ')),
      ...line('Signature algorithm', entry.signatureAlgorithm),
      ...line('Subject', entry.subjectDN),
      ...line('Issuer', entry.issuerDN),
      ...line('Valid from', date(entry.validNotBefore)),
      ...line('Valid until', date(entry.validNotAfter)),
      ...line('SHA-256 fingerprint', entry.fingerprintSha256),
      '',
    ].join('\n');
  }
  if (list === 'credentials') {
    const user = material.userCredentials.find((credential) => credential.name === name);
    if (user)
      return [`User credential ${user.name} on ${material.host}`, ...line('Kind', user.kind), ...line('User', user.user), ''].join('\n');
    const oauth = material.oauth2ClientCredentials.find((credential) => credential.name === name);
    if (oauth) {
      return [
        `OAuth2 client credential ${oauth.name} on ${material.host}`,
        ...line('Token service URL', oauth.tokenServiceUrl),
        ...line('Client authentication', oauth.clientAuthentication),
        '',
      ].join('\n');
    }
    if (material.secureParameters?.includes(name)) return `Secure parameter ${name} on ${material.host}\n`;
    return undefined;
  }
  const mapping = material.certificateUserMappings.find((candidate) => candidate.user === name);
  if (!mapping) return undefined;
  return [`Certificate-to-user mapping for ${mapping.user} on ${material.host}`, ...line('Valid until', date(mapping.validUntil)), ''].join(
    '\n',
  );
}
