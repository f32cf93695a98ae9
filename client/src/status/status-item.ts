// Language status for iFlows and parameter files: how many findings the
// Problems data holds (the workspace's after a scan, else those of the
// analysed files) and the open file's; a click opens the Findings view.
import * as vscode from 'vscode';
import type { AnalysisStatus } from '@cpi/common/protocol';
import { DIAGNOSTIC_SOURCE } from '@cpi/common/protocol';
import { Debounced } from '../debounced';
import { collectFindings, FINDINGS_VIEW_ID } from '../findings/findings-view';
import { groupFindings, totalCount } from '../findings/findings-model';
import type { ServerConnection } from '../server-connection';
import { statusView } from './status-text';

const ANALYSED_LANGUAGES = new Set(['cpi-iflow', 'cpi-parameters']);

const ours = (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length;

export function createStatusItem(server: ServerConnection): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('cpiSecurity.analysis', [
    { language: 'cpi-iflow' },
    { language: 'cpi-parameters' },
  ]);
  item.name = vscode.l10n.t('CPI Security Lint');
  item.text = vscode.l10n.t('CPI Security: starting');
  item.busy = true;
  item.command = { title: vscode.l10n.t('Show Findings'), command: `${FINDINGS_VIEW_ID}.focus` };
  let status: AnalysisStatus | undefined;
  let scanned = false;
  const update = () => {
    // counted as the Findings view counts: a parameter's copy of an iFlow finding is the same finding
    const records = collectFindings();
    const total = totalCount(groupFindings(records, 'rule'));
    const document = vscode.window.activeTextEditor?.document;
    const file = document && ANALYSED_LANGUAGES.has(document.languageId) ? ours(vscode.languages.getDiagnostics(document.uri)) : undefined;
    const shown = statusView(
      { total, file, scanned, status },
      (message, ...args) => vscode.l10n.t(message, ...args),
      (epochMs) => new Date(epochMs).toLocaleTimeString(),
    );
    item.text = vscode.l10n.t('CPI: {0}', shown.text);
    item.detail = shown.detail;
    item.severity = shown.slow ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  const later = new Debounced(update, 200);
  return vscode.Disposable.from(
    server.onStatus((next) => {
      status = next;
      item.busy = false;
      update();
    }),
    server.onScanned(() => {
      scanned = true;
      item.busy = false;
      update();
    }),
    vscode.languages.onDidChangeDiagnostics(() => later.schedule()),
    vscode.window.onDidChangeActiveTextEditor(() => later.schedule()),
    later,
    item,
  );
}
