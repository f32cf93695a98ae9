// "Set rule severity": writes the choice into the .cpisecurity.json that
// applies to the active file (created when missing).
import * as vscode from 'vscode';
import { setRuleSeverity } from '@cpi/common/config/edits';
import { SEVERITY_SETTINGS } from '@cpi/common/config/rule-ids';
import type { SeveritySetting } from '@cpi/common/findings';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { writeConfig } from '../config/config-file';
import type { ServerConnection } from '../server-connection';
import { pickRule } from './pick-rule';
import { asSeveritySetting } from './rules-model';
import type { RulesView } from './rules-view';

export interface SeverityRequest {
  readonly ruleId?: string;
  readonly severity?: SeveritySetting;
  readonly configUri?: string;
}

/** Reads the many shapes callers pass: a rule id, a Rules view node, or `{ ruleId, severity, configUri }`. */
export function severityRequest(target: unknown, severity: unknown): SeverityRequest {
  if (typeof target === 'string') return { ruleId: target, severity: asSeveritySetting(severity) };
  if (typeof target === 'object' && target !== null) {
    const record = target as Record<string, unknown>;
    const row = record.row as Record<string, unknown> | undefined;
    const ruleId = [record.ruleId, record.id, row?.id].find((value): value is string => typeof value === 'string');
    return {
      ruleId,
      severity: asSeveritySetting(row !== undefined ? severity : (record.severity ?? severity)),
      configUri: typeof record.configUri === 'string' ? record.configUri : undefined,
    };
  }
  return { severity: asSeveritySetting(severity) };
}

export async function setSeverityCommand(
  request: SeverityRequest,
  rules: RulesView,
  server: ServerConnection,
  log: vscode.LogOutputChannel,
): Promise<boolean> {
  const ruleId = request.ruleId ?? (await pickRule(vscode.l10n.t('Choose a rule')));
  if (ruleId === undefined) return false;
  const rows = await rules.currentRows();
  const current = rows.find((row) => row.id === ruleId);
  const severity = request.severity ?? (await pickSeverity(ruleId, current?.severity));
  if (severity === undefined) return false;

  const configUri = request.configUri ?? rules.lastResult()?.configUri ?? (await configFromServer(server, rules));
  if (configUri === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder with integration content to configure rules.'));
    return false;
  }
  const uri = vscode.Uri.parse(configUri);
  const outcome = await writeConfig(uri, (text) => setRuleSeverity(text, ruleId, severity));
  if (outcome === 'failed') {
    log.error(`Could not set ${ruleId} to ${severity} in ${configUri}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write to {0}.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  log.info(`Set ${ruleId} to ${severity} in ${configUri} (${outcome})`);
  if (current?.origin === 'settings') {
    // The editor setting wins over the file, so the change does not show in the editor yet.
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The setting cpiSecurity.rules also sets {0} and takes precedence in the editor.', ruleId),
    );
  }
  await rules.refresh();
  return true;
}

async function pickSeverity(ruleId: string, current: SeveritySetting | undefined): Promise<SeveritySetting | undefined> {
  const defaultSeverity = ruleMeta(ruleId)?.defaultSeverity;
  const items = SEVERITY_SETTINGS.map((severity) => ({
    label: severity,
    description: [severity === current ? vscode.l10n.t('current') : '', severity === defaultSeverity ? vscode.l10n.t('default') : '']
      .filter((text) => text !== '')
      .join(', '),
    severity,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Severity of {0}', ruleId) });
  return picked?.severity;
}

async function configFromServer(server: ServerConnection, rules: RulesView): Promise<string | undefined> {
  const target = rules.target();
  return target === undefined ? undefined : (await server.effectiveRules(target))?.configUri;
}
