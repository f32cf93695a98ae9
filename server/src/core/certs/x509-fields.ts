import * as forge from 'node-forge';
import { attributeNameForOid, type DnAttribute, type Rdn } from './dn';
import type { SubjectAltName } from './model';

// The fields of an X.509 certificate read from node-forge's ASN.1 tree.
// Reading the structure ourselves works for every key type, where
// forge.pki.certificateFromAsn1 stops at anything but RSA. Throws on a
// malformed structure; the caller turns that into a problem.

const asn1 = forge.asn1;
type Node = forge.asn1.Asn1;

export interface X509Fields {
  readonly serial: string;
  readonly signatureOid: string;
  /** Digest OID from RSASSA-PSS parameters, when given. */
  readonly pssHashOid?: string;
  /** RDNs in encoded order (root first). */
  readonly issuer: readonly Rdn[];
  readonly subject: readonly Rdn[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyAlgorithmOid: string;
  readonly curveOid?: string;
  readonly isCA: boolean;
  readonly subjectAltNames: readonly SubjectAltName[];
}

const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;
const UNIVERSAL = asn1.Class.UNIVERSAL;

function children(node: Node | undefined, what: string): Node[] {
  if (!node || !Array.isArray(node.value)) throw new Error(`${what} is not a constructed ASN.1 value`);
  return node.value;
}

function bytes(node: Node | undefined, what: string): string {
  if (!node || typeof node.value !== 'string') throw new Error(`${what} is missing`);
  return node.value;
}

function oidOf(node: Node | undefined, what: string): string {
  if (!node || node.tagClass !== UNIVERSAL || node.type !== asn1.Type.OID) throw new Error(`${what} is not an OID`);
  return asn1.derToOid(bytes(node, what));
}

function isContext(node: Node | undefined, tag: number): boolean {
  return node !== undefined && node.tagClass === CONTEXT && node.type === tag;
}

export function readX509Fields(certificate: Node): X509Fields {
  const [tbs, signatureAlgorithm] = children(certificate, 'certificate');
  const tbsFields = children(tbs, 'TBSCertificate');
  let i = isContext(tbsFields[0], 0) ? 1 : 0;
  const serialNode = tbsFields[i++];
  if (!serialNode || serialNode.type !== asn1.Type.INTEGER) throw new Error('serial number is missing');
  i++; // inner signature AlgorithmIdentifier, repeated outside
  const issuer = readName(tbsFields[i++], 'issuer');
  const [notBefore, notAfter] = children(tbsFields[i++], 'validity').map((t, n) => readTime(t, n === 0 ? 'notBefore' : 'notAfter'));
  if (!notBefore || !notAfter) throw new Error('validity is incomplete');
  const subject = readName(tbsFields[i++], 'subject');
  const [keyAlgorithm] = children(tbsFields[i++], 'subjectPublicKeyInfo');
  const [keyOidNode, keyParams] = children(keyAlgorithm, 'public key algorithm');
  const keyAlgorithmOid = oidOf(keyOidNode, 'public key algorithm');
  const curveOid =
    keyParams && keyParams.type === asn1.Type.OID && keyParams.tagClass === UNIVERSAL ? oidOf(keyParams, 'curve') : undefined;

  const [sigOidNode, sigParams] = children(signatureAlgorithm, 'signature algorithm');
  const signatureOid = oidOf(sigOidNode, 'signature algorithm');

  let isCA = false;
  let subjectAltNames: SubjectAltName[] = [];
  for (const node of tbsFields.slice(i)) {
    if (!isContext(node, 3)) continue;
    for (const extension of children(children(node, 'extensions')[0], 'extensions')) {
      const parts = children(extension, 'extension');
      const id = oidOf(parts[0], 'extension id');
      const value = parts[parts.length - 1];
      if (id === '2.5.29.19') isCA = readBasicConstraints(value);
      else if (id === '2.5.29.17') subjectAltNames = readAltNames(value);
    }
  }

  return {
    serial: forge.util.bytesToHex(bytes(serialNode, 'serial number')),
    signatureOid,
    pssHashOid: sigParams ? readPssHash(sigParams) : undefined,
    issuer,
    subject,
    notBefore,
    notAfter,
    keyAlgorithmOid,
    curveOid,
    isCA,
    subjectAltNames,
  };
}

/** The content of an extension's OCTET STRING, parsed. */
function extensionValue(node: Node): Node {
  if (Array.isArray(node.value)) return node.value[0];
  return asn1.fromDer(node.value);
}

function readBasicConstraints(node: Node): boolean {
  const [first] = children(extensionValue(node), 'basicConstraints');
  return first !== undefined && first.type === asn1.Type.BOOLEAN && typeof first.value === 'string' && first.value !== '\x00';
}

function readAltNames(node: Node): SubjectAltName[] {
  const names: SubjectAltName[] = [];
  for (const name of children(extensionValue(node), 'subjectAltName')) {
    if (name.tagClass !== CONTEXT || typeof name.value !== 'string') continue;
    if (name.type === 1) names.push({ type: 'email', value: name.value });
    else if (name.type === 2) names.push({ type: 'DNS', value: name.value });
    else if (name.type === 6) names.push({ type: 'URI', value: name.value });
    else if (name.type === 7) names.push({ type: 'IP', value: formatIp(name.value) });
  }
  return names;
}

function formatIp(raw: string): string {
  const octets = Array.from(raw, (c) => c.charCodeAt(0));
  if (octets.length === 4) return octets.join('.');
  if (octets.length !== 16) return forge.util.bytesToHex(raw);
  const groups: string[] = [];
  for (let n = 0; n < 16; n += 2) groups.push(((octets[n] << 8) | octets[n + 1]).toString(16));
  return groups.join(':');
}

function readPssHash(params: Node): string | undefined {
  if (!Array.isArray(params.value)) return undefined;
  const hashField = params.value.find((n) => isContext(n, 0));
  if (!hashField) return undefined;
  const algorithm = children(hashField, 'PSS hash algorithm')[0];
  return oidOf(children(algorithm, 'PSS hash algorithm')[0], 'PSS hash algorithm');
}

function readTime(node: Node, what: string): Date {
  const text = bytes(node, what);
  const date = node.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(text) : asn1.generalizedTimeToDate(text);
  if (Number.isNaN(date.getTime())) throw new Error(`${what} is not a valid time`);
  return date;
}

function readName(node: Node | undefined, what: string): Rdn[] {
  return children(node, what).map((set) =>
    children(set, what).map((pair): DnAttribute => {
      const [typeNode, valueNode] = children(pair, what);
      return { type: attributeNameForOid(oidOf(typeNode, `${what} attribute type`)), value: decodeString(valueNode) };
    }),
  );
}

/** Text of a directory string in any of its ASN.1 encodings. */
function decodeString(node: Node | undefined): string {
  if (!node || typeof node.value !== 'string') return '';
  const raw = node.value;
  switch (node.type as number) {
    case asn1.Type.UTF8:
      return Buffer.from(raw, 'latin1').toString('utf8');
    case asn1.Type.BMPSTRING:
      return Buffer.from(raw.slice(0, raw.length - (raw.length % 2)), 'latin1')
        .swap16()
        .toString('utf16le');
    case 28 /* UniversalString: UCS-4 big-endian */: {
      let text = '';
      for (let n = 0; n + 3 < raw.length; n += 4) {
        const code =
          ((raw.charCodeAt(n) << 24) | (raw.charCodeAt(n + 1) << 16) | (raw.charCodeAt(n + 2) << 8) | raw.charCodeAt(n + 3)) >>> 0;
        text += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
      return text;
    }
    default:
      return raw;
  }
}
