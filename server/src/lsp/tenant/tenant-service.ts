// Live tenants in the editor: the connections the client asked for (by
// host), their listings, scans with progress and cancellation, the findings
// of the last scan as diagnostics on cpi-tenant:// URIs, and the text of
// tenant files for the client's read-only file system. The service key
// arrives in the connect request and stays in the engine's client; nothing
// here logs or returns it, and every error's words that leave the server
// (answers, log lines, the kept scan) pass through the client's redactor first.
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import {
  TenantScanProgressNotification,
  type TenantArtifactInfo,
  type TenantConnectResult,
  type TenantFailure,
  type TenantFileInfo,
  type TenantPackageInfo,
  type TenantScanParams,
  type TenantScanResult,
  type SecurityMaterialSummary,
  type TenantRestoredScan,
} from '@cpi/common/tenant-protocol';
import { isIflowUri, isParametersUri } from '../../core/analysis/artifact-layout';
import { parseIflow, parseParameters } from '../../core/analysis/parsed';
import type { SecurityMaterial } from '../../core/tenant/material';
import type { ReportedFinding } from '../../engine/report';
import type { DesigntimeArtifact } from '../../engine/tenant/api';
import { readArtifactZip } from '../../engine/tenant/artifact-source';
import { createTenantClient, type TenantClient } from '../../engine/tenant/client';
import { isTenantError } from '../../engine/tenant/errors';
import { maskedError } from '../../engine/tenant/masked-error';
import { TenantScanAborted } from '../../engine/tenant/problems';
import { parseServiceKey } from '../../engine/tenant/service-key';
import { scanTenant } from '../../engine/tenant/tenant-source';
import type { EditorConfiguration } from '../configuration';
import { toDiagnostic } from '../diagnostics';
import { CachingTenantApi } from './caching-api';
import { countsOf, summariseMaterial, type UsingArtifact } from './material-summary';
import { parametersAsConfigured } from './parameters-as-configured';
import { artifactUri, canonicalTenantUri, tenantLocation } from './tenant-location';
import { tenantFailure, unknownTenant } from './tenant-failure';
import { materialText } from './material-text';
import { materialHover } from './material-hover';
import { deleteSavedScan, readSavedScan, savedScanFile, writeSavedScan } from './saved-scan';
import { parseShown, tenantHover, tenantScriptHover } from './tenant-hover';
import { scriptLanguage } from '../../core/analysis/script-layout';
import { DownloadRefused, writeProject } from './download';
import { uriToPath } from '../../engine/uri';
import type { Hover, Position } from 'vscode-languageserver';
import { isAbsolute } from 'node:path';

/** Downloads at a time per scan (each an artifact's zip and its configuration). */
const SCAN_CONCURRENCY = 4;

interface Tenant {
  readonly host: string;
  readonly url: string;
  readonly client: TenantClient;
  readonly api: CachingTenantApi;
  /** Artifacts listed so far, by package id then artifact id. */
  readonly artifacts: Map<string, Map<string, TenantArtifactInfo>>;
  /** Findings of the scans so far, by canonical URI; a rescan of a package replaces its part. */
  findings: Map<string, ReportedFinding[]>;
  material?: SecurityMaterial;
  /** The security material as the last whole-tenant scan summarised it (usage for hovers). */
  summary?: SecurityMaterialSummary;
  /** What the scans so far covered, as kept in `savedFile`. */
  scanned?: { scannedAt: number; wholeTenant: boolean; packages: Set<string>; problems: readonly string[]; incomplete: boolean };
  /** Where the last scan is kept for a restarted server (the client's results folder), if anywhere. */
  readonly savedFile?: string;
}

/** Opens a client for a service key: the HTTP one, or a test's own. */
export type ClientFactory = (key: ReturnType<typeof parseServiceKey>) => TenantClient;

const httpClient: ClientFactory = (key) => createTenantClient(key, { concurrency: SCAN_CONCURRENCY * 2 });

export class TenantService {
  private readonly tenants = new Map<string, Tenant>();
  /** Clients not closed yet (connected, or still being tried): their redactors know the secrets in use. */
  private readonly clients = new Set<TenantClient>();

  constructor(
    private readonly connection: Connection,
    private readonly configuration: EditorConfiguration,
    private readonly newClient: ClientFactory = httpClient,
  ) {}

