// A tenant's API as the editor uses it: listings, zips and configurations
// are kept once read, so a scan, the tree and the read-only file system share
// one download of each artifact (until the tenant is refreshed). Failed
// calls are not kept: the next one asks again.
import type { ConfiguredParameter, DesigntimeArtifact, IntegrationPackage, TenantApi } from '../../engine/tenant/api';

export class CachingTenantApi implements TenantApi {
  readonly host: string;
  private readonly kept = new Map<string, Promise<unknown>>();

  constructor(private readonly api: TenantApi) {
    this.host = api.host;
  }

  /** The zip of an artifact when it was downloaded already. */
  async downloaded(artifactId: string): Promise<Uint8Array | undefined> {
    const zip = this.kept.get(`iflowContent\0${artifactId}`) ?? this.kept.get(`scriptCollectionContent\0${artifactId}`);
    return zip ? ((await zip.catch(() => undefined)) as Uint8Array | undefined) : undefined;
  }

  private once<T>(key: string, call: () => Promise<T>): Promise<T> {
    let kept = this.kept.get(key) as Promise<T> | undefined;
    if (!kept) {
      kept = call();
      this.kept.set(key, kept);
      kept.catch(() => this.kept.delete(key));
    }
    return kept;
  }

  packages(signal?: AbortSignal): Promise<IntegrationPackage[]> {
    return this.once('packages', () => this.api.packages(signal));
  }
  iflows(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]> {
    return this.once(`iflows\0${packageId}`, () => this.api.iflows(packageId, signal));
  }
  scriptCollections(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]> {
    return this.once(`scriptCollections\0${packageId}`, () => this.api.scriptCollections(packageId, signal));
  }
  iflowContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.once(`iflowContent\0${artifactId}`, () => this.api.iflowContent(artifactId, signal));
  }
  scriptCollectionContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.once(`scriptCollectionContent\0${artifactId}`, () => this.api.scriptCollectionContent(artifactId, signal));
  }
  configurations(artifactId: string, signal?: AbortSignal): Promise<ConfiguredParameter[]> {
    return this.once(`configurations\0${artifactId}`, () => this.api.configurations(artifactId, signal));
  }
  // security material is read afresh by every scan: it changes on the tenant more often than content
  keystoreEntries(signal?: AbortSignal) {
    return this.api.keystoreEntries(signal);
  }
  keystoreCertificate(hexalias: string, signal?: AbortSignal) {
    return this.api.keystoreCertificate(hexalias, signal);
  }
  userCredentials(signal?: AbortSignal) {
    return this.api.userCredentials(signal);
  }
  oauth2ClientCredentials(signal?: AbortSignal) {
    return this.api.oauth2ClientCredentials(signal);
  }
  secureParameters(signal?: AbortSignal) {
    return this.api.secureParameters(signal);
  }
  certificateUserMappings(signal?: AbortSignal) {
    return this.api.certificateUserMappings(signal);
  }
}
