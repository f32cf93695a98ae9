import { certificateUsage, isIgnored, relativePath } from '../config/globs';
import type { Config } from '../config/model';
import type { CertificateFile, CertificateProblem } from '../certs/model';
import { readCertificateFile } from '../certs/read';
import type { Finding, Severity } from '@cpi/common/findings';
import { effectiveSeverity, recordRuleFailure, type RuleFailure } from './analyse-artifact';
import { checkCertificateFile } from './check-certificate-file';
import { decodeSegment, lastSegment } from './artifact-layout';
import { applySuppressions, type SuppressedFinding } from './suppressions';

/**
 * The certificate rules of a file run together (check-certificate-file.ts):
 * a failure in any is reported under this name rather than one rule id.
 */
export const CERTIFICATE_CHECKS = 'certificate-checks';

/** Files the certificate analysis reads: certificates, and key material that should not be in a repository. */
const CERTIFICATE_FILE = /\.(pem|crt|cer|der|p12|pfx|jks|key)$/i;

export function isCertificateUri(uri: string): boolean {
  return CERTIFICATE_FILE.test(uri);
}

export interface CertificateInput {
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly config: Config;
  readonly now: Date;
  /** A file already read (the editor keeps it for hovers and code lenses). */
  readonly file?: CertificateFile;
}

export interface CertificateResult {
  readonly file: CertificateFile;
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Unreadable input: shown as information, never as a rule finding. */
  readonly problems: readonly CertificateProblem[];
  /** The certificate checks threw: the file's findings are missing. */
  readonly ruleFailures: readonly RuleFailure[];
}

/** Certificate checks with the configuration applied: usage globs, severities, suppressions, ignore. */
export function analyseCertificateFile(input: CertificateInput): CertificateResult {
  const name = decodeSegment(lastSegment(input.uri));
  const file = input.file ?? readCertificateFile(input.bytes, name);
  if (isIgnored(input.config, input.uri)) return { file, findings: [], suppressed: [], problems: [], ruleFailures: [] };
  const usage = certificateUsage(input.config, input.uri);
  const shownName = (input.config.root && relativePath(input.config.root, input.uri)) || name;
  const ruleFailures: RuleFailure[] = [];
  let raw: Finding[] = [];
  try {
    raw = checkCertificateFile(file, {
      uri: input.uri,
      usage,
      now: input.now,
      expiryWarningDays: input.config.expiryWarningDays,
      fileName: shownName,
    });
  } catch (error) {
    recordRuleFailure(ruleFailures, CERTIFICATE_CHECKS, input.uri, error);
  }
  const findings: Finding[] = [];
  for (const finding of raw) {
    const severity = effectiveSeverity(input.config, finding.ruleId, finding.severity);
    if (severity === 'off') continue;
    findings.push({ ...finding, severity: severity as Severity });
  }
  return { file, ...applySuppressions(findings, input.config, input.now), problems: file.problems, ruleFailures };
}
