// Messages between the extension and the language server about live tenants
// (see ../shared/spec/TENANT.md): connect with a service key, browse packages
// and artifacts, scan with progress, read tenant files for the read-only
// cpi-tenant: file system. A tenant is named by its host, as cpi-tenant://
// URIs name it. The service key travels once, in the connect request; the
// server keeps it in memory only and never logs it.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export const TENANT_URI_SCHEME = 'cpi-tenant';

/** Why a tenant request failed, with the next step in `message`. */
export interface TenantFailure {
  /** `service-key`, `auth`, `forbidden`, `network`, `not-found`, … (the engine's TenantError kinds), or `unknown-tenant`. */
  readonly kind: string;
  readonly message: string;
  /** The role a 403 says is missing. */
  readonly role?: string;
}

export interface TenantPackageInfo {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  /** The tenant does not give out the content of configure-only packages. */
  readonly configureOnly: boolean;
}

export type TenantArtifactKind = 'iflow' | 'script-collection';

export interface TenantArtifactInfo {
  readonly id: string;
  readonly name: string;
  readonly packageId: string;
  readonly kind: TenantArtifactKind;
  readonly version?: string;
  /** cpi-tenant://<host>/<PackageId>/<ArtifactId> */
  readonly uri: string;
}

export interface TenantConnectParams {
  /** The service key's JSON, as kept in the editor's secret storage. */
  readonly serviceKey: string;
  /**
   * A folder (path on the server's machine: the extension's storage) where
   * the server keeps the tenant's last scan, so that connecting again after
   * a restart or in a new window brings its results back without a scan.
   * Disconnecting deletes the tenant's file.
   */
  readonly resultsFolder?: string;
}

export interface TenantConnectResult {
  readonly host?: string;
  /** The tenant URL (no secret). */
  readonly url?: string;
  readonly packages?: readonly TenantPackageInfo[];
  /** The last scan kept in `resultsFolder`, published again as diagnostics: the tree's counts as after that scan. */
  readonly restored?: TenantRestoredScan;
  readonly error?: TenantFailure;
}

export interface TenantRestoredScan {
  /** Counts of every artifact with findings, the material summary, when and how completely it was read. */
  readonly result: TenantScanResult;
  /** The packages scanned one by one; empty when the whole tenant was scanned. */
  readonly packageIds: readonly string[];
}

export namespace TenantConnectRequest {
  export const method = 'cpiSecurity/tenant/connect';
  export const type = new RequestType<TenantConnectParams, TenantConnectResult, void>(method);
}

/** Forget a tenant: its client, downloads and diagnostics. */
export namespace TenantDisconnectRequest {
  export const method = 'cpiSecurity/tenant/disconnect';
  export const type = new RequestType<{ readonly host: string }, void, void>(method);
}

export namespace TenantPackagesRequest {
  export const method = 'cpiSecurity/tenant/packages';
  export const type = new RequestType<
    { readonly host: string },
    { readonly packages?: readonly TenantPackageInfo[]; readonly error?: TenantFailure },
    void
  >(method);
}

export namespace TenantArtifactsRequest {
  export const method = 'cpiSecurity/tenant/artifacts';
  export const type = new RequestType<
    { readonly host: string; readonly packageId: string },
    { readonly artifacts?: readonly TenantArtifactInfo[]; readonly error?: TenantFailure },
    void
  >(method);
}

export interface TenantFileInfo {
  readonly uri: string;
  /** Path inside the artifact's project (`src/main/resources/...`). */
  readonly path: string;
  readonly size: number;
}

/** The files of one artifact's project (downloaded once, then served from memory). */
export namespace TenantArtifactFilesRequest {
  export const method = 'cpiSecurity/tenant/artifactFiles';
  export const type = new RequestType<
    { readonly uri: string },
    { readonly files?: readonly TenantFileInfo[]; readonly error?: TenantFailure },
    void
  >(method);
}

/**
 * The text of a tenant file: an iFlow or script as downloaded, a
 * parameters.prop with the values configured on the tenant, or a summary of
 * a keystore entry, credential or certificate mapping.
 */
