import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ConfiguredParameter, DesigntimeArtifact, IntegrationPackage, TenantApi } from '../../server/src/engine/tenant/api';
import type { CertificateUserMapping, KeystoreEntry, OAuth2ClientCredential, UserCredential } from '../../server/src/core/tenant/material';

// A tenant in memory behind the TenantApi contract, for fast tests of the
// tenant source: no HTTP. Failures are injected per call name and argument.

export interface MemoryArtifact {
  readonly id: string;
  readonly name?: string;
  /** The zip the tenant serves. */
  readonly zip: Uint8Array;
  readonly configurations?: readonly ConfiguredParameter[];
}

export interface MemoryPackage {
  readonly id: string;
  readonly name?: string;
  readonly mode?: string;
  readonly iflows?: readonly MemoryArtifact[];
  readonly scriptCollections?: readonly MemoryArtifact[];
}

export interface MemoryTenantContent {
  readonly packages: readonly MemoryPackage[];
  readonly keystore?: readonly KeystoreEntry[];
  readonly userCredentials?: readonly UserCredential[];
  readonly oauth2ClientCredentials?: readonly OAuth2ClientCredential[];
  readonly secureParameters?: readonly string[];
  readonly certificateUserMappings?: readonly CertificateUserMapping[];
}

/** A project zip from files by path below the project (`src/main/resources/...`). */
export function projectZip(files: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n') };
  for (const [path, content] of Object.entries(files)) entries[path] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

/** A project zip of a rule fixture folder's iFlow and parameters.prop. */
export function fixtureZip(folder: string, iflowFile: string, parameters?: string): Uint8Array {
  const files: Record<string, string> = {
    [`src/main/resources/scenarioflows/integrationflow/${iflowFile}`]: readFileSync(join(folder, iflowFile), 'utf8'),
  };
  if (parameters !== undefined) files['src/main/resources/parameters.prop'] = parameters;
  return projectZip(files);
}

export class MemoryTenant implements TenantApi {
  /** Calls made, as `name(argument)`. */
  readonly calls: string[] = [];
  /** Errors thrown by call, keyed `name` or `name(argument)`. */
  readonly failures = new Map<string, Error>();
  /** Called before each answer: lets a test abort or delay. */
  beforeAnswer?: (call: string, signal?: AbortSignal) => Promise<void> | void;

  constructor(
    readonly host: string,
    private readonly content: MemoryTenantContent,
  ) {}

  private async answer<T>(name: string, argument: string | undefined, signal: AbortSignal | undefined, value: () => T): Promise<T> {
    const call = argument === undefined ? name : `${name}(${argument})`;
    this.calls.push(call);
    await this.beforeAnswer?.(call, signal);
    if (signal?.aborted) throw new Error('aborted');
    const failure = this.failures.get(call) ?? this.failures.get(name);
    if (failure) throw failure;
    return value();
  }

  private pkg(id: string): MemoryPackage {
    const found = this.content.packages.find((pkg) => pkg.id === id);
    if (!found) throw new Error(`no package ${id}`);
    return found;
  }

  private artifact(id: string, kind: 'iflows' | 'scriptCollections'): MemoryArtifact {
    for (const pkg of this.content.packages) {
      const found = pkg[kind]?.find((artifact) => artifact.id === id);
      if (found) return found;
    }
    throw new Error(`no artifact ${id}`);
  }

  private listed(pkg: MemoryPackage, kind: 'iflows' | 'scriptCollections'): DesigntimeArtifact[] {
    return (pkg[kind] ?? []).map((artifact) => ({
      id: artifact.id,
      name: artifact.name ?? artifact.id,
      packageId: pkg.id,
      version: '1.0.0',
    }));
  }

  packages(signal?: AbortSignal): Promise<IntegrationPackage[]> {
    return this.answer('packages', undefined, signal, () =>
      this.content.packages.map((pkg) => ({ id: pkg.id, name: pkg.name ?? pkg.id, mode: pkg.mode ?? 'EDIT_ALLOWED' })),
    );
  }
  iflows(packageId: string, signal?: AbortSignal) {
    return this.answer('iflows', packageId, signal, () => this.listed(this.pkg(packageId), 'iflows'));
  }
  scriptCollections(packageId: string, signal?: AbortSignal) {
    return this.answer('scriptCollections', packageId, signal, () => this.listed(this.pkg(packageId), 'scriptCollections'));
  }
  iflowContent(artifactId: string, signal?: AbortSignal) {
    return this.answer('iflowContent', artifactId, signal, () => this.artifact(artifactId, 'iflows').zip);
  }
  scriptCollectionContent(artifactId: string, signal?: AbortSignal) {
    return this.answer('scriptCollectionContent', artifactId, signal, () => this.artifact(artifactId, 'scriptCollections').zip);
  }
  configurations(artifactId: string, signal?: AbortSignal) {
    return this.answer('configurations', artifactId, signal, () => [...(this.artifact(artifactId, 'iflows').configurations ?? [])]);
  }
  keystoreEntries(signal?: AbortSignal) {
    return this.answer('keystoreEntries', undefined, signal, () =>
      (this.content.keystore ?? []).map(({ certificate: _, ...entry }) => entry),
    );
  }
  keystoreCertificate(hexalias: string, signal?: AbortSignal) {
    return this.answer('keystoreCertificate', hexalias, signal, () => {
      const entry = this.content.keystore?.find((candidate) => candidate.hexalias === hexalias);
      if (!entry?.certificate) throw new Error(`no certificate for ${hexalias}`);
      return entry.certificate;
    });
  }
  userCredentials(signal?: AbortSignal) {
    return this.answer('userCredentials', undefined, signal, () => [...(this.content.userCredentials ?? [])]);
  }
  oauth2ClientCredentials(signal?: AbortSignal) {
    return this.answer('oauth2ClientCredentials', undefined, signal, () => [...(this.content.oauth2ClientCredentials ?? [])]);
  }
  secureParameters(signal?: AbortSignal) {
    return this.answer('secureParameters', undefined, signal, () =>
      this.content.secureParameters ? [...this.content.secureParameters] : undefined,
    );
  }
  certificateUserMappings(signal?: AbortSignal) {
    return this.answer('certificateUserMappings', undefined, signal, () => [...(this.content.certificateUserMappings ?? [])]);
  }
}
