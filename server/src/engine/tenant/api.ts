// What the linter asks of a tenant, independent of HTTP: the tenant source
// reads content and security material through this, the HTTP client
// implements it against the Cloud Integration OData API, and tests can
// implement it in memory.
import type { CertificateUserMapping, KeystoreEntry, OAuth2ClientCredential, UserCredential } from '../../core/tenant/material';

export interface IntegrationPackage {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  /** `CONFIGURE_ONLY` packages refuse content downloads. */
  readonly mode?: string;
}

/** An iFlow or a script collection of a package. */
export interface DesigntimeArtifact {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  readonly packageId: string;
}

/** A configured value of an externalized parameter. */
export interface ConfiguredParameter {
  readonly key: string;
  readonly value: string;
  readonly dataType?: string;
}

/** Every call may reject with a TenantError (see tenant/errors.ts) saying what failed and why. */
export interface TenantApi {
  /** The tenant host, for cpi-tenant:// URIs. */
  readonly host: string;
  packages(signal?: AbortSignal): Promise<IntegrationPackage[]>;
  iflows(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]>;
  scriptCollections(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]>;
  /** The artifact's project as a zip. */
  iflowContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array>;
  scriptCollectionContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array>;
  configurations(artifactId: string, signal?: AbortSignal): Promise<ConfiguredParameter[]>;
  keystoreEntries(signal?: AbortSignal): Promise<KeystoreEntry[]>;
  /** DER or PEM bytes of one keystore entry's certificate. */
  keystoreCertificate(hexalias: string, signal?: AbortSignal): Promise<Uint8Array>;
  userCredentials(signal?: AbortSignal): Promise<UserCredential[]>;
  oauth2ClientCredentials(signal?: AbortSignal): Promise<OAuth2ClientCredential[]>;
  /** Undefined where the tenant does not offer the list (404). */
  secureParameters(signal?: AbortSignal): Promise<string[] | undefined>;
  certificateUserMappings(signal?: AbortSignal): Promise<CertificateUserMapping[]>;
}
