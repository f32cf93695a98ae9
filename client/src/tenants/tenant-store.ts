// Where the extension keeps tenants: the service key (secret included) in
// VS Code's secret storage only, the name and URL in globalState so the view
// can list tenants before any secret is read. Nothing goes to settings or files.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { readTenantRecords, withoutTenant, withTenant, type TenantRecord } from './tenant-model';

const LIST_KEY = 'cpiSecurity.tenants';
const secretKey = (host: string) => `cpiSecurity.tenant.serviceKey:${host}`;

export class TenantStore {
  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'globalState' | 'secrets'> &
      Partial<Pick<vscode.ExtensionContext, 'globalStorageUri'>>,
  ) {}

  /**
   * Where the language server keeps each tenant's last scan (findings, no
   * secret) for its next start: the extension's global storage, when it is
   * a folder of this machine.
   */
  resultsFolder(): string | undefined {
    const storage = this.context.globalStorageUri;
    return storage?.scheme === 'file' ? join(storage.fsPath, 'tenant-scans') : undefined;
  }

  list(): TenantRecord[] {
    return readTenantRecords(this.context.globalState.get(LIST_KEY));
  }

  async add(record: TenantRecord, serviceKey: string): Promise<void> {
    await this.context.secrets.store(secretKey(record.host), serviceKey);
    await this.context.globalState.update(LIST_KEY, withTenant(this.list(), record));
  }

  async remove(host: string): Promise<void> {
    await this.context.secrets.delete(secretKey(host));
    await this.context.globalState.update(LIST_KEY, withoutTenant(this.list(), host));
  }

  async serviceKey(host: string): Promise<string | undefined> {
    return this.context.secrets.get(secretKey(host));
  }
}
