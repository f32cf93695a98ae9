// The tenants of this window as the server knows them: connects each one on
// first use with the key from secret storage (again after a server restart,
// at once for the scanned ones, else when the server answers that it does
// not know the tenant), keeps the scan results until the tenant is refreshed
// (the server keeps the last scan in the extension's storage and brings it
// back on connect), and says when anything changed.
import * as vscode from 'vscode';
import {
  TenantArtifactFilesRequest,
  TenantArtifactsRequest,
  TenantConnectRequest,
  TenantDisconnectRequest,
  TenantDownloadRequest,
  TenantFileRequest,
  TenantScanRequest,
  type TenantArtifactInfo,
  type TenantConnectParams,
  type TenantRestoredScan,
  type TenantFailure,
  type TenantFileInfo,
  type TenantPackageInfo,
  type TenantScanResult,
} from '@cpi/common/tenant-protocol';
import type { ServerConnection } from '../server-connection';
import { afterScan, type TenantRecord, type TenantScanState } from './tenant-model';
import type { TenantStore } from './tenant-store';

/** A tenant request's answer: the value, or why there is none (with the next step). */
export type Answer<T> = { readonly value: T } | { readonly error: TenantFailure };

const SERVER_DOWN: TenantFailure = {
  kind: 'server',
  message: 'The CPI Security language server is not running. Next: run "CPI Security: Restart Language Server" and look at its output.',
};

