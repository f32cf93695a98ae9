import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as forge from 'node-forge';

// Certificates generated at test time: node-forge builds and signs RSA
// certificates; for EC, Ed25519 and DSA keys (which forge cannot hold) forge
// still builds the TBSCertificate and Node's crypto signs it, so no openssl
// binary is needed. Keys come from Node's native key generation (forge's
// pure-JS RSA generation is slow) and are cached per slot for the whole run.

export type KeySpec =
  | { readonly type: 'rsa'; readonly bits: number }
  | { readonly type: 'ec'; readonly curve: 'prime256v1' | 'prime192v1' | 'secp384r1' }
  | { readonly type: 'ed25519' }
  | { readonly type: 'dsa' };

interface KeyPair {
  readonly spec: KeySpec;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Only for RSA keys. */
  readonly forgePrivate?: forge.pki.rsa.PrivateKey;
  readonly forgePublic?: forge.pki.rsa.PublicKey;
}

const keyCache = new Map<string, KeyPair>();

/** A key pair reused by every certificate asking for the same spec and slot. */
export function keyPair(spec: KeySpec, slot = 'leaf'): KeyPair {
  const id = `${slot}:${JSON.stringify(spec)}`;
  const cached = keyCache.get(id);
  if (cached) return cached;
  let pair: { privateKey: KeyObject; publicKey: KeyObject };
  switch (spec.type) {
    case 'rsa':
      pair = generateKeyPairSync('rsa', { modulusLength: spec.bits });
      break;
    case 'ec':
      pair = generateKeyPairSync('ec', { namedCurve: spec.curve });
      break;
    case 'ed25519':
      pair = generateKeyPairSync('ed25519');
      break;
    case 'dsa':
      pair = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
      break;
  }
  const made: KeyPair =
    spec.type === 'rsa'
      ? {
          spec,
          ...pair,
          forgePrivate: forge.pki.privateKeyFromPem(
            pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
          ) as forge.pki.rsa.PrivateKey,
          forgePublic: forge.pki.publicKeyFromPem(
            pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
          ) as forge.pki.rsa.PublicKey,
        }
      : { spec, ...pair };
  keyCache.set(id, made);
  return made;
}

/** Attributes in encoded order (root first: C, O, ..., CN). */
export type Attributes = readonly { readonly shortName?: string; readonly name?: string; readonly value: string }[];

export interface GeneratedCertificate {
  readonly pem: string;
  readonly der: Buffer;
  readonly subject: Attributes;
  readonly key: KeyPair;
}

export interface CertificateSpec {
  /** A plain string is the CN. */
  readonly subject: string | Attributes;
  /** Signing certificate; absent = signed with its own key. */
  readonly issuer?: GeneratedCertificate;
  /** Issuer name to write, when it should differ from the signer's subject. */
  readonly issuerName?: string | Attributes;
  readonly key?: KeySpec;
  /** Key slot: certificates in different slots never share a key. */
  readonly slot?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly ca?: boolean;
  readonly altNames?: readonly { readonly type: 'DNS' | 'IP' | 'email'; readonly value: string }[];
  readonly digest?: 'sha256' | 'sha1' | 'md5';
  /** keyUsage without keyCertSign, as on typical server certificates. */
  readonly serverKeyUsage?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
export const RSA2048: KeySpec = { type: 'rsa', bits: 2048 };

/** Validity of certificates written once and checked in (demo workspace, rule fixtures): fixed and long. */
export const CHECKED_IN_FROM = new Date('2026-01-01T00:00:00Z');
export const CHECKED_IN_UNTIL = new Date('2036-01-01T00:00:00Z');

/** A subject of the demo company: C=DE, O=Kestrel Outdoor Supply, CN=`cn`. */
export function kestrelSubject(cn: string): Attributes {
  return [
    { shortName: 'C', value: 'DE' },
    { shortName: 'O', value: 'Kestrel Outdoor Supply' },
    { shortName: 'CN', value: cn },
  ];
}

export function daysFromNow(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * DAY);
}

function attributes(name: string | Attributes): Attributes {
  return typeof name === 'string' ? [{ shortName: 'CN', value: name }] : name;
}

/** forge's setters take mutable fields. */
function fields(name: Attributes): forge.pki.CertificateField[] {
  return name.map((a) => ({ ...a }));
}

