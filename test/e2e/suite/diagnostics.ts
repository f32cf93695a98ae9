// Reading our findings back from VS Code's diagnostics.
import * as vscode from 'vscode';

export const SOURCE = 'cpi-security-lint';
export const EXTENSION_ID = 'cpi-security-lint.cpi-security-lint';

/** The rule id of a diagnostic (the client may wrap it with a help link target). */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function findings(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === undefined || ruleId(d) === rule));
}

/** One line per diagnostic, for timeout messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return `no diagnostics on ${uri.fsPath}`;
  return all.map((d) => `  ${d.source}(${ruleId(d)}) ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n');
}

export async function findFile(glob: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(glob, '**/node_modules/**', 1);
  if (!uri) throw new Error(`no file matching ${glob} in the workspace`);
  return uri;
}
