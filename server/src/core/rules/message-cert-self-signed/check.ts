import { certificateName } from '../../certs/wording';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';
import { isSelfSignedLeaf } from '../support/certificates';

const certificateCheck: CertificateCheck = {
  check(certificate, report, context) {
    if (!isSelfSignedLeaf(certificate) || context.usage !== 'messageLevel') return;
    report({
      message: `Self-signed certificate ${certificateName(certificate)} is used for message-level signing or encryption: allowed, but SAP recommends a CA-signed certificate.`,
    });
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
