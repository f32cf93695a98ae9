// A tenant's security material as the linter reads it through the Cloud
// Integration API (see the tenant source in engine/). Plain data, no HTTP:
// the tenant rules check these records, and tests build them by hand.

/** One entry of the tenant keystore (`/KeystoreEntries`). */
export interface KeystoreEntry {
  readonly alias: string;
  /** The alias's bytes in hex, as the API addresses the entry. */
  readonly hexalias: string;
  /** `Certificate`, `Key Pair`, `Secret Key`, ... as the tenant says. */
  readonly type: string;
  /** `SAP` for entries SAP owns and renews; the tenant's own otherwise. */
  readonly owner: string;
  readonly keyType?: string;
  readonly keySize?: number;
  readonly ellipticCurve?: string;
  readonly signatureAlgorithm?: string;
  readonly validNotBefore?: Date;
  readonly validNotAfter?: Date;
  readonly subjectDN?: string;
  readonly issuerDN?: string;
  readonly fingerprintSha256?: string;
  /** The entry's certificate (DER or PEM bytes) when it could be fetched. */
  readonly certificate?: Uint8Array;
}

/** A deployed user credential (`/UserCredentials`); never holds a password. */
export interface UserCredential {
  readonly name: string;
  readonly kind: string;
  readonly user?: string;
}

/** A deployed OAuth2 client credential (`/OAuth2ClientCredentials`). */
export interface OAuth2ClientCredential {
  readonly name: string;
  readonly tokenServiceUrl: string;
  readonly clientAuthentication?: string;
}

/** A certificate mapped to a user for inbound client-certificate authentication. */
export interface CertificateUserMapping {
  readonly user: string;
  /** DER bytes of the mapped certificate. */
  readonly certificate: Uint8Array;
  readonly validUntil?: Date;
}

/** Everything of a tenant's security material that was read. */
export interface SecurityMaterial {
  /** The tenant host, as it appears in `cpi-tenant://<host>/...` URIs. */
  readonly host: string;
  readonly keystore: readonly KeystoreEntry[];
  readonly userCredentials: readonly UserCredential[];
  readonly oauth2ClientCredentials: readonly OAuth2ClientCredential[];
  /** Names of secure parameters; undefined where the tenant does not offer the list (404). */
  readonly secureParameters?: readonly string[];
  readonly certificateUserMappings: readonly CertificateUserMapping[];
}
