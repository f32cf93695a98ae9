import { parseDn } from '../certs/dn';
import type { CertificateInfo, KeyType } from '../certs/model';
import { readCertificateFile } from '../certs/read';
import type { CertificateUserMapping, KeystoreEntry } from './material';

// The certificate of a keystore entry or a certificate-to-user mapping, as
// the certificate rules read it: from its bytes when the tenant gave them,
// otherwise rebuilt from the entry's listed fields. Those say nothing about
// who signed the certificate, so a rebuilt one is never self-signed nor a CA:
// the self-signed rules stay silent rather than guess.

const read = new WeakMap<object, CertificateInfo | null>();

function fromBytes(bytes: Uint8Array | undefined, name: string): CertificateInfo | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  const file = readCertificateFile(bytes, `${name}.cer`);
  return file.blocks.find((block) => block.info)?.info;
}

/** The entry's certificate; undefined when neither its bytes nor its fields give a validity period. */
export function keystoreCertificate(entry: KeystoreEntry): CertificateInfo | undefined {
  const known = read.get(entry);
  if (known !== undefined) return known ?? undefined;
  const info = fromBytes(entry.certificate, entry.alias) ?? fromFields(entry);
  read.set(entry, info ?? null);
  return info;
}

/** Whether keystoreCertificate read the bytes (all rules apply) or rebuilt it from the listed fields. */
export function readFromBytes(info: CertificateInfo): boolean {
  return info.readBy !== 'listed-fields';
}

/** The mapped certificate; from `ValidUntil` alone when the bytes cannot be read. */
export function mappedCertificate(mapping: CertificateUserMapping): CertificateInfo | undefined {
  const known = read.get(mapping);
  if (known !== undefined) return known ?? undefined;
  const info = fromBytes(mapping.certificate, mapping.user) ?? fromFields({ validNotAfter: mapping.validUntil });
  read.set(mapping, info ?? null);
  return info;
}

/** `SHA256withRSA`, `sha1WithRSAEncryption`, `SHA384withECDSA`: the digest behind the name. */
function hashOf(algorithm: string): string | undefined {
  const text = algorithm.toLowerCase().replace(/[\s_]/g, '');
  const md = /md([245])/.exec(text);
  if (md) return `MD${md[1]}`;
  const sha = /sha-?(1|224|256|384|512)(?!\d)/.exec(text);
  return sha ? `SHA-${sha[1]}` : undefined;
}

function keyTypeOf(text: string | undefined): KeyType {
  const t = (text ?? '').toUpperCase();
  if (t === 'RSA' || t === 'EC' || t === 'DSA') return t;
  if (t === 'ECDSA') return 'EC';
  return 'unknown';
}

type ListedFields = Pick<KeystoreEntry, 'validNotAfter'> & Partial<KeystoreEntry>;

function fromFields(entry: ListedFields): CertificateInfo | undefined {
  const notAfter = entry.validNotAfter;
  if (!notAfter || Number.isNaN(notAfter.getTime())) return undefined;
  const subject = entry.subjectDN ?? '';
  const issuer = entry.issuerDN ?? '';
  const subjectAttributes = parseDn(subject).rdns.flat();
  const cn = subjectAttributes.find((attribute) => attribute.type === 'CN')?.value ?? '';
  const keyType = keyTypeOf(entry.keyType);
  const signatureAlgorithm = entry.signatureAlgorithm ?? '';
  return {
    subject,
    issuer,
    subjectAttributes,
    issuerAttributes: parseDn(issuer).rdns.flat(),
    serial: '',
    notBefore: entry.validNotBefore ?? new Date(0),
    notAfter,
    keyType,
    keyBits: entry.keySize,
    curve: entry.ellipticCurve,
    signatureAlgorithm,
    signatureHash: hashOf(signatureAlgorithm),
    sha256Fingerprint: entry.fingerprintSha256 ?? '',
    subjectAltNames: [],
    isCA: false,
    selfIssued: false,
    selfSigned: false,
    wildcardCn: cn.includes('*'),
    wildcardDnsNames: [],
    readBy: 'listed-fields',
  };
}
