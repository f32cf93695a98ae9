// Reading our code actions back through VS Code's code action API.
import * as vscode from 'vscode';

function isCodeAction(item: vscode.Command | vscode.CodeAction): item is vscode.CodeAction {
  return typeof (item as vscode.Command).command !== 'string'; // a bare Command names its command as a string
}

export async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const items =
    (await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ??
    [];
  return items.filter(isCodeAction);
}

/** One line per action, for assertion messages. */
export const titles = (actions: readonly vscode.CodeAction[]) =>
  actions.map((action) => `  ${action.kind?.value ?? '?'}: ${action.title}`).join('\n');
