// What one run found, in the shapes every output format reads: positions
// 1-based (columns in UTF-16 code units, like the editor), paths relative to
// the scan root, each finding with a fingerprint for baselines.
import type { Severity } from '@cpi/common/findings';
import type { Range } from '@cpi/common/text/range';

export interface ReportedLocation {
  readonly path: string;
  readonly uri: string;
  /** 0-based, as the core and the editor report it. */
  readonly range: Range;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message?: string;
}

export interface ReportedFinding extends ReportedLocation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly subject?: string;
  readonly related: readonly ReportedLocation[];
  /** Stable across line shifts; `<hash>:<n>` where n counts identical findings in order. */
  fingerprint: string;
}

export interface ReportedSuppression {
  readonly finding: ReportedFinding;
  readonly reason: string;
  readonly expires?: string;
  /** The configuration file holding the suppression. */
  readonly configPath?: string;
  /** Suppressed by a comment in the file itself (a script's `cpi-security-lint-disable-next-line`). */
  readonly inSource?: boolean;
}

export type NoteKind =
  | 'unreadable'
  | 'internal'
  | 'archive'
  | 'certificate'
  | 'configuration'
  | 'expired-suppression'
  | 'unused-suppression'
  /** Over the size limit (maxFileSizeMB, --max-file-size): skipped on purpose, a warning. */
  | 'too-large'
  /** A rule threw on the file: its findings there are missing, an error. */
  | 'rule-failure'
  /** A script could not be read exactly as written (an unterminated string, unbalanced brackets): checked as far as it could be read, a warning. */
  | 'script'
  /** A suppression comment in a script without a reason or naming no known rule: it suppresses nothing, a warning. */
  | 'suppression-comment'
  /** Something on a tenant could not be read (network, sign-in, a missing role, a vanished package): an error. */
  | 'tenant'
  /** Left out on purpose: a configure-only package, whose content the tenant does not give out; a warning. */
  | 'not-scanned';

/** Notes about the run itself rather than the configuration (SARIF keeps the two apart). */
export const EXECUTION_NOTE_KINDS: ReadonlySet<NoteKind> = new Set(['too-large', 'rule-failure', 'tenant', 'not-scanned']);

/** Something about a file that is not a rule finding: why it was not scanned, or a warning on it. */
export interface FileNote {
  readonly kind: NoteKind;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly uri: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  /** The rule a 'rule-failure' note is about. */
  readonly ruleId?: string;
}

export interface ScanReport {
  /** Absolute folder that paths are relative to. */
  readonly root: string;
  /** Paths of the files read and analysed. */
  readonly scanned: string[];
  findings: ReportedFinding[];
  readonly suppressed: ReportedSuppression[];
  /** Files (or archive entries) that could not be scanned. */
  readonly fileErrors: FileNote[];
  /**
   * Warnings: configuration problems, expired or unused suppressions, certificate files not fully
   * readable, files over the size limit; and errors: rules that failed on a file.
   */
  readonly notes: FileNote[];
  /** Set when --baseline filtered known findings out. */
  baseline?: { readonly path: string; readonly known: number };
}

/** `path:line:column` for a note on a position in the file, else the path. */
export function noteWhere(note: FileNote): string {
  return note.line !== undefined ? `${note.path}:${note.line}:${note.column ?? 1}` : note.path;
}

export function toLocation(path: string, uri: string, range: Range, message?: string): ReportedLocation {
  return {
    path,
    uri,
    range,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    ...(message !== undefined ? { message } : {}),
  };
}

export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  return a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export function countBySeverity(findings: readonly ReportedFinding[]): SeverityCounts {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
