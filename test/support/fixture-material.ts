import type { CertificateUserMapping, KeystoreEntry, SecurityMaterial } from '../../server/src/core/tenant/material';

// A fixture case's `material.json`: the tenant's security material the case
// runs against, in plain JSON. Dates are ISO strings; a certificate is PEM
// text (`certificatePem`); `secureParameters` absent means the tenant did not
// list them. Fields follow SecurityMaterial; `host` defaults to
// tenant.example.com and `hexalias` to the alias's UTF-8 bytes in hex.

type Json = Record<string, unknown>;

const date = (value: unknown, where: string): Date | undefined => {
  if (value === undefined) return undefined;
  const parsed = new Date(String(value));
  if (Number.isNaN(parsed.getTime())) throw new Error(`${where}: not a date: ${String(value)}`);
  return parsed;
};

const pem = (value: unknown): Uint8Array | undefined => (typeof value === 'string' ? Buffer.from(value, 'utf8') : undefined);

function list(json: Json, key: string): Json[] {
  const value = json[key] ?? [];
  if (!Array.isArray(value)) throw new Error(`material.json: "${key}" must be a list`);
  return value as Json[];
}

/** A field every record of the list needs. */
function required(record: Json, field: string, where: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value === '') throw new Error(`material.json: ${where} needs a "${field}"`);
  return value;
}

export function parseMaterialJson(text: string): SecurityMaterial {
  const json = JSON.parse(text) as Json;
  const keystore: KeystoreEntry[] = list(json, 'keystore').map((entry, i) => {
    const alias = required(entry, 'alias', `keystore[${i}]`);
    return {
      alias,
      hexalias: typeof entry.hexalias === 'string' ? entry.hexalias : Buffer.from(alias, 'utf8').toString('hex'),
      type: String(entry.type ?? 'Certificate'),
      owner: String(entry.owner ?? 'tenant'),
      keyType: entry.keyType as string | undefined,
      keySize: entry.keySize as number | undefined,
      ellipticCurve: entry.ellipticCurve as string | undefined,
      signatureAlgorithm: entry.signatureAlgorithm as string | undefined,
      validNotBefore: date(entry.validNotBefore, `keystore[${i}].validNotBefore`),
      validNotAfter: date(entry.validNotAfter, `keystore[${i}].validNotAfter`),
      subjectDN: entry.subjectDN as string | undefined,
      issuerDN: entry.issuerDN as string | undefined,
      certificate: pem(entry.certificatePem),
    };
  });
  const certificateUserMappings: CertificateUserMapping[] = list(json, 'certificateUserMappings').map((mapping, i) => ({
    user: required(mapping, 'user', `certificateUserMappings[${i}]`),
    certificate: pem(mapping.certificatePem) ?? new Uint8Array(),
    validUntil: date(mapping.validUntil, `certificateUserMappings[${i}].validUntil`),
  }));
  return {
    host: typeof json.host === 'string' ? json.host : 'tenant.example.com',
    keystore,
    userCredentials: list(json, 'userCredentials').map((credential, i) => ({
      name: required(credential, 'name', `userCredentials[${i}]`),
      kind: String(credential.kind ?? 'default'),
      user: credential.user as string | undefined,
    })),
    oauth2ClientCredentials: list(json, 'oauth2ClientCredentials').map((credential, i) => ({
      name: required(credential, 'name', `oauth2ClientCredentials[${i}]`),
      tokenServiceUrl: String(credential.tokenServiceUrl ?? ''),
      clientAuthentication: credential.clientAuthentication as string | undefined,
    })),
    secureParameters: Array.isArray(json.secureParameters) ? json.secureParameters.map(String) : undefined,
    certificateUserMappings,
  };
}
