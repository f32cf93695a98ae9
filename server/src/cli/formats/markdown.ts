// A markdown summary for a pipeline's job page or a pull-request comment:
// the verdict against --fail-on, counts by severity and by rule (with the
// rule's documentation and SAP design guideline), then the most severe
// findings with links to file and line. Links to files are relative to the
// scan root, so they resolve wherever the markdown sits beside the scanned
// tree, or below --link-base (a job page or a comment, which has no tree).
// A tenant location (cpi-tenant://...) is no file anything could open from
// the page: it is shown as text, not as a link.
import { severityRank, type Severity } from '@cpi/common/findings';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { countBySeverity, type ReportedFinding } from '../../engine/report';
import { tenantRoot } from '../../engine/uri';
import { TOOL_NAME } from '../version';
import type { FormatInput } from './format-input';

/** Findings listed one by one; the rest are counted. A comment stays readable and under GitHub's size limit. */
export const TOP_FINDINGS = 25;

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Text inside a table cell or link text: markdown and HTML have no effect, the table keeps its columns. */
export function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** A relative link target for a scanned file at a line: each segment percent-encoded, GitHub's #L anchor. */
export function fileLink(path: string, line: number): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${encoded}#L${line}`;
}

function ruleCell(ruleId: string): string {
  const meta = ruleMeta(ruleId);
  return meta ? `[\`${ruleId}\`](${meta.helpUrl}) ${cell(meta.title)}` : `\`${ruleId}\``;
}

function mostSevereFirst(a: ReportedFinding, b: ReportedFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column)
  );
}

export function formatMarkdown({ report, failOn, toolVersion, linkBase }: FormatInput): string {
  const out: string[] = [`## ${TOOL_NAME} ${toolVersion}`, ''];
  const counts = countBySeverity(report.findings);
  const failing = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(failOn)).length;
  const verdict =
    failing > 0
      ? `:x: **${plural(failing, 'finding')} at or above ${LABEL[failOn].toLowerCase()}** (the check fails)`
      : `:white_check_mark: **No finding at or above ${LABEL[failOn].toLowerCase()}**`;
  const ruleFailures = report.notes.filter((note) => note.kind === 'rule-failure').length;
  const facts = [plural(report.findings.length, 'problem'), `${plural(report.scanned.length, 'file')} scanned`];
  if (report.fileErrors.length > 0) facts.push(`${plural(report.fileErrors.length, 'file')} not scanned`);
  if (ruleFailures > 0) facts.push(`${plural(ruleFailures, 'rule failure')} (results incomplete)`);
  if (report.suppressed.length > 0) facts.push(`${report.suppressed.length} suppressed`);
  if (report.baseline) facts.push(`${report.baseline.known} known from the baseline`);
  out.push(`${verdict} · ${facts.join(' · ')}`, '');
  if (report.findings.length === 0) return `${out.join('\n')}\n`;

  out.push('| Severity | Findings |', '|---|---:|');
  for (const severity of SEVERITY_ORDER) if (counts[severity] > 0) out.push(`| ${LABEL[severity]} | ${counts[severity]} |`);
  out.push('');

  const byRule = new Map<string, { count: number; worst: Severity }>();
  for (const finding of report.findings) {
    const entry = byRule.get(finding.ruleId);
    if (!entry) byRule.set(finding.ruleId, { count: 1, worst: finding.severity });
    else {
      entry.count++;
      if (severityRank(finding.severity) > severityRank(entry.worst)) entry.worst = finding.severity;
    }
  }
  const rules = [...byRule].sort(
    ([a, x], [b, y]) => severityRank(y.worst) - severityRank(x.worst) || y.count - x.count || (a < b ? -1 : 1),
  );
  out.push('### By rule', '', '| Rule | Severity | SAP design guideline | Findings |', '|---|---|---|---:|');
  for (const [ruleId, { count, worst }] of rules) {
    const guideline = ruleMeta(ruleId)?.guideline;
    out.push(`| ${ruleCell(ruleId)} | ${LABEL[worst]} | ${guideline ? `\`${guideline}\`` : '–'} | ${count} |`);
  }
  out.push('');

  const top = [...report.findings].sort(mostSevereFirst).slice(0, TOP_FINDINGS);
  out.push(
    report.findings.length > top.length ? `### Top ${top.length} findings` : '### Findings',
    '',
    '| Severity | Where | Finding | Rule |',
    '|---|---|---|---|',
  );
  for (const finding of top) {
    const location = cell(`${finding.path}:${finding.line}`);
    const where = tenantRoot(finding.uri) ? location : `[${location}](${linkBase ?? ''}${fileLink(finding.path, finding.line)})`;
    out.push(`| ${LABEL[finding.severity]} | ${where} | ${cell(finding.message)} | \`${finding.ruleId}\` |`);
  }
  if (report.findings.length > top.length)
    out.push('', `…and ${report.findings.length - top.length} more: see the full report (SARIF, JSON or text).`);
  return `${out.join('\n')}\n`;
}
