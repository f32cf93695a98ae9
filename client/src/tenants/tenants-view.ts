// The Tenants tree: tenant → packages → iFlows and script collections →
// their files, with the finding counts of the last scan; and per tenant a
// Security material node (keystore entries, credentials, names channels use
// that the tenant lacks, certificate-to-user mappings) once the whole tenant
// was scanned. Failures show as a row saying what to do next.
import * as vscode from 'vscode';
import type {
  CertificateMappingSummary,
  CredentialSummary,
  KeystoreEntrySummary,
  MissingMaterial,
  SeverityCounts,
  TenantArtifactInfo,
  TenantFileInfo,
  TenantPackageInfo,
} from '@cpi/common/tenant-protocol';
import { severityIcon } from '../severity-icon';
import {
  artifactCounts,
  describeCounts,
  describeKeystoreEntry,
  packageCounts,
  scannedWhen,
  usedBy,
  worstSeverity,
  type TenantRecord,
} from './tenant-model';
import type { TenantSession } from './tenant-session';

export const TENANTS_VIEW_ID = 'cpiSecurity.tenants';

type MaterialGroup = 'keystore' | 'credentials' | 'missing' | 'mappings';

export type TenantNode =
  | { readonly kind: 'tenant'; readonly tenant: TenantRecord }
  | { readonly kind: 'package'; readonly host: string; readonly pkg: TenantPackageInfo }
  | { readonly kind: 'artifact'; readonly host: string; readonly artifact: TenantArtifactInfo }
  | { readonly kind: 'file'; readonly host: string; readonly file: TenantFileInfo }
  | { readonly kind: 'material'; readonly host: string }
  | { readonly kind: 'materialGroup'; readonly host: string; readonly group: MaterialGroup }
  | { readonly kind: 'keystoreEntry'; readonly host: string; readonly entry: KeystoreEntrySummary }
  | { readonly kind: 'credential'; readonly host: string; readonly credential: CredentialSummary }
  | { readonly kind: 'missing'; readonly host: string; readonly item: MissingMaterial }
  | { readonly kind: 'mapping'; readonly host: string; readonly mapping: CertificateMappingSummary }
  | { readonly kind: 'message'; readonly id: string; readonly text: string; readonly error?: boolean };

const GROUP_LABEL: Record<MaterialGroup, string> = {
  keystore: 'Keystore',
  credentials: 'Credentials',
  missing: 'Missing (used but not on the tenant)',
  mappings: 'Certificate-to-user mappings',
};

