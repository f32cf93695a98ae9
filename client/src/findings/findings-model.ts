// The Findings tree as data: our diagnostics grouped by rule or by file, with
// counts. Input is a plain shape so this runs (and is tested) without VS Code.
import { TENANT_URI_SCHEME } from '@cpi/common/tenant-protocol';

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
  /** What the finding is about (iFlow key, parameter, certificate), from the diagnostic's data. */
  readonly subject?: string;
  /** The channel a channel rule reported on. */
  readonly channel?: string;
  /** Where the diagnostic's related information points (0-based). */
  readonly related?: readonly { readonly uri: string; readonly line: number; readonly character: number }[];
}

/** A row of the view: a finding, with the copies of it on the parameters behind its value. */
export interface FindingRow extends FindingRecord {
  readonly copies: readonly FindingRecord[];
}

export interface FindingGroup {
  /** Rule id or file URI. */
  readonly key: string;
  readonly by: GroupBy;
  /** One row per finding; a parameter's copy of an iFlow finding sits under it, not beside it. */
  readonly findings: readonly FindingRow[];
  /** Most severe finding in the group (lowest number). */
  readonly severity: SeverityNumber;
}

const TENANT_PREFIX = `${TENANT_URI_SCHEME}://`;

/**
 * The path shown for a finding's file: `relative` (the workspace's) for local
 * files; for a tenant's (a scan's findings at cpi-tenant:// URIs) the host
 * then `<PackageId>/<ArtifactId>/src/main/resources/...` or
 * `keystore/<alias>`, decoded, so tenant rows sit beside local ones and say
 * where they come from.
 */
export function findingFile(uri: string, relative: (uri: string) => string): string {
  if (!uri.startsWith(TENANT_PREFIX)) return relative(uri);
  const path = uri.slice(TENANT_PREFIX.length).split(/[?#]/)[0];
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // a malformed escape: shown as sent
      }
    })
    .join('/');
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
 * The label of a row: the channel and what the finding is about
 * (`"Loyalty Points" · httpAddressWithoutQuery`), shorter than the message
 * (which goes to the tooltip); the message's first clause when the
 * diagnostic names no subject.
 */
export function findingLabel(record: FindingRecord): string {
  const parts = [record.channel ? `"${record.channel}"` : '', record.subject ?? ''].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  const clause = record.message.split(/(?<=[.:;])\s/)[0];
  return clause.length > 80 ? `${clause.slice(0, 79)}…` : clause;
}

const placeKey = (rule: string, uri: string, line: number, character: number) => `${rule}\n${uri}\n${line}\n${character}`;

/**
 * Rows of one group: a finding whose related location is a finding of the
 * same rule in the same group (a parameter's copy of an iFlow finding) is
 * put under that finding.
 */
function rowsOf(list: readonly FindingRecord[]): FindingRow[] {
  const places = new Map(list.map((record) => [placeKey(record.rule, record.uri, record.line, record.character), record]));
  const copies = new Map<FindingRecord, FindingRecord[]>();
  const top: FindingRecord[] = [];
  for (const record of list) {
    const primary = (record.related ?? [])
      .map((related) => places.get(placeKey(record.rule, related.uri, related.line, related.character)))
      .find((candidate) => candidate !== undefined && isPrimary(candidate, record));
    if (primary) {
      const under = copies.get(primary);
      if (under) under.push(record);
      else copies.set(primary, [record]);
    } else {
      top.push(record);
    }
  }
  return top.map((record) => ({ ...record, copies: [...(copies.get(record) ?? [])].sort(byPlace) }));
}

/** The iFlow finding is the primary: its copies point back at it, and it is not itself a parameters file. */
function isPrimary(candidate: FindingRecord, copy: FindingRecord): boolean {
  return !candidate.uri.endsWith('.prop') && copy.uri.endsWith('.prop');
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
    findings: rowsOf([...list].sort(byPlace)),
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
