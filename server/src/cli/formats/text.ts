// The default, human-readable report: findings grouped by file, then files
// that could not be scanned, warnings, and a summary line.
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
  if (report.fileErrors.length > 0) {
    out.push('Not scanned:', ...report.fileErrors.map(noteLine), '');
  }
  const failures = report.notes.filter((note) => note.kind === 'rule-failure');
  const skipped = report.notes.filter((note) => note.kind === 'too-large');
  const warnings = report.notes.filter((note) => note.kind !== 'rule-failure' && note.kind !== 'too-large');
  if (failures.length > 0) out.push('Incomplete analysis (a rule failed):', ...failures.map(noteLine), '');
  if (skipped.length > 0) out.push('Skipped (over the size limit):', ...skipped.map(noteLine), '');
  if (warnings.length > 0) out.push('Warnings:', ...warnings.map(noteLine), '');
  const counts = countBySeverity(report.findings);
  const hints = counts.hint > 0 ? `, ${plural(counts.hint, 'hint')}` : '';
  out.push(
    `${plural(report.findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information, 'info')}${hints})`,
  );
  const extra = [`${plural(report.scanned.length, 'file')} scanned`];
  if (report.fileErrors.length > 0) extra.push(`${plural(report.fileErrors.length, 'file')} not scanned`);
  if (skipped.length > 0) extra.push(`${plural(skipped.length, 'file')} skipped (size limit)`);
  if (failures.length > 0) extra.push(`${plural(failures.length, 'rule failure')}`);
  if (report.suppressed.length > 0) extra.push(`${plural(report.suppressed.length, 'finding')} suppressed`);
  if (report.baseline) extra.push(`${plural(report.baseline.known, 'known finding')} hidden by the baseline`);
  out.push(extra.join('; '));
  return `${out.join('\n')}\n`;
}