/** Present in node-forge, missing from its type definitions. */
const getTBSCertificate = (forge.pki as unknown as { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate;

let serialCounter = 0x1000;

const SIGNATURE_OIDS: Record<string, Record<string, string>> = {
  rsa: { sha256: '1.2.840.113549.1.1.11', sha1: '1.2.840.113549.1.1.5', md5: '1.2.840.113549.1.1.4' },
  ec: { sha256: '1.2.840.10045.4.3.2', sha1: '1.2.840.10045.4.1' },
  dsa: { sha256: '2.16.840.1.101.3.4.3.2', sha1: '1.2.840.10040.4.3' },
  ed25519: { sha256: '1.3.101.112' },
};

export function makeCertificate(spec: CertificateSpec): GeneratedCertificate {
  const key = keyPair(spec.key ?? RSA2048, spec.slot);
  const signer = spec.issuer?.key ?? key;
  const digest = spec.digest ?? 'sha256';
  const subject = attributes(spec.subject);
  const issuer = attributes(spec.issuerName ?? spec.issuer?.subject ?? spec.subject);

  const cert = forge.pki.createCertificate();
  cert.serialNumber = (serialCounter++).toString(16).padStart(4, '0');
  cert.validity.notBefore = spec.notBefore ?? daysFromNow(-1);
  cert.validity.notAfter = spec.notAfter ?? daysFromNow(365);
  cert.setSubject(fields(subject));
  cert.setIssuer(fields(issuer));
  const extensions: object[] = [{ name: 'basicConstraints', cA: spec.ca ?? false }];
  if (spec.ca) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true });
  else if (spec.serverKeyUsage) extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true });
  if (spec.altNames?.length) {
    extensions.push({
      name: 'subjectAltName',
      altNames: spec.altNames.map((n) =>
        n.type === 'DNS' ? { type: 2, value: n.value } : n.type === 'IP' ? { type: 7, ip: n.value } : { type: 1, value: n.value },
      ),
    });
  }
  cert.setExtensions(extensions);

  if (key.forgePublic && signer.forgePrivate) {
    cert.publicKey = key.forgePublic;
    const md = digest === 'sha1' ? forge.md.sha1.create() : digest === 'md5' ? forge.md.md5.create() : forge.md.sha256.create();
    cert.sign(signer.forgePrivate, md);
    const pem = forge.pki.certificateToPem(cert);
    return { pem, der: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'), subject, key };
  }
  return signWithNode(cert, key, signer, digest, subject);
}

