// The Findings tree as data: our diagnostics grouped by rule or by file, with
// counts. Input is a plain shape so this runs (and is tested) without VS Code.

export type GroupBy = 'rule' | 'file';

/** Diagnostics without a rule id (configuration problems) share this key. */
export const CONFIGURATION_KEY = 'configuration';

/** Same numbering as vscode.DiagnosticSeverity: 0 error … 3 hint. */
export type SeverityNumber = 0 | 1 | 2 | 3;

export interface FindingRecord {
  readonly rule: string;
  readonly uri: string;
  /** Path shown to the user (relative to the workspace where possible). */
  readonly file: string;
  readonly message: string;
  readonly severity: SeverityNumber;
  /** 0-based, like the diagnostic. */
  readonly line: number;
  readonly character: number;
}

export interface FindingGroup {
  /** Rule id or file URI. */
  readonly key: string;
  readonly by: GroupBy;
  readonly findings: readonly FindingRecord[];
  /** Most severe finding in the group (lowest number). */
  readonly severity: SeverityNumber;
}

/** The rule id of a diagnostic `code` (string, number or `{ value }`), else the configuration key. */
export function ruleOfCode(code: string | number | { readonly value: string | number } | undefined): string {
  const value = typeof code === 'object' && code !== null ? code.value : code;
  return value === undefined || value === '' ? CONFIGURATION_KEY : String(value);
}

function byPlace(a: FindingRecord, b: FindingRecord): number {
  return compareText(a.file, b.file) || a.line - b.line || a.character - b.character || compareText(a.rule, b.rule);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups in a stable order: by rule, most severe first then by id; by file,
 * by path. Findings inside a group are ordered by file and position.
 */
export function groupFindings(findings: readonly FindingRecord[], by: GroupBy): FindingGroup[] {
  const groups = new Map<string, FindingRecord[]>();
  for (const finding of findings) {
    const key = by === 'rule' ? finding.rule : finding.uri;
    const list = groups.get(key);
    if (list) list.push(finding);
    else groups.set(key, [finding]);
  }
  const result = [...groups].map(([key, list]) => ({
    key,
    by,
    findings: [...list].sort(byPlace),
    severity: Math.min(...list.map((finding) => finding.severity)) as SeverityNumber,
  }));
  return result.sort((a, b) =>
    by === 'rule'
      ? a.severity - b.severity || compareText(a.key, b.key)
      : compareText(a.findings[0].file, b.findings[0].file) || compareText(a.key, b.key),
  );
}

export function totalCount(groups: readonly FindingGroup[]): number {
  return groups.reduce((sum, group) => sum + group.findings.length, 0);
}
