// What the Tenants view's commands do: add a tenant from a service-key file
// or pasted JSON (kept in secret storage once the tenant accepted it),
// remove one, refresh one, scan a tenant or a package with cancellable
// progress. Errors say what to do next; the secret is never shown.
import * as vscode from 'vscode';
import { defaultTenantName, describeCounts, serviceKeyTarget, totalCounts, type TenantRecord } from './tenant-model';
import type { TenantSession } from './tenant-session';
import type { TenantNode } from './tenants-view';

export async function addTenant(session: TenantSession): Promise<TenantRecord | undefined> {
  const from = await vscode.window.showQuickPick(
    [
      {
        label: 'Service key file…',
        detail: 'A JSON file with the service key of a Process Integration Runtime instance (plan api)',
        file: true,
      },
      { label: 'Paste service key JSON', detail: 'As the BTP cockpit shows it; the input is hidden', file: false },
    ],
    { title: 'Add Tenant', placeHolder: 'Where is the service key?' },
  );
  if (!from) return undefined;
  let text: string | undefined;
  if (from.file) {
    const [file] =
      (await vscode.window.showOpenDialog({
        title: 'Service key',
        canSelectMany: false,
        filters: { 'Service key': ['json', 'txt'], 'All files': ['*'] },
      })) ?? [];
    if (!file) return undefined;
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const target = serviceKeyTarget(text);
    if ('error' in target) {
      void vscode.window.showErrorMessage(`${file.fsPath}: ${target.error}`);
      return undefined;
    }
  } else {
    text = await vscode.window.showInputBox({
      title: 'Add Tenant',
      prompt: 'Paste the service key JSON ({ "oauth": { "clientid", "clientsecret", "url", "tokenurl" } })',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const target = serviceKeyTarget(value);
        return 'error' in target ? target.error : undefined;
      },
    });
    if (!text) return undefined;
  }
  const target = serviceKeyTarget(text);
  if ('error' in target) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'Add Tenant',
    prompt: `A name for ${target.host}`,
    value: defaultTenantName(target.host),
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Connecting to ${target.host}…` },
    () => session.add(name.trim() || defaultTenantName(target.host), text!),
  );
  if ('error' in answer) {
    void vscode.window.showErrorMessage(`Could not add the tenant: ${answer.error.message}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Tenant ${answer.value.name} added. Its service key is kept in VS Code's secret storage.`);
  return answer.value;
}

/** The tenant a command acts on: the node's, or one the user picks. */
async function tenantOf(session: TenantSession, node: TenantNode | undefined): Promise<TenantRecord | undefined> {
  if (node?.kind === 'tenant') return node.tenant;
  const host = node && 'host' in node ? node.host : undefined;
  const tenants = session.list();
  if (host) return tenants.find((tenant) => tenant.host === host);
  if (tenants.length === 0) {
    void vscode.window.showInformationMessage('No tenant is added yet: use "Add Tenant" in the Tenants view.');
    return undefined;
  }
  if (tenants.length === 1) return tenants[0];
  const picked = await vscode.window.showQuickPick(
    tenants.map((tenant) => ({ label: tenant.name, description: tenant.host, tenant })),
    { placeHolder: 'Which tenant?' },
  );
  return picked?.tenant;
}

export async function removeTenant(session: TenantSession, node: TenantNode | undefined): Promise<void> {
  const tenant = await tenantOf(session, node);
  if (!tenant) return;
  const remove = 'Remove';
  const answer = await vscode.window.showWarningMessage(
    `Remove tenant ${tenant.name} (${tenant.host}) and delete its service key from secret storage?`,
    { modal: true },
    remove,
  );
  if (answer === remove) await session.remove(tenant.host);
}

export async function refreshTenant(session: TenantSession, node: TenantNode | undefined): Promise<void> {
  if (!node) {
    for (const tenant of session.list()) await session.refresh(tenant.host);
    return;
  }
  const tenant = await tenantOf(session, node);
  if (tenant) await session.refresh(tenant.host);
}

/** Scans the node's package, or the whole tenant (with its security material). */
export async function scanTenant(session: TenantSession, node: TenantNode | undefined): Promise<void> {
  const tenant = await tenantOf(session, node);
  if (!tenant) return;
  const packageIds = node?.kind === 'package' ? [node.pkg.id] : [];
  const what = node?.kind === 'package' ? `package ${node.pkg.name} of ${tenant.name}` : `tenant ${tenant.name}`;
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Scanning ${what}`, cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const listening = session.onProgress((update) => {
        if (update.host !== tenant.host || update.total === 0) return;
        const percent = Math.round((update.done / update.total) * 100);
        progress.report({
          message: `${update.done} of ${update.total} artifacts${update.current ? ` · ${update.current}` : ''}`,
          increment: percent - reported,
        });
        reported = percent;
      });
      try {
        return await session.scan(tenant.host, packageIds, token);
      } finally {
        listening.dispose();
      }
    },
  );
  if ('error' in answer) {
    void vscode.window.showErrorMessage(`Scan of ${what} failed: ${answer.error.message}`);
    return;
  }
  const result = answer.value;
  if (result.cancelled) return;
  const summary = `${what}: ${describeCounts(totalCounts(result.artifacts))}`;
  if (result.incomplete || result.problems.length > 0) {
    const [first, ...rest] = result.problems;
    void vscode.window.showWarningMessage(
      `Scanned ${summary}. ${result.incomplete ? 'Not everything could be read' : 'Some content was skipped'}: ${first ?? 'see the output'}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}`,
    );
  } else void vscode.window.setStatusBarMessage(`Scanned ${summary}`, 10_000);
}

/** Downloads the node's artifact (or the artifact of a tenant URI, from a code action) into a folder the user picks. */
export async function downloadArtifact(session: TenantSession, target: TenantNode | string | undefined): Promise<void> {
  const artifactUri = typeof target === 'string' ? target : target?.kind === 'artifact' ? target.artifact.uri : undefined;
  if (!artifactUri) {
    void vscode.window.showInformationMessage('Pick an iFlow or script collection in the Tenants view to download it.');
    return;
  }
  const uri = vscode.Uri.parse(artifactUri);
  const [folder] =
    (await vscode.window.showOpenDialog({
      title: "Download to workspace: the folder to put the artifact's project in",
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Download Here',
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    })) ?? [];
  if (!folder) return;
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Downloading ${decodeURIComponent(uri.path.split('/').pop() ?? '')}…` },
    () => session.download(uri.authority, artifactUri, folder),
  );
  if ('error' in answer) {
    void vscode.window.showErrorMessage(answer.error.message);
    return;
  }
  const iflow = answer.value.files.find((file) => file.endsWith('.iflw'));
  if (iflow) await vscode.window.showTextDocument(vscode.Uri.file(iflow), { preview: false });
  const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
  void vscode.window.showInformationMessage(
    `Downloaded to ${answer.value.folder} (${answer.value.files.length} files).${inWorkspace ? ' It is analysed as any local artifact.' : ' Add the folder to the workspace to analyse it.'}`,
  );
}
