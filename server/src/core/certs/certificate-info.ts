import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import * as forge from 'node-forge';
import { curveBits, curveForOid, pssSignatureAlgorithm, PUBLIC_KEY_TYPES, RSASSA_PSS_OID, signatureAlgorithm } from './algorithms';
import { formatDn, parseDn, sameRdns, type Rdn } from './dn';
import type { CertificateInfo, KeyType, SubjectAltName } from './model';
import { readX509Fields } from './x509-fields';

// One DER certificate to CertificateInfo. node-forge reads the structure of
// every certificate; forge's own certificate object only exists for RSA keys
// and common digests, so key details and the self-signature check also use
// Node's X509Certificate (OpenSSL), which reads EC, EdDSA and DSA keys. When
// forge cannot read the DER at all, Node's X509Certificate alone fills the
// fields it exposes. Throws with a readable reason when neither can read it.

interface KeyDetails {
  readonly keyType: KeyType;
  readonly keyBits?: number;
  readonly curve?: string;
}

export function readCertificateInfo(der: Buffer): CertificateInfo {
  const x509 = tryNodeCertificate(der);
  let tree: forge.asn1.Asn1;
  let fields: ReturnType<typeof readX509Fields>;
  try {
    tree = forge.asn1.fromDer(der.toString('binary'));
    fields = readX509Fields(tree);
  } catch (error) {
    if (x509) return infoFromNode(x509, der);
    throw new Error(`not an X.509 certificate (${reason(error)})`);
  }
  const forgeCertificate = tryForgeCertificate(tree);
  const subject = [...fields.subject].reverse();
  const issuer = [...fields.issuer].reverse();
  const selfIssued = sameRdns(fields.subject, fields.issuer);
  const signature =
    fields.signatureOid === RSASSA_PSS_OID ? pssSignatureAlgorithm(fields.pssHashOid) : signatureAlgorithm(fields.signatureOid);
  return {
    ...nameFields(subject, issuer),
    serial: fields.serial,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    ...keyDetails(fields.keyAlgorithmOid, fields.curveOid, forgeCertificate, x509),
    signatureAlgorithm: signature.name,
    signatureHash: signature.hash,
    sha256Fingerprint: fingerprint(der),
    subjectAltNames: fields.subjectAltNames,
    isCA: fields.isCA,
    selfIssued,
    selfSigned: selfIssued && verifiesWithOwnKey(x509, forgeCertificate),
    ...wildcards(subject, fields.subjectAltNames),
    readBy: 'node-forge',
  };
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
}

function tryNodeCertificate(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

function tryForgeCertificate(tree: forge.asn1.Asn1): forge.pki.Certificate | undefined {
  try {
    return forge.pki.certificateFromAsn1(tree, true);
  } catch {
    return undefined; // not RSA, or a digest forge does not know
  }
}

function nameFields(subject: readonly Rdn[], issuer: readonly Rdn[]) {
  return {
    subject: formatDn(subject),
    issuer: formatDn(issuer),
    subjectAttributes: subject.flat(),
    issuerAttributes: issuer.flat(),
  };
}

function wildcards(subject: readonly Rdn[], altNames: readonly SubjectAltName[]) {
  return {
    wildcardCn: subject.some((rdn) => rdn.some((a) => a.type === 'CN' && a.value.includes('*'))),
    wildcardDnsNames: altNames.filter((n) => n.type === 'DNS' && n.value.includes('*')).map((n) => n.value),
  };
}

function fingerprint(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

/**
 * Self-signed means the certificate's own key verifies its signature. Not
 * X509Certificate.checkIssued: OpenSSL also requires keyCertSign there, which
 * self-signed server certificates usually lack. forge is the second opinion
 * for digests OpenSSL 3 refuses (MD5 under some security levels).
 */
function verifiesWithOwnKey(x509: X509Certificate | undefined, forgeCertificate: forge.pki.Certificate | undefined): boolean {
  try {
    if (x509?.verify(x509.publicKey)) return true;
  } catch {
    // fall through to forge
  }
  try {
    return forgeCertificate?.verify(forgeCertificate) ?? false;
  } catch {
    return false;
  }
}

function keyDetails(
  keyOid: string,
  curveOid: string | undefined,
  forgeCertificate: forge.pki.Certificate | undefined,
  x509: X509Certificate | undefined,
): KeyDetails {
  const rsa = forgeCertificate?.publicKey as forge.pki.rsa.PublicKey | undefined;
  if (rsa?.n) return { keyType: 'RSA', keyBits: rsa.n.bitLength() };
  if (x509) {
    const details = nodeKeyDetails(x509.publicKey);
    if (details.keyType !== 'unknown') return details;
  }
  const keyType = (PUBLIC_KEY_TYPES[keyOid] as KeyType | undefined) ?? 'unknown';
  if (keyType === 'EC' && curveOid) {
    const curve = curveForOid(curveOid);
    return { keyType, curve, keyBits: curveBits(curve) };
  }
  if (keyType === 'Ed25519') return { keyType, keyBits: 256 };
  if (keyType === 'Ed448') return { keyType, keyBits: 456 };
  return { keyType };
}

function nodeKeyDetails(key: KeyObject): KeyDetails {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { keyType: 'RSA', keyBits: details.modulusLength };
    case 'rsa-pss':
      return { keyType: 'RSA-PSS', keyBits: details.modulusLength };
    case 'dsa':
      return { keyType: 'DSA', keyBits: details.modulusLength };
    case 'ec':
      return { keyType: 'EC', curve: details.namedCurve, keyBits: details.namedCurve ? curveBits(details.namedCurve) : undefined };
    case 'ed25519':
      return { keyType: 'Ed25519', keyBits: 256 };
    case 'ed448':
      return { keyType: 'Ed448', keyBits: 456 };
    default:
      return { keyType: 'unknown' };
  }
}

/** Node prints names one RDN per line, root first, with RFC 4514 escapes. */
function rdnsFromNodeName(text: string): Rdn[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => parseDn(line).rdns)
    .reverse();
}

