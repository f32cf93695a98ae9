import { certificateName } from '../../certs/wording';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';
import { isSelfSignedLeaf, undeclaredUsageHint } from '../support/certificates';

/** Files whose usage is not declared count as outbound, the most common case. */
const certificateCheck: CertificateCheck = {
  check(certificate, report, context) {
    if (!isSelfSignedLeaf(certificate) || (context.usage !== undefined && context.usage !== 'outbound')) return;
    report({
      message: `Self-signed certificate ${certificateName(certificate)} is used for outbound connections: SAP recommends a CA-signed certificate.${undeclaredUsageHint(context)}`,
    });
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
