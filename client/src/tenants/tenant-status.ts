// The status bar names the tenant scanned last, when, and what it found;
// a click opens the Tenants view. Hidden until a tenant was scanned.
import * as vscode from 'vscode';
import { tenantStatusText } from './tenant-model';
import type { TenantSession } from './tenant-session';
import { TENANTS_VIEW_ID } from './tenants-view';

export function createTenantStatus(session: TenantSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('cpiSecurity.tenantScan', vscode.StatusBarAlignment.Left, 10);
  item.name = 'CPI Security: tenant scan';
  item.command = `${TENANTS_VIEW_ID}.focus`;
  const update = () => {
    const shown = tenantStatusText(session.list(), (host) => session.scanState(host), new Date());
    if (!shown) return item.hide();
    item.text = `$(cloud) ${shown.text}`;
    item.tooltip = shown.tooltip;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, session.onDidChange(update));
}
