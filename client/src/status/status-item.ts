// Language status for iFlows and parameter files: files analysed, findings
// and the last run, from the server's status notification.
import * as vscode from 'vscode';
import { Commands } from '@cpi/common/protocol';
import type { ServerConnection } from '../server-connection';
import { statusView } from './status-text';

export function createStatusItem(server: ServerConnection): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('cpiSecurity.analysis', [{ language: 'cpi-iflow' }, { language: 'cpi-parameters' }]);
  item.name = vscode.l10n.t('CPI Security Lint');
  item.text = vscode.l10n.t('CPI Security: starting');
  item.busy = true;
  item.command = { title: vscode.l10n.t('Show Output'), command: Commands.showOutput };
  const subscription = server.onStatus((status) => {
    const shown = statusView(status, (message, ...args) => vscode.l10n.t(message, ...args), (epochMs) => new Date(epochMs).toLocaleTimeString());
    item.busy = false;
    item.text = vscode.l10n.t('CPI Security: {0}', shown.text);
    item.detail = shown.detail;
    item.severity = shown.slow ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  });
  return vscode.Disposable.from(subscription, item);
}
