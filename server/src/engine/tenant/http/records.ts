// JSON records of the API turned into the linter's types. A record without
// a field the linter needs is refused as malformed, naming the field; other
// fields are optional and read when present.
import type { CertificateUserMapping, KeystoreEntry, OAuth2ClientCredential, UserCredential } from '../../../core/tenant/material';
import type { ConfiguredParameter, DesigntimeArtifact, IntegrationPackage } from '../api';
import { TenantError } from '../errors';
import { odataDate, type ODataRecord } from './odata';

/** Reads fields of one record, failing with the collection's name and the field. */
class Fields {
  constructor(
    private readonly record: ODataRecord,
    private readonly what: string,
    private readonly path: string,
  ) {}

  required(name: string): string {
    const value = this.record[name];
    if (typeof value === 'string' && value !== '') return value;
    throw new TenantError('malformed', `A record of ${this.what} lacks its ${name}.`, { path: this.path });
  }

  text(name: string): string | undefined {
    const value = this.record[name];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** A present but empty string counts as absent. */
  nonEmpty(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  number(name: string): number | undefined {
    const value = this.record[name];
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(n) ? n : undefined;
  }

  date(name: string): Date | undefined {
    const date = odataDate(this.record[name]);
    if (date === null)
      throw new TenantError('malformed', `A record of ${this.what} has a ${name} that is not a date.`, { path: this.path });
    return date;
  }
}

type Reader<T> = (record: ODataRecord, what: string, path: string) => T;

/** Drops keys whose value is undefined, so records compare and print cleanly. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

export const readPackage: Reader<IntegrationPackage> = (record, what, path) => {
  const f = new Fields(record, what, path);
  const id = f.required('Id');
  return defined({ id, name: f.nonEmpty('Name') ?? id, version: f.nonEmpty('Version'), mode: f.nonEmpty('Mode') });
};

export function artifactReader(packageId: string): Reader<DesigntimeArtifact> {
  return (record, what, path) => {
    const f = new Fields(record, what, path);
    const id = f.required('Id');
    return defined({ id, name: f.nonEmpty('Name') ?? id, version: f.nonEmpty('Version'), packageId: f.nonEmpty('PackageId') ?? packageId });
  };
}

export const readConfiguration: Reader<ConfiguredParameter> = (record, what, path) => {
  const f = new Fields(record, what, path);
  return defined({ key: f.required('ParameterKey'), value: f.text('ParameterValue') ?? '', dataType: f.nonEmpty('DataType') });
};

export const readKeystoreEntry: Reader<KeystoreEntry> = (record, what, path) => {
  const f = new Fields(record, what, path);
  const alias = f.required('Alias');
  return defined({
    alias,
    hexalias: f.nonEmpty('Hexalias') ?? Buffer.from(alias, 'utf8').toString('hex'),
    type: f.nonEmpty('Type') ?? 'Certificate',
    owner: f.nonEmpty('Owner') ?? '',
    keyType: f.nonEmpty('KeyType'),
    keySize: f.number('KeySize'),
    ellipticCurve: f.nonEmpty('EllipticCurve'),
    signatureAlgorithm: f.nonEmpty('SignatureAlgorithm'),
    validNotBefore: f.date('ValidNotBefore'),
    validNotAfter: f.date('ValidNotAfter'),
    subjectDN: f.nonEmpty('SubjectDN'),
    issuerDN: f.nonEmpty('IssuerDN'),
    fingerprintSha256: f.nonEmpty('FingerprintSha256'),
  });
};

export const readUserCredential: Reader<UserCredential> = (record, what, path) => {
  const f = new Fields(record, what, path);
  // Only the name, kind and user: a password field, should one come, is never read.
  return defined({ name: f.required('Name'), kind: f.nonEmpty('Kind') ?? '', user: f.nonEmpty('User') });
};

export const readOAuth2ClientCredential: Reader<OAuth2ClientCredential> = (record, what, path) => {
  const f = new Fields(record, what, path);
  return defined({
    name: f.required('Name'),
    tokenServiceUrl: f.text('TokenServiceUrl') ?? '',
    clientAuthentication: f.nonEmpty('ClientAuthentication'),
  });
};

export const readSecureParameterName: Reader<string> = (record, what, path) => new Fields(record, what, path).required('Name');

export const readCertificateUserMapping: Reader<CertificateUserMapping> = (record, what, path) => {
  const f = new Fields(record, what, path);
  const user = f.required('User');
  const base64 = f.required('Certificate').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new TenantError('malformed', `The certificate mapped to user ${user} in ${what} is not base64.`, { path });
  }
  return defined({ user, certificate: new Uint8Array(Buffer.from(base64, 'base64')), validUntil: f.date('ValidUntil') });
};
