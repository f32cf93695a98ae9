// A quick pick over the rule catalogue (title, id searchable), for commands
// run without a rule.
import * as vscode from 'vscode';
import { RULES } from '@cpi/common/rules/catalogue';

export async function pickRule(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map((meta) => ({ label: meta.title, description: meta.id, id: meta.id })),
    { title, matchOnDescription: true },
  );
  return picked?.id;
}
