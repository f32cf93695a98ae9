// A `.crt` or `.cer` file holding DER opens in the certificate details view:
// its editor is chosen by name (the text editor), which would show only
// VS Code's notice that the file is binary. The tab is replaced when it opens.
import * as vscode from 'vscode';
import { CERTIFICATE_DETAILS_OPTION_VIEW } from './certificate-details-editor';
import { looksLikeDer } from './der-bytes';

const TEXT_OR_DER = /\.(crt|cer)$/i;
/** Certificates are small; a larger file is left to the text editor's own notice. */
const MAX_BYTES = 1024 * 1024;

export function openBinaryCertificatesAsDetails(log: vscode.LogOutputChannel): vscode.Disposable {
  const handling = new Set<string>();
  const check = async (tab: vscode.Tab): Promise<void> => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file' || !TEXT_OR_DER.test(input.uri.path)) return;
    const key = input.uri.toString();
    if (handling.has(key)) return;
    handling.add(key);
    try {
      if ((await vscode.workspace.fs.stat(input.uri)).size > MAX_BYTES) return;
      if (!looksLikeDer(await vscode.workspace.fs.readFile(input.uri))) return;
      await vscode.commands.executeCommand('vscode.openWith', input.uri, CERTIFICATE_DETAILS_OPTION_VIEW, {
        viewColumn: tab.group.viewColumn,
        preview: tab.isPreview,
        preserveFocus: !tab.isActive,
      });
      // the text editor's tab, if still there (the details view may have taken its place)
      const stale = tab.group.tabs.find(
        (candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === key,
      );
      if (stale) await vscode.window.tabGroups.close(stale);
    } catch (error) {
      log.warn(`Could not open ${key} in the certificate details view`, error);
    } finally {
      handling.delete(key);
    }
  };
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) void check(tab);
  return vscode.window.tabGroups.onDidChangeTabs((change) => {
    for (const tab of [...change.opened, ...change.changed]) void check(tab);
  });
}
