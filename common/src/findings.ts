import type { Range } from './text/range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return 4 - SEVERITIES.indexOf(severity);
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Edits to one file; `create` means the file does not exist yet and gets `newText` of the single edit. */
export interface FileEdit {
  readonly uri: string;
  readonly edits: readonly TextEdit[];
  readonly create?: boolean;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly FileEdit[];
  /** Safe to apply without review (shown as the preferred quick fix). */
  readonly preferred?: boolean;
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly uri: string;
  readonly range: Range;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /** What the finding is about within its file (the iFlow property key, the parameter, the certificate), for grouping and fingerprints. */
  readonly subject?: string;
  /** The name of the channel a channel rule reported on (on the iFlow value and the parameters behind it): what a suppression's `channel` matches. */
  readonly channel?: string;
}
