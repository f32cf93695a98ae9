// The icon of a severity, as the Problems panel colours it; one table so the
// Rules and Findings views show a severity alike.
import * as vscode from 'vscode';
import type { SeveritySetting } from '@cpi/common/findings';

const ICONS: Record<SeveritySetting, readonly [icon: string, color: string | undefined]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  information: ['info', 'problemsInfoIcon.foreground'],
  hint: ['light-bulb', undefined],
  off: ['circle-slash', 'disabledForeground'],
};

export function severityIcon(severity: SeveritySetting): vscode.ThemeIcon {
  const [icon, color] = ICONS[severity];
  return new vscode.ThemeIcon(icon, color === undefined ? undefined : new vscode.ThemeColor(color));
}
