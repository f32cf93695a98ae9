// Opening, editing and restoring documents. Tests share one workspace, so
// every test that edits a document puts it back (revert, or the original
// text saved again) before the next one runs.
import * as vscode from 'vscode';
import { waitFor } from './wait';

export async function openShown(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Replaces the first occurrence of `search` (after `from`) with `replacement`; returns the range that was replaced. */
export async function replaceText(document: vscode.TextDocument, search: string, replacement: string, from = 0): Promise<vscode.Range> {
  const offset = document.getText().indexOf(search, from);
  if (offset < 0) throw new Error(`"${search}" not found in ${document.uri.fsPath}`);
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, replacement);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`edit of ${document.uri.fsPath} was not applied`);
  return range;
}

/** Drops unsaved changes: the document shows the file on disk again. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty || document.isClosed) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !document.isDirty, `revert of ${document.uri.fsPath}`);
}

/** Reverts every dirty file document: no unsaved edit leaks into later tests or the UI window (hot exit would restore it). */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme === 'file') await revert(document);
  }
}

/** The 0-based position of a 1-based line and column (as in examples-expected.json). */
export function at(line: number, column: number): vscode.Position {
  return new vscode.Position(line - 1, column - 1);
}
