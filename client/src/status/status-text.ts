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

/** What the status item counts: this extension's findings in the Problems data. */
export interface StatusCounts {
  /** Findings on every file with diagnostics. */
  readonly total: number;
  /** Findings on the file in the active editor, when it is one we analyse. */
  readonly file?: number;
  /** A workspace scan has run: the total is the workspace's, not only the open files' artifacts. */
  readonly scanned: boolean;
  /** The server's last analysis run, once there is one. */
  readonly status?: AnalysisStatus;
}

export function statusView(counts: StatusCounts, t: Translate, formatTime: (epochMs: number) => string): StatusView {
  const plural = (n: number) => (n === 1 ? t('1 finding') : t('{0} findings', n));
  const text = counts.scanned ? t('{0} in workspace', plural(counts.total)) : t('{0} in analysed files', plural(counts.total));
  const parts: string[] = [];
  if (counts.file !== undefined) parts.push(t('this file: {0}', plural(counts.file)));
  if (!counts.scanned) parts.push(t('run Scan Workspace for all files'));
  const status = counts.status;
  const slow = status !== undefined && status.lastDurationMs > SLOW_ANALYSIS_MS;
  if (status?.lastFinishedAt !== undefined) {
    parts.push(t('last run {0}', formatTime(status.lastFinishedAt)));
    parts.push(slow ? t('took {0} ms (slow)', Math.round(status.lastDurationMs)) : t('took {0} ms', Math.round(status.lastDurationMs)));
  }
  return { text, detail: parts.join(' · '), slow };
}
