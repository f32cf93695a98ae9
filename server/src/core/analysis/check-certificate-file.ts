import type { CertificateFile } from '../certs/model';
import { certificateName } from '../certs/wording';
import type { Finding, Severity } from '@cpi/common/findings';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import type { CertificateContext } from '../rules/certificate-check';
import { CERTIFICATE_FILE_RULES, CERTIFICATE_RULES } from '../rules/registry';
import type { Range } from '@cpi/common/text/range';

export interface CertificateCheckContext extends CertificateContext {
  readonly uri: string;
}

const byPosition = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Runs the certificate rules over a file: each certificate on its block, then the file as a whole; findings in file order. */
export function checkCertificateFile(file: CertificateFile, context: CertificateCheckContext): Finding[] {
  const findings: Finding[] = [];
  const add = (meta: RuleMeta, range: Range, message: string, subject: string, severity: Severity = meta.defaultSeverity): void => {
    findings.push({ ruleId: meta.id, severity, message, uri: context.uri, range, related: [], fixes: [], subject });
  };
  for (const block of file.blocks) {
    const certificate = block.info;
    if (!certificate) continue;
    const subject = certificate.subject || certificateName(certificate);
    for (const rule of CERTIFICATE_RULES)
      rule.check(certificate, (found) => add(rule.meta, block.headerRange, found.message, subject, found.severity), context);
  }
  for (const rule of CERTIFICATE_FILE_RULES)
    rule.check(file, (found) => add(rule.meta, found.range, found.message, found.subject), context);
  // Sorting is stable: on one block, findings keep the catalogue order.
  return findings.sort(byPosition);
}
