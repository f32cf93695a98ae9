// Writes to a .cpisecurity.json through a WorkspaceEdit (so it is undoable
// and open editors stay in sync) and saves it. The edit functions of the
// core decide what to change; they get the current text, or undefined when
// the file does not exist and must return the whole new text then.
import * as vscode from 'vscode';
import type { TextEdit } from '@cpi/common/findings';

export type ConfigChange = (text: string | undefined) => readonly TextEdit[] | string;

export type ConfigWriteResult = 'created' | 'changed' | 'unchanged' | 'failed';

export async function writeConfig(configUri: vscode.Uri, change: ConfigChange): Promise<ConfigWriteResult> {
  const exists = await fileExists(configUri);
  const edit = new vscode.WorkspaceEdit();
  if (!exists) {
    const text = change(undefined);
    if (typeof text !== 'string') return 'failed';
    edit.createFile(configUri, { contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) return 'failed';
    // Normally created on disk already; save in case it opened dirty.
    const created = await vscode.workspace.openTextDocument(configUri);
    if (created.isDirty) await created.save();
    return 'created';
  }
  const document = await vscode.workspace.openTextDocument(configUri);
  const edits = change(document.getText());
  if (typeof edits === 'string') return 'failed';
  if (edits.length === 0) return 'unchanged';
  for (const item of edits) {
    const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
    edit.replace(configUri, range, item.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return 'failed';
  return (await document.save()) ? 'changed' : 'failed';
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
