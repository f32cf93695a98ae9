// Machine-readable report: the same data as the text report, positions
// both 1-based (line/column) and 0-based (range, as the editor has them),
// and the rules that produced them (sapDesignGuideline null where none matches).
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { countBySeverity } from '../../engine/report';
import { TOOL_NAME } from '../version';
import type { FormatInput } from './format-input';

export function formatJson({ report, toolVersion }: FormatInput): string {
  const counts = countBySeverity(report.findings);
  const skipped = report.notes.filter((note) => note.kind === 'too-large').length;
  const ruleFailures = report.notes.filter((note) => note.kind === 'rule-failure').length;
  // the help link and the SAP design guideline (absent where none matches) travel with each finding
  const withHelp = <T extends { ruleId: string }>(finding: T) => {
    const meta = ruleMeta(finding.ruleId);
    return { ...finding, helpUri: meta?.helpUrl, ...(meta?.guideline ? { sapDesignGuideline: meta.guideline } : {}) };
  };
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
    // the rules these findings come from, once each, with what a pipeline may group or compare by
    rules: [...new Set([...report.findings, ...report.suppressed.map((entry) => entry.finding)].map((finding) => finding.ruleId))]
      .sort()
      .map((id) => {
        const meta = ruleMeta(id);
        return { id, title: meta?.title, section: meta?.section, helpUri: meta?.helpUrl, sapDesignGuideline: meta?.guideline ?? null };
      }),
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}
