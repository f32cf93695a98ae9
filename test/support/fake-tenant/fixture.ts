import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import * as forge from 'node-forge';

// What a fake tenant holds, written declaratively by a test; the server
// answers the Cloud Integration API from it. Dates and certificate details of
// keystore entries are derived from the certificates themselves unless the
// fixture overrides them.

/** Files of an artifact's project by path (`src/main/resources/...`), text or bytes. */
export type ProjectFiles = Readonly<Record<string, string | Uint8Array>>;

export interface FakeArtifact {
  readonly id: string;
  /** Defaults to the id. */
  readonly name?: string;
  /** Defaults to 1.0.0. */
  readonly version?: string;
  /** The project's files; a META-INF/MANIFEST.MF is added when missing. */
  readonly files?: ProjectFiles;
  /** A folder whose files make the project (merged under `files`). */
  readonly folder?: string;
  /** The bytes `$value` answers, as they are (for a broken zip, say); wins over files/folder. */
  readonly content?: Uint8Array;
  /** Configured values of externalized parameters (iFlows only). */
  readonly configurations?: readonly { readonly key: string; readonly value: string; readonly dataType?: string }[];
}

export interface FakePackage {
  readonly id: string;
  /** Defaults to the id. */
  readonly name?: string;
  readonly version?: string;
  /** `CONFIGURE_ONLY` refuses content downloads; default `EDIT_ALLOWED`. */
  readonly mode?: string;
  readonly iflows?: readonly FakeArtifact[];
  readonly scriptCollections?: readonly FakeArtifact[];
  /** Listed once, then gone: every later request about it answers 404 (a package deleted mid-scan). */
  readonly vanishAfterListing?: boolean;
}

export interface FakeKeystoreEntry {
  readonly alias: string;
  /** `Certificate` (default), `Key Pair`, `Secret Key`, ... */
  readonly type?: string;
  /** Default: the tenant's own (`tenant`); `SAP` for SAP-owned entries. */
  readonly owner?: string;
  /** PEM text or DER bytes; the record's fields are derived from it. */
  readonly certificate?: string | Uint8Array;
  /** `$value` answers PEM instead of DER. */
  readonly servePem?: boolean;
  /** Field overrides (API names), e.g. `{ KeySize: 1024 }` or `{ ValidNotAfter: new Date(...) }`. */
  readonly fields?: Readonly<Record<string, string | number | Date | null>>;
}

export interface FakeCertificateUserMapping {
  readonly user: string;
  /** PEM text or DER bytes. */
  readonly certificate: string | Uint8Array;
  /** Defaults to the certificate's notAfter. */
  readonly validUntil?: Date;
}

export interface FakeTenantFixture {
  readonly packages?: readonly FakePackage[];
  readonly keystore?: readonly FakeKeystoreEntry[];
  readonly userCredentials?: readonly { readonly name: string; readonly kind?: string; readonly user?: string }[];
  readonly oauth2ClientCredentials?: readonly {
    readonly name: string;
    readonly tokenServiceUrl: string;
    readonly clientAuthentication?: string;
  }[];
  /** Names of secure parameters; absent = the tenant does not offer the list (404). */
  readonly secureParameters?: readonly string[];
  readonly certificateUserMappings?: readonly FakeCertificateUserMapping[];
}

const DEFAULT_MANIFEST = (id: string): string =>
  `Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: ${id}; singleton:=true\r\nBundle-Version: 1.0.0\r\n\r\n`;

/** Every file of a folder, by forward-slash path relative to it. */
export function readProjectFolder(folder: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path).split(sep).join('/')] = new Uint8Array(readFileSync(path));
    }
  };
  walk(folder);
  return files;
}

/** The zip `$value` answers for an artifact. */
export function artifactZip(artifact: FakeArtifact): Uint8Array {
  if (artifact.content) return artifact.content;
  const files: Record<string, string | Uint8Array> = { ...(artifact.folder ? readProjectFolder(artifact.folder) : {}), ...artifact.files };
  if (!files['META-INF/MANIFEST.MF']) files['META-INF/MANIFEST.MF'] = DEFAULT_MANIFEST(artifact.id);
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(zippable);
}

