// What the Tenants view's commands do: add a tenant from a service-key file,
// the clipboard or JSON pasted into a form (kept in secret storage once the
// tenant accepted it), remove one, refresh one, scan a tenant or a package
// with cancellable progress. Errors say what to do next; the secret is never
// shown.
import * as vscode from 'vscode';
import type { ConnectOutcome } from './service-key-form';
import { showServiceKeyForm } from './service-key-panel';
import { serviceKeyOfText } from './service-key-text';
import { defaultTenantName, describeCounts, totalCounts, type TenantRecord } from './tenant-model';
import type { TenantSession } from './tenant-session';
import type { TenantNode } from './tenants-view';

/**
 * Add Tenant: from a service-key file, from the clipboard, or pasted into a
 * form (several lines of JSON; that way ends at the form's Save, which calls
 * `added` with the new tenant). Undefined when no tenant was added (yet).
 */
export async function addTenant(session: TenantSession, added: (tenant: TenantRecord) => void): Promise<TenantRecord | undefined> {
  const from = await vscode.window.showQuickPick(
    [
      {
        label: 'Service key file…',
        detail: 'A JSON file with the service key of a Process Integration Runtime instance (plan api)',
        from: 'file' as const,
      },
      {
        label: 'Paste service key…',
        detail: 'Opens a form to paste the JSON into; nothing of it is written to a file',
        from: 'form' as const,
      },
      {
        label: 'Service key from the clipboard',
        detail: 'The JSON you copied from the BTP cockpit; it is not shown',
        from: 'clipboard' as const,
      },
    ],
    { title: 'Add Tenant', placeHolder: 'Where is the service key?' },
  );
  if (!from) return undefined;
  if (from.from === 'form') {
    showServiceKeyForm(async (serviceKey, host) => {
      const answer = await connectWithKey(session, serviceKey, host);
      if ('value' in answer) {
        added(answer.value);
        return { added: true };
      }
      return answer;
    });
    return undefined;
  }
  let text: string;
  let where: string;
  if (from.from === 'file') {
    const [file] =
      (await vscode.window.showOpenDialog({
        title: 'Service key',
        canSelectMany: false,
        filters: { 'Service key': ['json', 'txt'], 'All files': ['*'] },
      })) ?? [];
    if (!file) return undefined;
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    where = `${file.fsPath}: `;
  } else {
    text = await vscode.env.clipboard.readText();
    if (text.trim() === '') {
      void vscode.window.showErrorMessage('The clipboard is empty: copy the service key JSON from the BTP cockpit first.');
      return undefined;
    }
    where = 'The clipboard does not hold a service key: ';
  }
  const key = serviceKeyOfText(text);
  if ('error' in key) {
    void vscode.window.showErrorMessage(`${where}${key.error}`);
    return undefined;
  }
  const answer = await connectWithKey(session, key.serviceKey, key.host);
  if ('error' in answer) void vscode.window.showErrorMessage(`Could not add the tenant: ${answer.error}`);
  return 'value' in answer ? answer.value : undefined;
}

/**
 * Asks for a name, connects (the tenant proves the key) and keeps the key in
 * secret storage: the tenant, why the tenant refused (with the next step), or
 * cancelled when no name was given.
 */
async function connectWithKey(
  session: TenantSession,
  serviceKey: string,
  host: string,
): Promise<{ readonly value: TenantRecord } | Exclude<ConnectOutcome, { readonly added: true }>> {
  const name = await vscode.window.showInputBox({
    title: 'Add Tenant',
    prompt: `A name for ${host}`,
    value: defaultTenantName(host),
    ignoreFocusOut: true,
  });
  if (name === undefined) return { cancelled: true };
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connecting to ${host}…` }, () =>
    session.add(name.trim() || defaultTenantName(host), serviceKey),
  );
  if ('error' in answer) return { error: answer.error.message };
  void vscode.window.showInformationMessage(`Tenant ${answer.value.name} added. Its service key is kept in VS Code's secret storage.`);
  return { value: answer.value };
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