export class TenantsView implements vscode.TreeDataProvider<TenantNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TenantNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TenantNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: TenantSession) {
    this.view = vscode.window.createTreeView(TENANTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      session.onDidChange(() => this.changed.fire(undefined)),
    );
    this.updateContext();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.tenantCount', this.session.list().length);
  }

  refresh(): void {
    this.updateContext();
    this.changed.fire(undefined);
  }

  getTreeItem(node: TenantNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const none = vscode.TreeItemCollapsibleState.None;
    switch (node.kind) {
      case 'tenant': {
        const item = new vscode.TreeItem(node.tenant.name, collapsed);
        item.id = `tenant:${node.tenant.host}`;
        item.description = `${node.tenant.host} · ${scannedWhen(this.session.scanState(node.tenant.host), new Date())}`;
        item.tooltip = `${node.tenant.url}\nThe service key is kept in VS Code's secret storage.`;
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = 'tenant';
        return item;
      }
      case 'package': {
        const item = new vscode.TreeItem(node.pkg.name, node.pkg.configureOnly ? none : collapsed);
        item.id = `tenant-package:${node.host}/${node.pkg.id}`;
        const counts = packageCounts(this.session.scanState(node.host), node.pkg.id);
        item.description = node.pkg.configureOnly ? 'configure-only: content not available' : describeCounts(counts);
        item.tooltip = `${node.pkg.id}${node.pkg.version ? ` ${node.pkg.version}` : ''}`;
        item.iconPath = countsIcon(counts, 'package');
        item.contextValue = node.pkg.configureOnly ? 'tenantPackageConfigureOnly' : 'tenantPackage';
        return item;
      }
      case 'artifact': {
        const item = new vscode.TreeItem(node.artifact.name, collapsed);
        item.id = `tenant-artifact:${node.artifact.uri}`;
        const counts = artifactCounts(this.session.scanState(node.host), node.artifact.packageId, node.artifact.id);
        item.description = `${node.artifact.kind === 'iflow' ? 'iFlow' : 'script collection'} · ${describeCounts(counts)}`;
        item.tooltip = `${node.artifact.id}${node.artifact.version ? ` ${node.artifact.version}` : ''}`;
        item.iconPath = countsIcon(counts, node.artifact.kind === 'iflow' ? 'type-hierarchy' : 'symbol-method');
        item.contextValue = 'tenantArtifact';
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(node.file.uri);
        const item = new vscode.TreeItem(uri, none);
        item.id = `tenant-file:${node.file.uri}`;
        item.label = node.file.path.slice(node.file.path.lastIndexOf('/') + 1);
        item.description = node.file.path.slice(0, node.file.path.lastIndexOf('/'));
        item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
        item.contextValue = 'tenantFile';
        return item;
      }
      case 'material': {
        const item = new vscode.TreeItem('Security material', collapsed);
        item.id = `tenant-material:${node.host}`;
        item.iconPath = new vscode.ThemeIcon('key');
        return item;
      }
      case 'materialGroup': {
        const material = this.session.scanState(node.host)?.material;
        const count = material ? groupItems(material, node.group).length : 0;
        const item = new vscode.TreeItem(GROUP_LABEL[node.group], count > 0 ? collapsed : none);
        item.id = `tenant-material:${node.host}/${node.group}`;
        item.description = String(count);
        if (node.group === 'missing' && count > 0) item.iconPath = severityIcon('error');
        return item;
      }
      case 'keystoreEntry':
        return openable(
          node.entry.uri,
          node.entry.alias,
          describeKeystoreEntry(node.entry),
          node.entry.counts,
          `${node.entry.type}${node.entry.subject ? `\n${node.entry.subject}` : ''}`,
        );
      case 'credential':
        return openable(
          node.credential.uri,
          node.credential.name,
          `${node.credential.kind} · ${usedBy(node.credential.usedBy)}`,
          node.credential.counts,
        );
      case 'missing': {
        const item = new vscode.TreeItem(node.item.name, none);
        item.id = `tenant-missing:${node.host}/${node.item.name}`;
        item.description = usedBy(node.item.usedBy);
        item.tooltip =
          'A channel names this, but the tenant has no such credential or keystore alias: the channel fails at run time (unknown-security-material).';
        item.iconPath = severityIcon('error');
        return item;
      }
      case 'mapping':
        return openable(
          node.mapping.uri,
          node.mapping.user,
          node.mapping.validUntil ? `until ${node.mapping.validUntil.slice(0, 10)}` : '',
          node.mapping.counts,
        );
      case 'message': {
        const item = new vscode.TreeItem(node.text, none);
        item.id = node.id;
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon(node.error ? 'warning' : 'info');
        return item;
      }
    }
  }

  async getChildren(node?: TenantNode): Promise<TenantNode[]> {
    if (!node) return this.session.list().map((tenant) => ({ kind: 'tenant', tenant }));
    switch (node.kind) {
      case 'tenant': {
        const host = node.tenant.host;
        const answer = await this.session.packages(host);
        if ('error' in answer) return [errorRow(`tenant-error:${host}`, answer.error.message)];
        const packages: TenantNode[] = answer.value.map((pkg) => ({ kind: 'package', host, pkg }));
        return [...packages, { kind: 'material', host }];
      }
      case 'package': {
        const answer = await this.session.artifacts(node.host, node.pkg.id);
        if ('error' in answer) return [errorRow(`package-error:${node.host}/${node.pkg.id}`, answer.error.message)];
        if (answer.value.length === 0)
          return [{ kind: 'message', id: `package-empty:${node.host}/${node.pkg.id}`, text: 'No iFlows or script collections' }];
        return answer.value.map((artifact) => ({ kind: 'artifact', host: node.host, artifact }));
      }
      case 'artifact': {
        const answer = await this.session.artifactFiles(node.host, node.artifact.uri);
        if ('error' in answer) return [errorRow(`artifact-error:${node.artifact.uri}`, answer.error.message)];
        // the files the linter reads come first: iFlows, parameters, scripts
        const shown = answer.value.filter((file) => /\.(iflw|prop|groovy|gsh|js)$/i.test(file.path));
        return (shown.length > 0 ? shown : answer.value).map((file) => ({ kind: 'file', host: node.host, file }));
      }
      case 'material': {
        if (!this.session.scanState(node.host)?.material) {
          return [
            {
              kind: 'message',
              id: `material-none:${node.host}`,
              text: 'Scan the whole tenant to read its keystore, credentials and mappings',
            },
          ];
        }
        return (['keystore', 'credentials', 'missing', 'mappings'] as const).map((group) => ({
          kind: 'materialGroup',
          host: node.host,
          group,
        }));
      }
      case 'materialGroup': {
        const material = this.session.scanState(node.host)?.material;
        return material ? groupItems(material, node.group).map((item) => ({ ...item, host: node.host }) as TenantNode) : [];
      }
      default:
        return [];
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function groupItems(material: NonNullable<ReturnType<TenantSession['scanState']>>['material'] & object, group: MaterialGroup) {
  switch (group) {
    case 'keystore':
      return material.keystore.map((entry) => ({ kind: 'keystoreEntry' as const, entry }));
    case 'credentials':
      return material.credentials.map((credential) => ({ kind: 'credential' as const, credential }));
    case 'missing':
      return material.missing.map((item) => ({ kind: 'missing' as const, item }));
    case 'mappings':
      return material.certificateUserMappings.map((mapping) => ({ kind: 'mapping' as const, mapping }));
  }
}

function openable(uriText: string, label: string, description: string, counts: SeverityCounts, tooltip?: string): vscode.TreeItem {
  const uri = vscode.Uri.parse(uriText);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `tenant-item:${uriText}`;
  item.description = description;
  item.tooltip = [tooltip, describeCounts(counts)].filter(Boolean).join('\n');
  item.iconPath = countsIcon(counts, 'pass');
  item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
  return item;
}

function countsIcon(counts: SeverityCounts | undefined, otherwise: string): vscode.ThemeIcon {
  const worst = worstSeverity(counts);
  return worst ? severityIcon(worst) : new vscode.ThemeIcon(otherwise);
}

function errorRow(id: string, text: string): TenantNode {
  return { kind: 'message', id, text, error: true };
}