export class TenantSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the host that changed, or undefined for the list. */
  readonly onDidChange = this.changed.event;
  private readonly connected = new Map<string, Promise<Answer<readonly TenantPackageInfo[]>>>();
  private readonly scans = new Map<string, TenantScanState>();

  private readonly restarted: vscode.Disposable;

  constructor(
    private readonly server: ServerConnection,
    readonly store: TenantStore,
  ) {
    // a new server knows no tenant: connect the scanned ones again, which
    // brings their last scan's diagnostics back from the results folder
    this.restarted = server.onRestarted(() => {
      this.connected.clear();
      for (const host of this.scans.keys()) void this.connect(host);
    });
  }

  /** Progress of this window's tenant scans. */
  get onProgress() {
    return this.server.onTenantProgress;
  }

  list(): TenantRecord[] {
    return this.store.list();
  }

  scanState(host: string): TenantScanState | undefined {
    return this.scans.get(host);
  }

  /** Connects with a new key; stores it (secret in secret storage) only when the tenant accepted it. */
  async add(name: string, serviceKey: string): Promise<Answer<TenantRecord>> {
    const result = await this.server.requestWithSecret(TenantConnectRequest.type, this.connectParams(serviceKey));
    if (!result) return { error: SERVER_DOWN };
    if (result.error || !result.host || !result.url) return { error: result.error ?? SERVER_DOWN };
    const record = { host: result.host, url: result.url, name };
    await this.store.add(record, serviceKey);
    this.connected.set(record.host, Promise.resolve({ value: result.packages ?? [] }));
    this.scans.delete(record.host);
    this.restore(record.host, result.restored);
    this.changed.fire(undefined);
    return { value: record };
  }

  async remove(host: string): Promise<void> {
    this.connected.delete(host);
    this.scans.delete(host);
    await this.store.remove(host);
    await this.server.request(TenantDisconnectRequest.type, { host }).catch(() => undefined);
    this.changed.fire(undefined);
  }

  /** Reads the tenant again: packages, artifacts and downloads; scan results are dropped. */
  async refresh(host: string): Promise<void> {
    this.scans.delete(host);
    this.connected.delete(host);
    await this.server.request(TenantDisconnectRequest.type, { host }).catch(() => undefined);
    this.changed.fire(host);
  }

  private connect(host: string): Promise<Answer<readonly TenantPackageInfo[]>> {
    let connecting = this.connected.get(host);
    if (!connecting) {
      connecting = (async (): Promise<Answer<readonly TenantPackageInfo[]>> => {
        const serviceKey = await this.store.serviceKey(host);
        if (serviceKey === undefined)
          return {
            error: {
              kind: 'service-key',
              message: `The service key of ${host} is no longer in VS Code's secret storage. Next: remove the tenant and add it again.`,
            },
          };
        const result = await this.server.requestWithSecret(TenantConnectRequest.type, this.connectParams(serviceKey));
        if (!result) return { error: SERVER_DOWN };
        if (result.error) return { error: result.error };
        if (this.restore(host, result.restored)) this.changed.fire(host);
        return { value: result.packages ?? [] };
      })();
      this.connected.set(host, connecting);
      // a failure is not kept: the next expansion tries again
      void connecting.then((answer) => 'error' in answer && this.connected.get(host) === connecting && this.connected.delete(host));
    }
    return connecting;
  }

  private connectParams(serviceKey: string): TenantConnectParams {
    const resultsFolder = this.store.resultsFolder();
    return { serviceKey, ...(resultsFolder ? { resultsFolder } : {}) };
  }

  /** The tree's counts from the scan the server kept (a new window, a restarted server); true when there was one. */
  private restore(host: string, restored: TenantRestoredScan | undefined): boolean {
    if (!restored) return false;
    const state = afterScan(undefined, restored.result, restored.packageIds);
    if (state) this.scans.set(host, state);
    return state !== undefined;
  }

  /** Runs a request on a connected tenant; reconnects once when the server lost the tenant (a restart). */
  private async call<T>(host: string, send: () => Promise<({ error?: TenantFailure } & T) | undefined>): Promise<Answer<T>> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const connection = await this.connect(host);
      if ('error' in connection) return connection;
      const result = await send();
      if (!result) return { error: SERVER_DOWN };
      if (result.error?.kind === 'unknown-tenant' && attempt === 0) {
        this.connected.delete(host);
        continue;
      }
      return result.error ? { error: result.error } : { value: result };
    }
    return { error: SERVER_DOWN };
  }

  /** The packages as listed when the tenant was connected (refresh lists them again). */
  packages(host: string): Promise<Answer<readonly TenantPackageInfo[]>> {
    return this.connect(host);
  }

  async artifacts(host: string, packageId: string): Promise<Answer<readonly TenantArtifactInfo[]>> {
    const answer = await this.call(host, () => this.server.request(TenantArtifactsRequest.type, { host, packageId }));
    return 'error' in answer ? answer : { value: answer.value.artifacts ?? [] };
  }

  async artifactFiles(host: string, uri: string): Promise<Answer<readonly TenantFileInfo[]>> {
    const answer = await this.call(host, () => this.server.request(TenantArtifactFilesRequest.type, { uri }));
    return 'error' in answer ? answer : { value: answer.value.files ?? [] };
  }

  async fileText(host: string, uri: string): Promise<Answer<string>> {
    const answer = await this.call(host, () => this.server.request(TenantFileRequest.type, { uri }));
    return 'error' in answer ? answer : { value: answer.value.text ?? '' };
  }

  /** Writes the artifact's project to `<folder>/<ArtifactId>/`; the written file paths. */
  async download(host: string, artifactUri: string, folder: vscode.Uri): Promise<Answer<{ folder: string; files: readonly string[] }>> {
    const answer = await this.call(host, () =>
      this.server.request(TenantDownloadRequest.type, { uri: artifactUri, folder: folder.toString() }),
    );
    return 'error' in answer ? answer : { value: { folder: answer.value.folder ?? '', files: answer.value.files ?? [] } };
  }

  /** Scans the tenant (no package ids) or some packages; keeps the result for the tree. */
  async scan(host: string, packageIds: readonly string[], token: vscode.CancellationToken): Promise<Answer<TenantScanResult>> {
    const answer = await this.call(host, () => this.server.request(TenantScanRequest.type, { host, packageIds }, token));
    if ('error' in answer) return answer;
    const state = afterScan(this.scans.get(host), answer.value, packageIds);
    if (state) this.scans.set(host, state);
    this.changed.fire(host);
    return answer;
  }

  dispose(): void {
    this.restarted.dispose();
    this.changed.dispose();
  }
}