  /** Diagnostics of the tenant's last scans at this URI (the scan's findings, never a live analysis). */
  findingsFor(uri: string): readonly ReportedFinding[] {
    const location = tenantLocation(uri);
    return (location && this.tenants.get(location.host)?.findings.get(canonicalTenantUri(uri))) ?? [];
  }

  /** The artifact URI of a tenant file, when it names one. */
  artifactOf(uri: string): string | undefined {
    const location = tenantLocation(uri);
    return location && (location.kind === 'file' || location.kind === 'artifact')
      ? artifactUri(location.host, location.packageId, location.artifactId)
      : undefined;
  }

  /**
   * `text` with the secrets of every open client masked (TenantClient.redact):
   * for words that cannot be traced to one tenant, such as a failed request's or a crash's.
   */
  readonly redact = (text: string): string => {
    let out = text;
    for (const client of this.clients) out = client.redact(out);
    return out;
  };

  async connect(serviceKey: string, resultsFolder?: string): Promise<TenantConnectResult> {
    let key;
    try {
      key = parseServiceKey(serviceKey, 'service key');
    } catch (error) {
      // No client knows the secret yet: the key's own refusals are quoted (they never quote the key), nothing else is.
      return {
        error: isTenantError(error)
          ? tenantFailure(error, (text) => text)
          : { kind: 'internal', message: 'Unexpected error while reading the service key.' },
      };
    }
    const client = this.newClient(key);
    this.clients.add(client);
    const api = new CachingTenantApi(client);
    let packages;
    try {
      // listing the packages proves the key, the host and the content role
      packages = await api.packages();
    } catch (error) {
      await this.close(client);
      return { error: tenantFailure(error, (text) => client.redact(text)) };
    }
    await this.disconnect(key.host, { keepSaved: true });
    // a folder of this machine, as the client names its storage; anything else keeps nothing
    const savedFile = typeof resultsFolder === 'string' && isAbsolute(resultsFolder) ? savedScanFile(resultsFolder, key.host) : undefined;
    const tenant: Tenant = {
      host: key.host,
      url: key.url,
      client,
      api,
      artifacts: new Map(),
      findings: new Map(),
      ...(savedFile ? { savedFile } : {}),
    };
    this.tenants.set(key.host, tenant);
    this.connection.console.info(`Tenant ${key.host} connected: ${packages.length} integration packages.`);
    const restored = savedFile ? this.restore(tenant, savedFile) : undefined;
    return { host: key.host, url: key.url, packages: packages.map(packageInfo), ...(restored ? { restored } : {}) };
  }

  /** Brings back the tenant's last scan from its file: diagnostics published again, the tree's counts returned. */
  private restore(tenant: Tenant, file: string): TenantRestoredScan | undefined {
    const saved = readSavedScan(file);
    if (!saved) return undefined;
    tenant.findings = new Map([...saved.findings].map(([uri, list]) => [uri, [...list]]));
    if (saved.material) tenant.material = saved.material;
    if (saved.summary) tenant.summary = saved.summary;
    tenant.scanned = {
      scannedAt: saved.scannedAt,
      wholeTenant: saved.wholeTenant,
      packages: new Set(saved.packages),
      problems: saved.problems,
      incomplete: saved.incomplete,
    };
    this.publishAll(tenant);
    const all = [...tenant.findings.values()].flat();
    this.connection.console.info(
      `Tenant ${tenant.host}: the scan of ${new Date(saved.scannedAt).toISOString()} restored (${all.length} findings).`,
    );
    return {
      result: {
        scannedAt: saved.scannedAt,
        cancelled: false,
        incomplete: saved.incomplete,
        artifacts: artifactCounts(all),
        problems: saved.problems,
        findings: all.length,
        ...(saved.summary ? { material: saved.summary } : {}),
      },
      packageIds: saved.wholeTenant ? [] : saved.packages,
    };
  }

