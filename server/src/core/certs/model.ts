import type { Range } from '@cpi/common/text/range';
import type { DnAttribute } from './dn';

export type CertificateUsage = 'inbound' | 'outbound' | 'messageLevel';

export type KeyType = 'RSA' | 'RSA-PSS' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448' | 'unknown';

export interface SubjectAltName {
  readonly type: 'DNS' | 'IP' | 'email' | 'URI';
  readonly value: string;
}

export interface CertificateInfo {
  /** RFC 4514 string (most specific RDN first, `CN=..., O=..., C=...`), as Java and SAP show it. */
  readonly subject: string;
  readonly issuer: string;
  /** Attributes in the order of the string above. */
  readonly subjectAttributes: readonly DnAttribute[];
  readonly issuerAttributes: readonly DnAttribute[];
  /** Lower-case hex, without leading zero bytes beyond what the DER holds. */
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyType: KeyType;
  /** RSA/DSA modulus length, EC field size, 256/456 for Ed25519/Ed448. */
  readonly keyBits?: number;
  /** EC curve in OpenSSL's spelling (prime256v1, secp384r1). */
  readonly curve?: string;
  /** Readable name such as sha256WithRSAEncryption or ecdsa-with-SHA256 (dotted OID when unknown). */
  readonly signatureAlgorithm: string;
  /** Digest behind the signature (SHA-1, SHA-256, MD5), when known. */
  readonly signatureHash?: string;
  /** Upper-case hex pairs joined by colons. */
  readonly sha256Fingerprint: string;
  readonly subjectAltNames: readonly SubjectAltName[];
  /** basicConstraints cA = true. */
  readonly isCA: boolean;
  /** Issuer name equals subject name (says nothing about who signed it). */
  readonly selfIssued: boolean;
  /** Self-issued and the signature verifies with the certificate's own public key. */
  readonly selfSigned: boolean;
  /** `*` in the subject CN. */
  readonly wildcardCn: boolean;
  /** DNS subject alternative names holding `*`. */
  readonly wildcardDnsNames: readonly string[];
  /**
   * Which reader produced the fields (node-forge's ASN.1, or Node's
   * X509Certificate alone), or `listed-fields` for a tenant keystore entry
   * whose certificate bytes were missing: then only its listed fields are
   * known, and nothing about who signed it.
   */
  readonly readBy: 'node-forge' | 'node-crypto' | 'listed-fields';
}

export type BlockKind = 'certificate' | 'private-key' | 'other';

export interface CertificateBlock {
  readonly kind: BlockKind;
  /** PEM label (`CERTIFICATE`, `RSA PRIVATE KEY`, ...); `DER` for a binary file, `BASE64` for headerless base64. */
  readonly label: string;
  /** The whole BEGIN..END block; for DER the empty range at the start of the file. */
  readonly range: Range;
  /**
   * The block's first line (the BEGIN line; for DER the empty range at the
   * start): findings underline it rather than the whole base64 body.
   */
  readonly headerRange: Range;
  /** For certificates that could be read. */
  readonly info?: CertificateInfo;
  /** Why a certificate block could not be read (also listed in the file's problems). */
  readonly problem?: string;
}

/** Input that is not a readable certificate; reported as a plain diagnostic, never as a rule finding. */
export interface CertificateProblem {
  readonly message: string;
  readonly range: Range;
}

export interface CertificateFile {
  readonly blocks: readonly CertificateBlock[];
  readonly problems: readonly CertificateProblem[];
  /** Set for key stores (.p12/.pfx/.jks), which are not read. */
  readonly keyStore?: 'PKCS#12' | 'JKS';
}
