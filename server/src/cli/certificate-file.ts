// The one door through which certificate and key files are analysed. It has
// the shape of the core's planned analyseCertificateFile
// (core/analysis/analyse-certificate.ts); until that exists it composes the
// certificate reader and rules itself. Suppressions are applied by the
// caller, like for iFlows, so unused ones can be reported.
import { effectiveSeverity } from '../core/analysis/analyse-artifact';
import { certificateUsage, isIgnored, relativePath } from '../core/config/globs';
import type { Config } from '../core/config/model';
import { readCertificateFile } from '../core/certs/read';
import { checkCertificateFile } from '../core/certs/rules';
import type { Finding, Severity } from '../core/findings';
import type { Range } from '../core/text/range';
import { uriToPath } from './paths';

export interface CertificateInput {
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly config: Config;
  readonly now: Date;
}

export interface CertificateResult {
  readonly findings: Finding[];
  readonly problems: { message: string; range: Range }[];
}

export function analyseCertificate(input: CertificateInput): CertificateResult {
  const { uri, bytes, config, now } = input;
  if (isIgnored(config, uri)) return { findings: [], problems: [] };
  const fileName = (config.root !== undefined ? relativePath(config.root, uri) : undefined) ?? uriToPath(uri) ?? uri;
  const file = readCertificateFile(bytes, fileName);
  const found = checkCertificateFile(file, { uri, usage: certificateUsage(config, uri), now, expiryWarningDays: config.expiryWarningDays, fileName });
  const findings: Finding[] = [];
  for (const finding of found) {
    const severity = effectiveSeverity(config, finding.ruleId, finding.severity);
    if (severity !== 'off') findings.push({ ...finding, severity: severity as Severity });
  }
  return { findings, problems: file.problems.map((problem) => ({ message: problem.message, range: problem.range })) };
}
