import type { Severity } from '@cpi/common/findings';
import type { ScanReport } from '../../engine/report';

/** What every output format gets. */
export interface FormatInput {
  readonly report: ScanReport;
  /** Findings at or above this severity fail the run. */
  readonly failOn: Severity;
  readonly toolVersion: string;
  /** Markdown: put before the relative file links (a repository's blob URL at the scanned commit). */
  readonly linkBase?: string;
}
