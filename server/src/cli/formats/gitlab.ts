// GitLab Code Quality report: a JSON array of issues, each with a
// description, the check's name, a fingerprint GitLab compares between the
// merge request and its target, a severity of its own scale and a path with
// a line. Suppressed findings are left out: GitLab has no place for them.
import type { Severity } from '@cpi/common/findings';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import type { FormatInput } from './format-input';

/** GitLab's scale is info, minor, major, critical, blocker; blocker is kept for nothing we find. */
const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = {
  error: 'critical',
  warning: 'major',
  information: 'minor',
  hint: 'info',
};

export function formatGitlab({ report }: FormatInput): string {
  const issues = report.findings.map((finding) => {
    const title = ruleMeta(finding.ruleId)?.title;
    return {
      description: title ? `${title}: ${finding.message}` : finding.message,
      check_name: finding.ruleId,
      // stable across line shifts and unique in the report (see engine/fingerprint.ts)
      fingerprint: finding.fingerprint,
      severity: GITLAB_SEVERITY[finding.severity],
      // relative to the scan root: scan from the repository's root so GitLab finds the files;
      // a tenant finding keeps its cpi-tenant:// URI, which names it though no file of the repository holds it
      location: { path: finding.path, lines: { begin: finding.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