export function derOf(certificate: string | Uint8Array): Buffer {
  return typeof certificate === 'string' ? new X509Certificate(certificate).raw : Buffer.from(certificate);
}

/** Java-style DN, most specific first: `CN=..., O=..., C=...`. */
function javaDn(x509Name: string): string {
  return x509Name.split('\n').filter(Boolean).reverse().join(', ');
}

const SIGNATURE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5withRSA',
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.10045.4.1': 'SHA1withECDSA',
  '1.2.840.10045.4.3.2': 'SHA256withECDSA',
  '1.2.840.10045.4.3.3': 'SHA384withECDSA',
  '1.2.840.10040.4.3': 'SHA1withDSA',
  '2.16.840.1.101.3.4.3.2': 'SHA256withDSA',
  '1.3.101.112': 'Ed25519',
};

/** The outer signatureAlgorithm of a certificate, read from its DER. */
function signatureAlgorithm(der: Buffer): string | undefined {
  try {
    const outer = forge.asn1.fromDer(der.toString('binary'));
    const algorithm = (outer.value as forge.asn1.Asn1[])[1];
    const oid = forge.asn1.derToOid((algorithm.value as forge.asn1.Asn1[])[0].value as string);
    return SIGNATURE_NAMES[oid] ?? oid;
  } catch {
    return undefined;
  }
}

const CURVE_NAMES: Record<string, string> = { prime256v1: 'secp256r1', secp384r1: 'secp384r1', prime192v1: 'secp192r1' };

/** The API record (`KeystoreEntries`) of a fixture entry, dates still as Date. */
export function keystoreRecord(entry: FakeKeystoreEntry): Record<string, string | number | Date | null> {
  const record: Record<string, string | number | Date | null> = {
    Hexalias: Buffer.from(entry.alias, 'utf8').toString('hex'),
    Alias: entry.alias,
    Type: entry.type ?? 'Certificate',
    Owner: entry.owner ?? 'tenant',
    KeyType: null,
    KeySize: null,
    EllipticCurve: null,
    SignatureAlgorithm: null,
    ValidNotBefore: null,
    ValidNotAfter: null,
    SubjectDN: null,
    IssuerDN: null,
    FingerprintSha256: null,
  };
  if (entry.certificate !== undefined) {
    const der = derOf(entry.certificate);
    const x509 = new X509Certificate(der);
    const key = x509.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    record.KeyType =
      key.asymmetricKeyType === 'rsa' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : (key.asymmetricKeyType ?? '').toUpperCase();
    record.KeySize =
      details.modulusLength ??
      (details.namedCurve === 'secp384r1' ? 384 : details.namedCurve === 'prime192v1' ? 192 : details.namedCurve ? 256 : null);
    record.EllipticCurve = details.namedCurve ? (CURVE_NAMES[details.namedCurve] ?? details.namedCurve) : null;
    record.SignatureAlgorithm = signatureAlgorithm(der) ?? null;
    record.ValidNotBefore = new Date(x509.validFrom);
    record.ValidNotAfter = new Date(x509.validTo);
    record.SubjectDN = javaDn(x509.subject);
    record.IssuerDN = javaDn(x509.issuer);
    record.FingerprintSha256 = x509.fingerprint256;
  }
  return { ...record, ...entry.fields };
}

export function certificateUserMappingRecord(mapping: FakeCertificateUserMapping): Record<string, string | Date> {
  const der = derOf(mapping.certificate);
  return {
    Id: Buffer.from(mapping.user, 'utf8').toString('hex'),
    User: mapping.user,
    Certificate: der.toString('base64'),
    ValidUntil: mapping.validUntil ?? new Date(new X509Certificate(der).validTo),
  };
}