/** forge lays out the TBSCertificate; the key and signature are put in by hand. */
function signWithNode(
  cert: forge.pki.Certificate,
  key: KeyPair,
  signer: KeyPair,
  digest: string,
  subject: Attributes,
): GeneratedCertificate {
  const asn1 = forge.asn1;
  cert.publicKey = keyPair(RSA2048, 'placeholder').forgePublic!; // replaced below
  cert.siginfo.algorithmOid = SIGNATURE_OIDS.rsa.sha256;
  const tbs = getTBSCertificate(cert);
  const oid = SIGNATURE_OIDS[signer.spec.type][digest];
  if (!oid) throw new Error(`no ${digest} signature for ${signer.spec.type}`);
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
    // RSA signature algorithms carry NULL parameters; ECDSA, DSA and EdDSA none.
    ...(signer.spec.type === 'rsa' ? [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')] : []),
  ]);
  const tbsFields = tbs.value as forge.asn1.Asn1[];
  tbsFields[2] = algorithm;
  const spki = (key.publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString('binary');
  tbsFields[6] = asn1.fromDer(spki);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign(signer.spec.type === 'ed25519' ? null : digest, tbsDer, signer.privateKey);
  const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithm,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\x00${signature.toString('binary')}`),
  ]);
  const der = Buffer.from(asn1.toDer(certificate).getBytes(), 'binary');
  return { pem: toPem('CERTIFICATE', der), der, subject, key };
}

export function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// ---- The generated set, built lazily once per run ----------------------

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const rootCa = once(() =>
  makeCertificate({
    subject: [
      { shortName: 'O', value: 'Example' },
      { shortName: 'CN', value: 'Test Root CA' },
    ],
    ca: true,
    slot: 'root',
    notAfter: daysFromNow(3650),
  }),
);
export const intermediateCa = once(() =>
  makeCertificate({
    subject: [
      { shortName: 'O', value: 'Example' },
      { shortName: 'CN', value: 'Test Issuing CA' },
    ],
    issuer: rootCa(),
    ca: true,
    slot: 'intermediate',
  }),
);
export const caSignedLeaf = once(() =>
  makeCertificate({
    subject: 'api.example.com',
    issuer: intermediateCa(),
    altNames: [
      { type: 'DNS', value: 'api.example.com' },
      { type: 'IP', value: '10.1.2.3' },
    ],
    serverKeyUsage: true,
  }),
);
export const selfSignedRsa = once(() => makeCertificate({ subject: 'self.example.com', serverKeyUsage: true }));
/** Issuer name equals its subject, but the root CA's key signed it: not self-signed. */
export const sameNameCaSigned = once(() =>
  makeCertificate({ subject: 'same.example.com', issuer: rootCa(), issuerName: 'same.example.com' }),
);
export const wildcardCn = once(() => makeCertificate({ subject: '*.example.com', issuer: intermediateCa() }));
export const wildcardSan = once(() =>
  makeCertificate({
    subject: 'www.example.com',
    issuer: intermediateCa(),
    altNames: [
      { type: 'DNS', value: 'www.example.com' },
      { type: 'DNS', value: '*.apps.example.com' },
    ],
  }),
);
export const expired = once(() =>
  makeCertificate({ subject: 'old.example.com', issuer: intermediateCa(), notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) }),
);
export const notYetValid = once(() =>
  makeCertificate({ subject: 'future.example.com', issuer: intermediateCa(), notBefore: daysFromNow(20), notAfter: daysFromNow(400) }),
);
/** 10 days and an hour, so whole days left reads 10. */
export const expiringIn10Days = once(() =>
  makeCertificate({ subject: 'soon.example.com', issuer: intermediateCa(), notAfter: new Date(daysFromNow(10).getTime() + 3600_000) }),
);
export const rsa1024 = once(() =>
  makeCertificate({ subject: 'small.example.com', issuer: intermediateCa(), key: { type: 'rsa', bits: 1024 } }),
);
export const sha1Signed = once(() => makeCertificate({ subject: 'sha1.example.com', issuer: intermediateCa(), digest: 'sha1' }));
export const md5Signed = once(() => makeCertificate({ subject: 'md5.example.com', issuer: intermediateCa(), digest: 'md5' }));
export const sha1Root = once(() => makeCertificate({ subject: 'Old Root CA', ca: true, slot: 'old-root', digest: 'sha1' }));
export const ecSelfSigned = once(() =>
  makeCertificate({ subject: 'ec.example.com', key: { type: 'ec', curve: 'prime256v1' }, serverKeyUsage: true }),
);
export const ecCaSigned = once(() =>
  makeCertificate({ subject: 'ec-leaf.example.com', key: { type: 'ec', curve: 'prime256v1' }, issuer: intermediateCa() }),
);
export const ecP192 = once(() => makeCertificate({ subject: 'p192.example.com', key: { type: 'ec', curve: 'prime192v1' } }));
export const ed25519SelfSigned = once(() => makeCertificate({ subject: 'ed.example.com', key: { type: 'ed25519' } }));
export const dsaSelfSigned = once(() => makeCertificate({ subject: 'dsa.example.com', key: { type: 'dsa' } }));

/** RSA PKCS#1, PKCS#8, encrypted PKCS#8 and SEC1 EC private keys, as PEM. */
export const privateKeyPems = once(() => {
  const rsa = keyPair(RSA2048);
  const ec = keyPair({ type: 'ec', curve: 'prime256v1' });
  return {
    rsa: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    pkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    encrypted: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'test' }) as string,
    ec: ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
  };
});

// ---- Bad input ----------------------------------------------------------

export function bytesOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** A PEM certificate whose base64 loses its last `cut` characters (END line kept). */
export function truncatedPem(pem: string, cut: number): string {
  const base64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const kept = base64.slice(0, base64.length - cut).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${kept.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export const garbagePem = '-----BEGIN CERTIFICATE-----\nthis is not base64 at all!\n-----END CERTIFICATE-----\n';

/** Well-formed base64 that decodes to random bytes. */
export function randomBase64Pem(): string {
  return toPem('CERTIFICATE', randomBytes(600));
}

/** Random bytes; `derLike` makes the first byte a SEQUENCE tag, so the DER reader is tried. */
export function randomFile(size: number, derLike: boolean): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes[0] = derLike ? 0x30 : 0x01;
  return bytes;
}

/** 50 MB of BEGIN lines that never end: hostile to naive PEM scanning. */
export function hugeHostileFile(): Uint8Array {
  return new Uint8Array(Buffer.alloc(50 * 1024 * 1024, '-----BEGIN CERTIFICATE-----\nQUJD\n'));
}
