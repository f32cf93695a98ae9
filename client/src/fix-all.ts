// "Fix All" for the file in the editor, from the command palette and, when
// the user opts in (cpiSecurity.fixOnSave), on save: the server's source
// action that applies every safe fix of the file.
import * as vscode from 'vscode';

/** The server's source action kind (lsp/code-actions.ts FIX_ALL_KIND). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('cpiSecurity');
const ANALYSED_LANGUAGES = new Set(['cpi-iflow', 'cpi-parameters']);

/** The edit applying every safe fix of the document, or undefined when there is none. */
export async function fixAllEdit(document: vscode.TextDocument): Promise<vscode.WorkspaceEdit | undefined> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    whole,
    FIX_ALL_KIND.value,
  );
  return actions?.find((action) => action.kind !== undefined && FIX_ALL_KIND.contains(action.kind) && action.edit !== undefined)?.edit;
}

/** The palette command: applies the fixes, or says there were none. */
export async function fixAllInEditor(log: vscode.LogOutputChannel): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !ANALYSED_LANGUAGES.has(document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an iFlow or parameters.prop file to fix its findings.'));
    return false;
  }
  const edit = await fixAllEdit(document);
  if (!edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No finding in this file has a safe fix.'));
    return false;
  }
  const applied = await vscode.workspace.applyEdit(edit);
  log.info(`Fix all in ${document.uri.toString()}: ${applied ? 'applied' : 'not applied'}`);
  return applied;
}

/** Fix on save (opt-in): the saved document's edits go into the save, edits of other files are applied beside it. */
export function registerFixOnSave(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.workspace.onWillSaveTextDocument((event) => {
    if (!ANALYSED_LANGUAGES.has(event.document.languageId)) return;
    if (vscode.workspace.getConfiguration('cpiSecurity', event.document.uri).get<boolean>('fixOnSave') !== true) return;
    event.waitUntil(
      fixAllEdit(event.document).then(async (edit) => {
        if (!edit) return [];
        const own: vscode.TextEdit[] = [];
        const others = new vscode.WorkspaceEdit();
        for (const [uri, edits] of edit.entries()) {
          if (uri.toString() === event.document.uri.toString()) own.push(...edits);
          else others.set(uri, edits);
        }
        if (others.size > 0) await vscode.workspace.applyEdit(others);
        log.info(`Fixed on save: ${event.document.uri.toString()} (${own.length} edits here, ${others.size} other files)`);
        return own;
      }),
    );
  });
}
