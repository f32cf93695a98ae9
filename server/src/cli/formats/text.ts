// The default, human-readable report: findings grouped by file, then files
// that could not be scanned (or tenant reads that failed), warnings, and a
// summary line.
import { countBySeverity, noteWhere, type FileNote, type ReportedFinding } from '../../engine/report';
import type { FormatInput } from './format-input';

const LABEL: Record<ReportedFinding['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function noteLine(note: FileNote): string {
  return `  ${noteWhere(note)}  ${note.message}`;
}

export function formatText({ report }: FormatInput): string {
  const out: string[] = [];
  const byFile = new Map<string, ReportedFinding[]>();
  for (const finding of report.findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  for (const [path, findings] of byFile) {
    out.push(path);
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((finding, i) => {
      out.push(`  ${positions[i].padEnd(width)}  ${LABEL[finding.severity].padEnd(7)}  ${finding.message}  ${finding.ruleId}`);
    });
    out.push('');
  }
  // a tenant scan's failed reads are not files
  const unread = report.fileErrors.filter((note) => note.kind === 'tenant');
  const unscanned = report.fileErrors.filter((note) => note.kind !== 'tenant');
  if (unscanned.length > 0) out.push('Not scanned:', ...unscanned.map(noteLine), '');
  if (unread.length > 0) out.push('Could not be read from the tenant:', ...unread.map(noteLine), '');
  const failures = report.notes.filter((note) => note.kind === 'rule-failure');
  const skipped = report.notes.filter((note) => note.kind === 'too-large');
  const configureOnly = report.notes.filter((note) => note.kind === 'not-scanned');
  const warnings = report.notes.filter((note) => note.kind !== 'rule-failure' && note.kind !== 'too-large' && note.kind !== 'not-scanned');
  if (failures.length > 0) out.push('Incomplete analysis (a rule failed):', ...failures.map(noteLine), '');
  if (skipped.length > 0) out.push('Skipped (over the size limit):', ...skipped.map(noteLine), '');
  if (configureOnly.length > 0) out.push('Skipped (configure-only on the tenant):', ...configureOnly.map(noteLine), '');
  if (warnings.length > 0) out.push('Warnings:', ...warnings.map(noteLine), '');
  const counts = countBySeverity(report.findings);
  const hints = counts.hint > 0 ? `, ${plural(counts.hint, 'hint')}` : '';
  out.push(
    `${plural(report.findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information, 'info')}${hints})`,
  );
  const extra = [`${plural(report.scanned.length, 'file')} scanned`];
  if (unscanned.length > 0) extra.push(`${plural(unscanned.length, 'file')} not scanned`);
  if (unread.length > 0) extra.push(`${plural(unread.length, 'read')} from the tenant failed`);
  if (skipped.length > 0) extra.push(`${plural(skipped.length, 'file')} skipped (size limit)`);
  if (configureOnly.length > 0) extra.push(`${configureOnly.length} skipped (configure-only)`);
  if (failures.length > 0) extra.push(`${plural(failures.length, 'rule failure')}`);
  if (report.suppressed.length > 0) extra.push(`${plural(report.suppressed.length, 'finding')} suppressed`);
  if (report.baseline) extra.push(`${plural(report.baseline.known, 'known finding')} hidden by the baseline`);
  out.push(extra.join('; '));
  return `${out.join('\n')}\n`;
}
