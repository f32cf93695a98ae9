// Machine-readable report: the same data as the text report, positions
// both 1-based (line/column) and 0-based (range, as the editor has them).
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { countBySeverity } from '../../engine/report';
import { TOOL_NAME } from '../version';
import type { FormatInput } from './format-input';

export function formatJson({ report, toolVersion }: FormatInput): string {
  const counts = countBySeverity(report.findings);
  const skipped = report.notes.filter((note) => note.kind === 'too-large').length;
  const ruleFailures = report.notes.filter((note) => note.kind === 'rule-failure').length;
  const withHelp = <T extends { ruleId: string }>(finding: T) => ({ ...finding, helpUri: ruleMeta(finding.ruleId)?.helpUrl });
  const content = {
    tool: { name: TOOL_NAME, version: toolVersion },
    root: report.root,
    summary: {
      scannedFiles: report.scanned.length,
      problems: report.findings.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.information,
      hints: counts.hint,
      suppressed: report.suppressed.length,
      notScanned: report.fileErrors.length,
      // only when there are any, like the baseline counts: the usual summary stays as it was
      ...(skipped > 0 ? { skipped } : {}),
      ...(ruleFailures > 0 ? { ruleFailures } : {}),
      ...(report.baseline ? { baseline: report.baseline.path, knownFindings: report.baseline.known } : {}),
    },
    findings: report.findings.map(withHelp),
    suppressed: report.suppressed.map((entry) => ({ ...entry, finding: withHelp(entry.finding) })),
    fileErrors: report.fileErrors,
    notes: report.notes,
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}
