// A handful of certificate and key files, generated once per seed with
// node-forge fed from our seeded random source (forge then uses its pure
// JavaScript key generation, which is deterministic), with fixed dates, so
// the same seed gives the same bytes. The set covers what the certificate
// rules look at: a CA-signed leaf (clean), a root CA (a trust anchor), a
// self-signed leaf, a weak key with a SHA-1 signature, an expired and a
// wildcard certificate, a chain, and a private key left in the workspace.
import * as forge from 'node-forge';
import type { Random } from './prng';

export interface CertificateOptions {
  /** RSA size of the strong keys; the shape test uses a small one to stay fast. */
  readonly strongKeyBits?: number;
}

function prngFrom(random: Random): { getBytesSync(count: number): string } {
  return {
    getBytesSync(count: number) {
      let bytes = '';
      for (let i = 0; i < count; i++) bytes += String.fromCharCode(Math.floor(random.next() * 256));
      return bytes;
    },
  };
}

interface Issuer {
  readonly attrs: forge.pki.CertificateField[];
  readonly key: forge.pki.rsa.PrivateKey;
}

function certificate(options: {
  serial: string;
  subject: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  issuer: Issuer;
  from: string;
  to: string;
  ca?: boolean;
  altNames?: string[];
  digest?: 'sha1' | 'sha256';
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = options.serial;
  cert.publicKey = options.publicKey;
  cert.validity.notBefore = new Date(options.from);
  cert.validity.notAfter = new Date(options.to);
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer.attrs);
  const extensions: object[] = [{ name: 'basicConstraints', cA: options.ca === true }];
  extensions.push(
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  );
  if (options.altNames) extensions.push({ name: 'subjectAltName', altNames: options.altNames.map((value) => ({ type: 2, value })) });
  cert.setExtensions(extensions);
  cert.sign(options.issuer.key, (options.digest === 'sha1' ? forge.md.sha1 : forge.md.sha256).create());
  return cert;
}

const names = (cn: string, o = 'Example Partner'): forge.pki.CertificateField[] => [
  { name: 'commonName', value: cn },
  { name: 'organizationName', value: o },
  { name: 'countryName', value: 'DE' },
];

function der(cert: forge.pki.Certificate): Uint8Array {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

const pem = (text: string) => new Uint8Array(Buffer.from(text.replace(/\r\n/g, '\n')));

/** File name to bytes. */
export function generateCertificates(random: Random, options: CertificateOptions = {}): Map<string, Uint8Array> {
  const prng = prngFrom(random);
  const bits = options.strongKeyBits ?? 2048;
  const caKeys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001, prng });
  const leafKeys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001, prng });
  const weakKeys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001, prng });
  const ca: Issuer = { attrs: names('Example Issuing CA', 'Example Trust'), key: caKeys.privateKey };
  const validity = { from: '2025-01-01T00:00:00Z', to: '2035-01-01T00:00:00Z' };

  const root = certificate({ serial: '01', subject: ca.attrs, publicKey: caKeys.publicKey, issuer: ca, ca: true, ...validity });
  const leaf = certificate({
    serial: '1001',
    subject: names('partner.example.com'),
    publicKey: leafKeys.publicKey,
    issuer: ca,
    altNames: ['partner.example.com'],
    ...validity,
  });
  const selfSigned = certificate({
    serial: '2001',
    subject: names('cpi-client.example.com'),
    publicKey: leafKeys.publicKey,
    issuer: { attrs: names('cpi-client.example.com'), key: leafKeys.privateKey },
    ...validity,
  });
  const weak = certificate({
    serial: '3001',
    subject: names('legacy.example.com'),
    publicKey: weakKeys.publicKey,
    issuer: ca,
    digest: 'sha1',
    ...validity,
  });
  const expired = certificate({
    serial: '4001',
    subject: names('old-partner.example.com'),
    publicKey: leafKeys.publicKey,
    issuer: ca,
    from: '2020-01-01T00:00:00Z',
    to: '2022-01-01T00:00:00Z',
  });
  const wildcard = certificate({
    serial: '5001',
    subject: names('*.example.com'),
    publicKey: leafKeys.publicKey,
    issuer: ca,
    altNames: ['*.example.com'],
    ...validity,
  });

  const toPem = forge.pki.certificateToPem;
  return new Map<string, Uint8Array>([
    ['root-ca.pem', pem(toPem(root))],
    ['partner.crt', pem(toPem(leaf))],
    ['partner.cer', der(leaf)],
    ['self-signed-client.pem', pem(toPem(selfSigned))],
    ['legacy-weak.cer', der(weak)],
    ['old-partner-expired.crt', pem(toPem(expired))],
    ['wildcard.pem', pem(toPem(wildcard))],
    ['partner-chain.pem', pem(toPem(leaf) + toPem(root))],
    ['client-key.pem', pem(forge.pki.privateKeyToPem(leafKeys.privateKey))],
  ]);
}
