// "Suppress this finding": asks for a reason (required) and an optional
// expiry date, then records the suppression in .cpisecurity.json; or, for a
// finding in a script, writes the reason into a suppression comment on the
// line before it.
import * as vscode from 'vscode';
import { addSuppression } from '@cpi/common/config/edits';
import type { SuppressFindingArgs } from '@cpi/common/protocol';
import { writeConfig } from '../config/config-file';
import { expiryProblem, expiryValue, reasonProblem } from './suppression-input';

export async function suppressFinding(args: SuppressFindingArgs | undefined, log: vscode.LogOutputChannel): Promise<boolean> {
  if (!isSuppressArgs(args)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use the quick fix on a finding to suppress it.'));
    return false;
  }
  if (args.comment) return suppressWithComment(args, args.comment, log);
  // the prompt says how far the suppression reaches: one channel, one key or parameter, or the file
  const title = args.channel
    ? vscode.l10n.t('Suppress {0} for channel "{1}"', args.ruleId, args.channel)
    : args.subject
      ? vscode.l10n.t('Suppress {0} for "{1}"', args.ruleId, args.subject)
      : vscode.l10n.t('Suppress {0}', args.ruleId);
  const reason = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Why is this finding acceptable? (stored in .cpisecurity.json)'),
    ignoreFocusOut: true,
    validateInput: (text) => localized(reasonProblem(text)),
  });
  if (reason === undefined) return false;
  const expires = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Expiry date (YYYY-MM-DD), or empty to keep it until removed'),
    placeHolder: 'YYYY-MM-DD',
    ignoreFocusOut: true,
    validateInput: (text) => localized(expiryProblem(text, new Date())),
  });
  if (expires === undefined) return false;

  const configUri = vscode.Uri.parse(args.configUri);
  const outcome = await writeConfig(configUri, (text) =>
    addSuppression(text, {
      rule: args.ruleId,
      file: args.fileGlob,
      channel: args.channel,
      subject: args.subject,
      reason: reason.trim(),
      expires: expiryValue(expires),
    }),
  );
  if (outcome === 'failed') {
    log.error(`Could not write the suppression of ${args.ruleId} to ${configUri.toString()}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write to {0}.', vscode.workspace.asRelativePath(configUri)));
    return false;
  }
  const scope = [args.fileGlob, args.channel && `channel "${args.channel}"`, args.subject && `"${args.subject}"`]
    .filter(Boolean)
    .join(', ');
  log.info(`Suppressed ${args.ruleId} for ${scope} in ${configUri.toString()} (${outcome})`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Suppressed {0} in {1}', args.ruleId, vscode.workspace.asRelativePath(configUri)), 5000);
  return true;
}

async function suppressWithComment(
  args: SuppressFindingArgs,
  comment: NonNullable<SuppressFindingArgs['comment']>,
  log: vscode.LogOutputChannel,
): Promise<boolean> {
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('Suppress {0}', args.ruleId),
    prompt: vscode.l10n.t('Why is this finding acceptable? (written into a comment on the line before it)'),
    ignoreFocusOut: true,
    validateInput: (text) => localized(reasonProblem(text)),
  });
  if (reason === undefined) return false;
  const uri = vscode.Uri.parse(args.uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(comment.line, 0), `${comment.prefix}${reason.replace(/[\r\n]+/g, ' ').trim()}\n`);
  if (!(await vscode.workspace.applyEdit(edit))) {
    log.error(`Could not insert the suppression comment for ${args.ruleId} into ${args.uri}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not edit {0}.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  log.info(`Suppressed ${args.ruleId} with a comment in ${args.uri}`);
  return true;
}

function localized(problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : vscode.l10n.t(problem);
}

function isSuppressArgs(value: unknown): value is SuppressFindingArgs {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ['ruleId', 'uri', 'configUri', 'fileGlob'].every((key) => typeof record[key] === 'string') &&
    ['channel', 'subject'].every((key) => record[key] === undefined || typeof record[key] === 'string')
  );
}
