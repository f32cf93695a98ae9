// The extension's exported API (client/src/api.ts), declared here again
// because the suite is compiled on its own; a drift shows as a failing test.
import * as vscode from 'vscode';
import { EXTENSION_ID } from './diagnostics';

export interface CpiSecurityApi {
  faqItems(): { id: string; label: string; category: string }[];
  ruleItems(): Promise<{ id: string; severity: string }[]>;
  findingItems(): { rule: string; uri: string; line: number }[];
  certificateDetailsHtml(uri: string): string | undefined;
  readonly ready: Promise<void>;
}

export async function extensionApi(): Promise<CpiSecurityApi> {
  const extension = vscode.extensions.getExtension<CpiSecurityApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api || typeof api.faqItems !== 'function') throw new Error('activate() returned no API');
  await api.ready;
  return api;
}
