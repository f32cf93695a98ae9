// Sets `cpiSecurity.hasContent` (does the workspace hold iFlows or parameter
// files?) for the welcome content of the views. One cheap search, repeated
// only while nothing has been found.
import * as vscode from 'vscode';

const CONTENT_GLOB = '**/{*.iflw,parameters.prop}';

export function trackIntegrationContent(): vscode.Disposable {
  let found = false;
  const check = async (): Promise<void> => {
    if (found) return;
    const hits = await vscode.workspace.findFiles(CONTENT_GLOB, '**/node_modules/**', 1);
    found = hits.length > 0;
    await vscode.commands.executeCommand('setContext', 'cpiSecurity.hasContent', found);
    await vscode.commands.executeCommand('setContext', 'cpiSecurity.contentChecked', true);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONTENT_GLOB, false, true, true);
  void check();
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(() => void check()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      found = false;
      void check();
    }),
  );
}
