// Reading our hovers back through VS Code's hover API.
import * as vscode from 'vscode';
import { waitFor } from './wait';

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

/** Our hover at a position; waits until the server has analysed the file (the first request may come before). */
export async function hoverAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  mustContain: string,
): Promise<{ text: string; hovers: vscode.Hover[] }> {
  let last = '';
  return waitFor(
    async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
      last = hoverText(hovers);
      return last.includes(mustContain) ? { text: last, hovers } : undefined;
    },
    `a hover containing "${mustContain}" at ${position.line + 1}:${position.character + 1}`,
    { describe: () => `last hover text:\n${last || '(none)'}`, intervalMs: 250 },
  );
}
