// cpi-tenant: files for the editor, read-only: an artifact's project files
// from the tenant's zip (through the language server, which downloads it
// once), parameters.prop with the values configured on the tenant, and a
// text for each item of the security material. Nothing can be written: the
// linter never changes a tenant; "download first" is the way to edit.
import * as vscode from 'vscode';
import { TENANT_URI_SCHEME, type TenantFailure } from '@cpi/common/tenant-protocol';
import type { TenantSession } from './tenant-session';

const MATERIAL_LISTS = new Set(['keystore', 'credentials', 'certificate-user-mappings']);

export class TenantFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly session: TenantSession) {}

  static register(session: TenantSession): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(TENANT_URI_SCHEME, new TenantFileSystem(session), {
      isCaseSensitive: true,
      isReadonly: true,
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const segments = uri.path.split('/').filter(Boolean);
    const directory = { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    if (segments.length <= 2 && !(segments.length === 2 && MATERIAL_LISTS.has(segments[0]))) return directory;
    if (MATERIAL_LISTS.has(segments[0])) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: (await this.readFile(uri)).length };
    const files = await this.files(uri);
    const path = segments.slice(2).join('/');
    const file = files.find((candidate) => candidate.path === path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.size };
    if (files.some((candidate) => candidate.path.startsWith(`${path}/`))) return directory;
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const segments = uri.path.split('/').filter(Boolean);
    if (segments.length < 2) return [];
    const prefix = segments.slice(2).join('/');
    const entries = new Map<string, vscode.FileType>();
    for (const file of await this.files(uri)) {
      if (prefix && !file.path.startsWith(`${prefix}/`)) continue;
      const rest = prefix ? file.path.slice(prefix.length + 1) : file.path;
      const [name, ...deeper] = rest.split('/');
      entries.set(name, deeper.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const answer = await this.session.fileText(uri.authority, uri.toString());
    if ('error' in answer) throw failure(answer.error);
    return new TextEncoder().encode(answer.value);
  }

  private async files(uri: vscode.Uri) {
    const [packageId, artifactId] = uri.path.split('/').filter(Boolean);
    const artifact = uri.with({ path: `/${packageId}/${artifactId}` });
    const answer = await this.session.artifactFiles(uri.authority, artifact.toString());
    if ('error' in answer) throw failure(answer.error);
    return answer.value;
  }

  createDirectory(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  delete(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
  rename(uri: vscode.Uri): void {
    throw readOnly(uri);
  }
}

function failure(error: TenantFailure): vscode.FileSystemError {
  return error.kind === 'not-found'
    ? vscode.FileSystemError.FileNotFound(error.message)
    : vscode.FileSystemError.Unavailable(error.message);
}

function readOnly(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(
    `${uri.toString()}: tenant files are read-only; download the artifact to the workspace to change it.`,
  );
}