  /** Forgets the tenant; its kept scan too unless `keepSaved` (connecting again with a new key). */
  async disconnect(host: string, { keepSaved = false }: { keepSaved?: boolean } = {}): Promise<void> {
    const tenant = this.tenants.get(host);
    if (!tenant) return;
    this.tenants.delete(host);
    for (const uri of tenant.findings.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    try {
      if (tenant.savedFile && !keepSaved) deleteSavedScan(tenant.savedFile);
    } catch (error) {
      // masked here: once the client is closed, no redactor knows its secret
      throw maskedError(error, (text) => tenant.client.redact(text));
    } finally {
      await this.close(tenant.client);
    }
  }

  private async close(client: TenantClient): Promise<void> {
    await client.close().catch(() => undefined);
    this.clients.delete(client);
  }

  /** The packages (listed once per connection: connecting again reads the tenant afresh). */
  async packages(host: string): Promise<{ packages?: TenantPackageInfo[]; error?: TenantFailure }> {
    const tenant = this.tenants.get(host);
    if (!tenant) return { error: unknownTenant(host) };
    try {
      return { packages: (await tenant.api.packages()).map(packageInfo) };
    } catch (error) {
      return { error: tenantFailure(error, (text) => tenant.client.redact(text)) };
    }
  }

  async artifacts(host: string, packageId: string): Promise<{ artifacts?: TenantArtifactInfo[]; error?: TenantFailure }> {
    const tenant = this.tenants.get(host);
    if (!tenant) return { error: unknownTenant(host) };
    try {
      return { artifacts: [...(await this.listArtifacts(tenant, packageId)).values()] };
    } catch (error) {
      return { error: tenantFailure(error, (text) => tenant.client.redact(text)) };
    }
  }

  private async listArtifacts(tenant: Tenant, packageId: string): Promise<Map<string, TenantArtifactInfo>> {
    const known = tenant.artifacts.get(packageId);
    if (known) return known;
    const [iflows, scripts] = await Promise.all([tenant.api.iflows(packageId), tenant.api.scriptCollections(packageId)]);
    const info = (artifact: DesigntimeArtifact, kind: TenantArtifactInfo['kind']): TenantArtifactInfo => ({
      id: artifact.id,
      name: artifact.name || artifact.id,
      packageId,
      kind,
      ...(artifact.version ? { version: artifact.version } : {}),
      uri: artifactUri(tenant.host, packageId, artifact.id),
    });
    const listed = new Map(
      [...iflows.map((a) => info(a, 'iflow')), ...scripts.map((a) => info(a, 'script-collection'))].map((a) => [a.id, a]),
    );
    tenant.artifacts.set(packageId, listed);
    return listed;
  }

  /** The artifact's files, read from its zip (downloaded once), with the tenant's configured values. */
  private async artifactSource(tenant: Tenant, packageId: string, artifactId: string) {
    const artifact = (await this.listArtifacts(tenant, packageId)).get(artifactId);
    if (!artifact)
      throw Object.assign(
        new Error(`The tenant ${tenant.host} has no artifact ${artifactId} in package ${packageId}. Next: refresh the Tenants view.`),
        { notFound: true },
      );
    const iflow = artifact.kind === 'iflow';
    const [bytes, configurations] = await Promise.all([
      iflow ? tenant.api.iflowContent(artifactId) : tenant.api.scriptCollectionContent(artifactId),
      iflow ? tenant.api.configurations(artifactId) : Promise.resolve([]),
    ]);
    const configured = new Map(configurations.map((parameter) => [parameter.key, parameter.value]));
    return { artifact, configured, ...readArtifactZip({ host: tenant.host, packageId, artifactId, bytes, configured }) };
  }

  async artifactFiles(uri: string): Promise<{ files?: TenantFileInfo[]; error?: TenantFailure }> {
    const location = tenantLocation(uri);
    if (!location || (location.kind !== 'artifact' && location.kind !== 'file'))
      return { error: { kind: 'not-found', message: `${uri} names no tenant artifact.` } };
    const tenant = this.tenants.get(location.host);
    if (!tenant) return { error: unknownTenant(location.host) };
    try {
      const { source } = await this.artifactSource(tenant, location.packageId, location.artifactId);
      const base = `${artifactUri(tenant.host, location.packageId, location.artifactId)}/`;
      const files = source.files().map((file) => {
        const read = source.read(file.uri, Number.MAX_SAFE_INTEGER);
        const size = read && 'bytes' in read ? read.bytes.length : 0;
        return { uri: file.uri, path: decodeURIComponent(file.uri.slice(base.length)), size };
      });
      return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
    } catch (error) {
      return { error: fileFailure(error, tenant) };
    }
  }

  async fileText(uri: string): Promise<{ text?: string; error?: TenantFailure }> {
    const location = tenantLocation(uri);
    if (!location) return { error: { kind: 'not-found', message: `${uri} is not a tenant URI.` } };
    const tenant = this.tenants.get(location.host);
    if (!tenant) return { error: unknownTenant(location.host) };
    if (location.kind === 'material') {
      const text = tenant.material && materialText(tenant.material, location.list, location.name);
      return text !== undefined
        ? { text }
        : {
            error: {
              kind: 'not-found',
              message: `${location.list}/${location.name} is not in the security material of the last scan. Next: scan the whole tenant.`,
            },
          };
    }
    if (location.kind !== 'file') return { error: { kind: 'not-found', message: `${uri} is a folder of the tenant, not a file.` } };
    try {
      const { source, configured } = await this.artifactSource(tenant, location.packageId, location.artifactId);
      const read = source.read(canonicalTenantUri(uri), Number.MAX_SAFE_INTEGER);
      if (!read || !('bytes' in read))
        return { error: { kind: 'not-found', message: `The artifact ${location.artifactId} has no file ${location.path}.` } };
      const text = new TextDecoder('utf-8').decode(read.bytes);
      return { text: isParametersUri(uri) ? parametersAsConfigured(text, configured) : text };
    } catch (error) {
      return { error: fileFailure(error, tenant) };
    }
  }

  /** Writes the artifact's project under the folder (a file: URI) the user picked. */
  async download(uri: string, folderUri: string): Promise<{ folder?: string; files?: string[]; error?: TenantFailure }> {
    const location = tenantLocation(uri);
    if (!location || (location.kind !== 'artifact' && location.kind !== 'file'))
      return { error: { kind: 'not-found', message: `${uri} names no tenant artifact.` } };
    const tenant = this.tenants.get(location.host);
    if (!tenant) return { error: unknownTenant(location.host) };
    const parent = uriToPath(folderUri);
    if (!parent)
      return {
        error: { kind: 'not-found', message: `${folderUri} is not a folder on this machine. Next: pick a local workspace folder.` },
      };
    try {
      const { artifact } = await this.artifactSource(tenant, location.packageId, location.artifactId);
      const zip = await (artifact.kind === 'iflow'
        ? tenant.api.iflowContent(artifact.id)
        : tenant.api.scriptCollectionContent(artifact.id));
      const written = writeProject(zip, parent, artifact.id);
      this.connection.console.info(
        `Downloaded ${artifact.kind} ${artifact.id} of ${tenant.host} to ${written.folder} (${written.files.length} files).`,
      );
      return written;
    } catch (error) {
      const redact = (text: string) => tenant.client.redact(text);
      if (error instanceof DownloadRefused)
        return { error: { kind: 'download', message: redact(`Could not download ${location.artifactId}: ${error.message}`) } };
      if (error instanceof Error && 'code' in error)
        return { error: { kind: 'download', message: redact(`Could not write ${location.artifactId}: ${error.message}`) } };
      return { error: fileFailure(error, tenant) };
    }
  }

  /** Hover on an iFlow, parameters.prop, script or item of security material of the tenant, with the findings of the last scan. */
  async hover(uri: string, position: Position): Promise<Hover | null> {
    const location = tenantLocation(uri);
    if (location?.kind === 'material') {
      const material = this.tenants.get(location.host)?.material;
      const text = material && materialText(material, location.list, location.name);
      return text === undefined
        ? null
        : materialHover(location.list, location.name, text, this.findingsFor(uri), this.tenants.get(location.host)?.summary);
    }
    const script = scriptLanguage(uri) !== undefined;
    if (location?.kind !== 'file' || !(isIflowUri(uri) || isParametersUri(uri) || script)) return null;
    const tenant = this.tenants.get(location.host);
    if (!tenant) return null;
    try {
      const { source, configured } = await this.artifactSource(tenant, location.packageId, location.artifactId);
      if (script) {
        const canonical = canonicalTenantUri(uri);
        const read = source.read(canonical, Number.MAX_SAFE_INTEGER);
        return read && 'bytes' in read
          ? tenantScriptHover(canonical, new TextDecoder('utf-8').decode(read.bytes), this.findingsFor(canonical), position)
          : null;
      }
      const files = new Map<string, string>();
      for (const file of source.files()) {
        if (!isIflowUri(file.uri) && !isParametersUri(file.uri)) continue;
        const read = source.read(file.uri, Number.MAX_SAFE_INTEGER);
        if (!read || !('bytes' in read)) continue;
        const text = new TextDecoder('utf-8').decode(read.bytes);
        files.set(file.uri, isParametersUri(file.uri) ? parametersAsConfigured(text, configured) : text);
      }
      const canonical = canonicalTenantUri(uri);
      return tenantHover(canonical, parseShown({ files }), this.findingsFor(canonical), position);
    } catch {
      return null; // the file could not be read: its view says why
    }
  }

  async scan(params: TenantScanParams, token?: CancellationToken): Promise<TenantScanResult> {
    const tenant = this.tenants.get(params.host);
    const empty = { scannedAt: Date.now(), artifacts: [], problems: [], findings: 0, incomplete: true };
    if (!tenant) return { ...empty, cancelled: false, error: unknownTenant(params.host) };
    const packageIds = params.packageIds ?? [];
    const whole = packageIds.length === 0;
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    const root = `cpi-tenant://${tenant.host}`;
    try {
      const { resolver: configs, file: configFile } = await this.configuration.tenantResolver(tenant.host);
      this.connection.console.info(
        `Scanning ${tenant.host} with ${configFile ? `the configuration ${configFile}` : 'the default configuration'} and the editor settings.`,
      );
      const scan = await scanTenant({
        api: tenant.api,
        packages: packageIds,
        securityMaterial: whole,
        concurrency: SCAN_CONCURRENCY,
        signal: controller.signal,
        onProgress: ({ done, total, current }) =>
          void this.connection.sendNotification(TenantScanProgressNotification.type, {
            host: tenant.host,
            done,
            total,
            ...(current ? { current } : {}),
          }),
        scan: { root, now: new Date(), configs },
      });
      const findings = scan.report.findings;
      this.publish(tenant, findings, whole ? undefined : packageIds);
      if (scan.securityMaterial) tenant.material = scan.securityMaterial;
      const material =
        scan.securityMaterial && summariseMaterial(scan.securityMaterial, await this.usingArtifacts(tenant, packageIds), findings);
      if (material) tenant.summary = material;
      // a problem may quote an unexpected error's words (an analysis that failed): it is answered and kept masked
      const problems = [
        ...scan.report.fileErrors,
        ...scan.report.notes.filter((note) => note.kind === 'not-scanned' || note.kind === 'tenant'),
      ].map((note) => tenant.client.redact(note.message));
      this.remember(tenant, { whole, packageIds, problems, incomplete: scan.incomplete });
      return {
        scannedAt: Date.now(),
        cancelled: false,
        incomplete: scan.incomplete,
        artifacts: artifactCounts(findings),
        problems,
        findings: findings.length,
        ...(material ? { material } : {}),
      };
    } catch (error) {
      if (error instanceof TenantScanAborted || controller.signal.aborted) return { ...empty, cancelled: true };
      return { ...empty, cancelled: false, error: tenantFailure(error, (text) => tenant.client.redact(text)) };
    } finally {
      cancel?.dispose();
    }
  }

  /** The scanned iFlows, parsed from their downloads, for the usage of the security material. */
  private async usingArtifacts(tenant: Tenant, packageIds: readonly string[]): Promise<UsingArtifact[]> {
    const using: UsingArtifact[] = [];
    const packages = packageIds.length > 0 ? packageIds : (await tenant.api.packages()).map((pkg) => pkg.id);
    for (const packageId of packages) {
      let artifacts;
      try {
        artifacts = await this.listArtifacts(tenant, packageId);
      } catch {
        continue; // the scan said why
      }
      for (const artifact of artifacts.values()) {
        if (artifact.kind !== 'iflow' || !(await tenant.api.downloaded(artifact.id))) continue;
        const { source, configured } = await this.artifactSource(tenant, packageId, artifact.id);
        const text = (uri: string) => {
          const read = source.read(uri, Number.MAX_SAFE_INTEGER);
          return read && 'bytes' in read ? new TextDecoder('utf-8').decode(read.bytes) : undefined;
        };
        const files = source.files();
        const iflows = files
          .filter((file) => isIflowUri(file.uri))
          .flatMap((file) => {
            const content = text(file.uri);
            return content === undefined ? [] : [parseIflow(file.uri, content)];
          });
        const parametersFile = files.find((file) => isParametersUri(file.uri));
        const parametersText = parametersFile && text(parametersFile.uri);
        using.push({
          name: artifact.name,
          iflows,
          configured,
          ...(parametersText !== undefined ? { parameters: parseParameters(parametersFile!.uri, parametersText) } : {}),
        });
      }
    }
    return using;
  }

  /** Notes what the scans so far covered and keeps them in the tenant's file. */
  private remember(
    tenant: Tenant,
    scan: { whole: boolean; packageIds: readonly string[]; problems: readonly string[]; incomplete: boolean },
  ): void {
    const packages = new Set(scan.whole ? [] : [...(tenant.scanned?.packages ?? []), ...scan.packageIds]);
    tenant.scanned = {
      scannedAt: Date.now(),
      wholeTenant: scan.whole || (tenant.scanned?.wholeTenant ?? false),
      packages,
      problems: scan.problems,
      incomplete: scan.incomplete,
    };
    if (!tenant.savedFile) return;
    try {
      writeSavedScan(tenant.savedFile, {
        ...tenant.scanned,
        packages: [...packages],
        findings: tenant.findings,
        ...(tenant.material ? { material: tenant.material } : {}),
        ...(tenant.summary ? { summary: tenant.summary } : {}),
      });
    } catch (error) {
      // the scan stands; only a restart would lose it
      this.connection.console.warn(
        tenant.client.redact(`Could not keep the scan of ${tenant.host} in ${tenant.savedFile}: ${String(error)}`),
      );
    }
  }

  private publishAll(tenant: Tenant): void {
    for (const [uri, list] of tenant.findings) {
      const diagnostics: Diagnostic[] = list.map((finding) => toDiagnostic(finding));
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** Publishes the scan's findings; a package scan replaces the findings of those packages only. */
  private publish(tenant: Tenant, findings: readonly ReportedFinding[], packageIds: readonly string[] | undefined): void {
    const previous = tenant.findings;
    const kept = new Map<string, ReportedFinding[]>();
    if (packageIds) {
      for (const [uri, list] of previous) {
        const location = tenantLocation(uri);
        const inScan =
          location &&
          (location.kind === 'file' || location.kind === 'artifact' || location.kind === 'package') &&
          packageIds.includes(location.packageId);
        if (!inScan) kept.set(uri, list);
      }
    }
    for (const finding of findings) {
      const uri = canonicalTenantUri(finding.uri);
      kept.set(uri, [...(kept.get(uri) ?? []), finding]);
    }
    tenant.findings = kept;
    for (const uri of previous.keys()) if (!kept.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishAll(tenant);
  }
}

function packageInfo(pkg: { id: string; name: string; version?: string; mode?: string }): TenantPackageInfo {
  return {
    id: pkg.id,
    name: pkg.name || pkg.id,
    ...(pkg.version ? { version: pkg.version } : {}),
    configureOnly: /^configure[_ ]?only$/i.test(pkg.mode ?? ''),
  };
}

function artifactCounts(findings: readonly ReportedFinding[]) {
  const byArtifact = new Map<string, { packageId: string; artifactId: string; findings: ReportedFinding[] }>();
  for (const finding of findings) {
    const location = tenantLocation(finding.uri);
    if (!location || (location.kind !== 'file' && location.kind !== 'artifact')) continue;
    const key = `${location.packageId}\0${location.artifactId}`;
    const entry = byArtifact.get(key) ?? { packageId: location.packageId, artifactId: location.artifactId, findings: [] };
    entry.findings.push(finding);
    byArtifact.set(key, entry);
  }
  return [...byArtifact.values()].map(({ packageId, artifactId, findings: list }) => ({ packageId, artifactId, counts: countsOf(list) }));
}

function fileFailure(error: unknown, tenant: Tenant): TenantFailure {
  const redact = (text: string) => tenant.client.redact(text);
  if (error instanceof Error && (error as { notFound?: boolean }).notFound) return { kind: 'not-found', message: redact(error.message) };
  return tenantFailure(error, redact);
}
