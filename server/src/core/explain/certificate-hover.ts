import type { CertificateInfo, CertificateUsage } from '../certs/model';
import { describeCertificate } from '../certs/describe';
import type { Finding } from '@cpi/common/findings';
import { findingLine, whyItMatters, type FindingLinkCommands } from './finding-line';

/**
 * Hover for one certificate: what the rules found and why it matters first,
 * as in iFlow hovers, then the certificate's details.
 */
export function certificateHover(
  info: CertificateInfo,
  usage: CertificateUsage | undefined,
  findings: readonly Finding[],
  now: Date,
  commands: FindingLinkCommands,
): string {
  const seen = new Set<string>();
  const sections: string[] = [];
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const why = whyItMatters(finding.ruleId);
    sections.push(why ? `${findingLine(finding, commands)}  \n*Why it matters:* ${why}` : findingLine(finding, commands));
  }
  sections.push(describeCertificate(info, usage, now));
  return sections.join('\n\n---\n\n');
}
