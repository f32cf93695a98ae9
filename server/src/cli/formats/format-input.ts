import type { Severity } from '@cpi/common/findings';
import type { ScanReport } from '../../engine/report';

/** What every output format gets. */
export interface FormatInput {
  readonly report: ScanReport;
  /** Findings at or above this severity fail the run. */
  readonly failOn: Severity;
  readonly toolVersion: string;
}
