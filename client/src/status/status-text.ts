// What the language status item shows for an analysis status. The
// translator is passed in so the wording is testable without VS Code.
import type { AnalysisStatus } from '@cpi/common/protocol';

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** An analysis slower than this marks the status item as a warning. */
export const SLOW_ANALYSIS_MS = 1000;

export interface StatusView {
  readonly text: string;
  readonly detail: string;
  readonly slow: boolean;
}

export function statusView(status: AnalysisStatus, t: Translate, formatTime: (epochMs: number) => string): StatusView {
  const files = status.files === 1 ? t('1 file') : t('{0} files', status.files);
  const findings = status.findings === 1 ? t('1 finding') : t('{0} findings', status.findings);
  const slow = status.lastDurationMs > SLOW_ANALYSIS_MS;
  const parts = [t('{0} analysed', files)];
  if (status.lastFinishedAt !== undefined) parts.push(t('last run {0}', formatTime(status.lastFinishedAt)));
  parts.push(slow ? t('took {0} ms (slow)', Math.round(status.lastDurationMs)) : t('took {0} ms', Math.round(status.lastDurationMs)));
  return { text: findings, detail: parts.join(' · '), slow };
}