function altNamesFromNode(text: string | undefined): SubjectAltName[] {
  if (!text) return [];
  const names: SubjectAltName[] = [];
  for (const entry of text.split(/,\s*/)) {
    const colon = entry.indexOf(':');
    const kind = entry.slice(0, colon);
    const value = entry.slice(colon + 1).replace(/^"|"$/g, '');
    if (kind === 'DNS') names.push({ type: 'DNS', value });
    else if (kind === 'IP Address') names.push({ type: 'IP', value });
    else if (kind === 'email') names.push({ type: 'email', value });
    else if (kind === 'URI') names.push({ type: 'URI', value });
  }
  return names;
}

/** Fields from Node alone, for DER that forge's ASN.1 reader rejects. The signature algorithm is not exposed by Node 20. */
function infoFromNode(x509: X509Certificate, der: Buffer): CertificateInfo {
  const subject = rdnsFromNodeName(x509.subject);
  const issuer = rdnsFromNodeName(x509.issuer);
  const altNames = altNamesFromNode(x509.subjectAltName);
  const selfIssued = sameRdns(subject, issuer);
  return {
    ...nameFields(subject, issuer),
    serial: x509.serialNumber.toLowerCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    ...nodeKeyDetails(x509.publicKey),
    ...signatureFromOuterStructure(der),
    sha256Fingerprint: fingerprint(der),
    subjectAltNames: altNames,
    isCA: x509.ca,
    selfIssued,
    selfSigned: selfIssued && verifiesWithOwnKey(x509, undefined),
    ...wildcards(subject, altNames),
    readBy: 'node-crypto',
  };
}

/**
 * Node 20 does not expose the signature algorithm: read the certificate's
 * outer AlgorithmIdentifier with a lenient ASN.1 parse, which ignores the
 * flaws that made the strict reading fail.
 */
function signatureFromOuterStructure(der: Buffer): { signatureAlgorithm: string; signatureHash?: string } {
  try {
    const lenient = { strict: false, parseAllBytes: false, decodeBitStrings: false } as unknown as boolean;
    const outer = forge.asn1.fromDer(der.toString('binary'), lenient).value as forge.asn1.Asn1[];
    const algorithm = outer[1].value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(algorithm[0].value as string);
    const known = signatureAlgorithm(oid); // PSS parameters are not read here: no digest claimed
    return { signatureAlgorithm: known.name, signatureHash: known.hash };
  } catch {
    return { signatureAlgorithm: 'unknown' };
  }
}

/** Exposed for tests: the Node-only reading, as used when forge cannot read the DER. */
export const readCertificateInfoWithNode = (der: Buffer): CertificateInfo | undefined => {
  const x509 = tryNodeCertificate(der);
  return x509 ? infoFromNode(x509, der) : undefined;
};
