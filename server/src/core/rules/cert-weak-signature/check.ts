import { WEAK_SIGNATURE_HASHES } from '../../certs/algorithms';
import { certificateName } from '../../certs/wording';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';

const certificateCheck: CertificateCheck = {
  check(certificate, report) {
    // A trust anchor's own signature is never checked by a relying party, so its digest does not matter.
    if (certificate.selfSigned && certificate.isCA) return;
    if (certificate.signatureHash === undefined || !WEAK_SIGNATURE_HASHES.has(certificate.signatureHash)) return;
    report({
      message: `Certificate ${certificateName(certificate)} is signed with ${certificate.signatureAlgorithm}: ${certificate.signatureHash} is no longer safe for signatures. Have it reissued with SHA-256 or stronger.`,
    });
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