export namespace TenantFileRequest {
  export const method = 'cpiSecurity/tenant/file';
  export const type = new RequestType<{ readonly uri: string }, { readonly text?: string; readonly error?: TenantFailure }, void>(method);
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export interface TenantArtifactFindings {
  readonly packageId: string;
  readonly artifactId: string;
  readonly counts: SeverityCounts;
}

export interface KeystoreEntrySummary {
  readonly alias: string;
  readonly type: string;
  readonly owner: string;
  readonly subject?: string;
  /** ISO date. */
  readonly validUntil?: string;
  readonly uri: string;
  /** Names of the iFlows whose channels use the alias. */
  readonly usedBy: readonly string[];
  /** Rule ids of the findings on the entry (cert-expired, cert-weak-key, cert-self-signed, …). */
  readonly rules: readonly string[];
  readonly counts: SeverityCounts;
}

export interface CredentialSummary {
  readonly name: string;
  /** `user`, `oauth2`, `secure-parameter`. */
  readonly kind: string;
  readonly uri: string;
  readonly usedBy: readonly string[];
  readonly counts: SeverityCounts;
}

export interface MissingMaterial {
  /** The name a channel uses that the tenant does not have. */
  readonly name: string;
  readonly usedBy: readonly string[];
}

export interface CertificateMappingSummary {
  readonly user: string;
  readonly validUntil?: string;
  readonly uri: string;
  readonly rules: readonly string[];
  readonly counts: SeverityCounts;
}

export interface SecurityMaterialSummary {
  readonly keystore: readonly KeystoreEntrySummary[];
  readonly credentials: readonly CredentialSummary[];
  /** Names channels use that the tenant lacks (unknown-security-material). */
  readonly missing: readonly MissingMaterial[];
  readonly certificateUserMappings: readonly CertificateMappingSummary[];
}

export interface TenantScanParams {
  readonly host: string;
  /** Package ids to scan; none or empty: the whole tenant (security material included). */
  readonly packageIds?: readonly string[];
}

export interface TenantScanResult {
  /** Epoch milliseconds when the scan finished. */
  readonly scannedAt: number;
  readonly cancelled: boolean;
  /** Something could not be read (see problems). */
  readonly incomplete: boolean;
  readonly artifacts: readonly TenantArtifactFindings[];
  /** What could not be read or was skipped, one line each. */
  readonly problems: readonly string[];
  readonly findings: number;
  /** When the security material was read (a whole-tenant scan). */
  readonly material?: SecurityMaterialSummary;
  readonly error?: TenantFailure;
}

/** Cancel through the request's cancellation; progress arrives as TenantScanProgressNotification. */
export namespace TenantScanRequest {
  export const method = 'cpiSecurity/tenant/scan';
  export const type = new RequestType<TenantScanParams, TenantScanResult, void>(method);
}

export interface TenantScanProgress {
  readonly host: string;
  /** Artifacts done, and known so far. */
  readonly done: number;
  readonly total: number;
  /** The package last worked on. */
  readonly current?: string;
}

export namespace TenantScanProgressNotification {
  export const method = 'cpiSecurity/tenant/scanProgress';
  export const type = new NotificationType<TenantScanProgress>(method);
}

/** Write an artifact's project (every file of its zip, as on the tenant) to `<folder>/<ArtifactId>/`. */
export namespace TenantDownloadRequest {
  export const method = 'cpiSecurity/tenant/download';
  export const type = new RequestType<
    { readonly uri: string; readonly folder: string },
    { readonly folder?: string; readonly files?: readonly string[]; readonly error?: TenantFailure },
    void
  >(method);
}

/** The client command that downloads the artifact of a tenant URI (the server offers it on tenant findings). */
export const DOWNLOAD_ARTIFACT_COMMAND = 'cpiSecurity.tenants.download';

export function isTenantUri(uri: string): boolean {
  return uri.startsWith(`${TENANT_URI_SCHEME}:`);
}
