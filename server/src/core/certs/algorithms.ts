// OIDs of the algorithms certificates are signed with and the curves their
// keys live on, with the digest behind each signature (what makes it weak).

export interface SignatureAlgorithm {
  /** Readable name in OpenSSL's spelling. */
  readonly name: string;
  /** Digest the signature is computed over, when the algorithm fixes one. */
  readonly hash?: string;
}

const SIGNATURES: Readonly<Record<string, SignatureAlgorithm>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', hash: 'MD2' },
  '1.2.840.113549.1.1.3': { name: 'md4WithRSAEncryption', hash: 'MD4' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'SHA-1' },
  '1.3.14.3.2.29': { name: 'sha1WithRSASignature', hash: 'SHA-1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', hash: 'SHA-224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', hash: 'SHA-224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'SHA-512' },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', hash: 'SHA-1' },
  '2.16.840.1.101.3.4.3.1': { name: 'dsa-with-SHA224', hash: 'SHA-224' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-SHA256', hash: 'SHA-256' },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

const HASHES: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.2': 'MD2',
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export const RSASSA_PSS_OID = '1.2.840.113549.1.1.10';

/** Digests no longer fit for certificate signatures. */
export const WEAK_SIGNATURE_HASHES: ReadonlySet<string> = new Set(['MD2', 'MD4', 'MD5', 'SHA-1']);

export function signatureAlgorithm(oid: string): SignatureAlgorithm {
  return SIGNATURES[oid] ?? { name: oid };
}

/** RSASSA-PSS carries its digest in parameters; RFC 4055 makes SHA-1 the default when absent. */
export function pssSignatureAlgorithm(hashOid: string | undefined): SignatureAlgorithm {
  const hash = hashOid === undefined ? 'SHA-1' : (HASHES[hashOid] ?? hashOid);
  return { name: `RSASSA-PSS (${hash})`, hash };
}

export const PUBLIC_KEY_TYPES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** Named curves by OID, in OpenSSL's spelling (what Node reports as namedCurve). */
const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.1': 'prime192v1',
  '1.3.132.0.33': 'secp224r1',
  '1.2.840.10045.3.1.7': 'prime256v1',
  '1.3.132.0.34': 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};

const NIST_NAMES: Readonly<Record<string, string>> = {
  prime192v1: 'P-192',
  secp224r1: 'P-224',
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

export function curveForOid(oid: string): string {
  return CURVES[oid] ?? oid;
}

/** `P-256` for the NIST curves, the OpenSSL name otherwise. */
export function curveDisplayName(curve: string): string {
  return NIST_NAMES[curve] ?? curve;
}

/** Field size in bits, read from the curve's name (prime256v1, secp384r1, brainpoolP512r1, sect163k1). */
export function curveBits(curve: string): number | undefined {
  const digits = /(\d{3})/.exec(curve);
  return digits ? Number(digits[1]) : undefined;
}
