// A read-only editor for certificate files: a DER certificate is binary, and
// VS Code would only say so. The language server reads the file and runs the
// same certificate analysis as for diagnostics and hovers; this side shows
// its answer in a webview without scripts.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CertificateDetailsRequest } from '@cpi/common/protocol';
import type { ServerConnection } from '../server-connection';
import { certificateDetailsHtml, messageHtml } from './certificate-details-html';

/**
 * The custom editor's view types (package.json `customEditors`): the default
 * editor of `.der` files, and one offered by "Reopen Editor With…" for
 * `.pem`, `.crt` and `.cer` files, which are text as often as not (an editor
 * is chosen by file name, never by content).
 */
export const CERTIFICATE_DETAILS_VIEW = 'cpiSecurity.certificateDetails';
export const CERTIFICATE_DETAILS_OPTION_VIEW = 'cpiSecurity.certificateDetails.text';

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export class CertificateDetailsEditor implements vscode.CustomReadonlyEditorProvider {
  /** The HTML each open view shows, by file URI (for the integration tests). */
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly server: ServerConnection,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static register(
    server: ServerConnection,
    log: vscode.LogOutputChannel,
  ): { provider: CertificateDetailsEditor; disposable: vscode.Disposable } {
    const provider = new CertificateDetailsEditor(server, log);
    const options = { supportsMultipleEditorsPerDocument: true };
    const disposable = vscode.Disposable.from(
      vscode.window.registerCustomEditorProvider(CERTIFICATE_DETAILS_VIEW, provider, options),
      vscode.window.registerCustomEditorProvider(CERTIFICATE_DETAILS_OPTION_VIEW, provider, options),
    );
    return { provider, disposable };
  }

  /** What the details view of `uri` shows now; undefined when none is open. */
  htmlOf(uri: string): string | undefined {
    return this.shown.get(uri);
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => this.shown.delete(uri.toString()) };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    const render = () => void this.render(document.uri, panel);
    // the file changed on disk, or the configuration (usage, severities) did: show the analysis again
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, fileName(document.uri)));
    const subscriptions = [
      watcher,
      watcher.onDidChange(render),
      watcher.onDidCreate(render),
      watcher.onDidDelete(render),
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (saved.uri.toString() === document.uri.toString() || saved.uri.path.endsWith('/.cpisecurity.json')) render();
      }),
      vscode.workspace.onDidChangeConfiguration((change) => {
        if (change.affectsConfiguration('cpiSecurity')) render();
      }),
    ];
    panel.onDidDispose(() => subscriptions.forEach((subscription) => subscription.dispose()));
    await this.render(document.uri, panel);
  }

  private async render(uri: vscode.Uri, panel: vscode.WebviewPanel): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    const name = fileName(uri);
    let html: string;
    try {
      const details = await this.server.request(CertificateDetailsRequest.type, { uri: uri.toString() });
      html =
        details === undefined
          ? messageHtml(name, 'The CPI Security Lint language server is not running; see its output.', nonce)
          : certificateDetailsHtml(details, name, nonce);
    } catch (error) {
      this.log.error(`Certificate details of ${uri.toString()} failed`, error);
      html = messageHtml(name, 'The certificate details could not be read; see the CPI Security Lint output.', nonce);
    }
    this.shown.set(uri.toString(), html);
    panel.webview.html = html;
  }
}

/** The details view of `target` (a URI string from a code lens), else of the active editor's file. */
export async function showCertificateDetails(target?: string | vscode.Uri): Promise<void> {
  const uri =
    typeof target === 'string' ? vscode.Uri.parse(target) : (target ?? vscode.window.activeTextEditor?.document.uri ?? activeTabUri());
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a certificate file (.pem, .crt, .cer, .der) first.'));
    return;
  }
  const viewType = /\.der$/i.test(uri.path) ? CERTIFICATE_DETAILS_VIEW : CERTIFICATE_DETAILS_OPTION_VIEW;
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
}

function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}
