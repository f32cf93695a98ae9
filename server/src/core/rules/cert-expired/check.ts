import { certificateName } from '../../certs/wording';
import { days, isoDay, validityState } from '../../certs/validity';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';

const certificateCheck: CertificateCheck = {
  check(certificate, report, { now }) {
    const name = certificateName(certificate);
    const validity = validityState(certificate, now);
    if (validity.state === 'expired') {
      report({
        message: `Certificate ${name} expired on ${isoDay(certificate.notAfter)}${validity.daysAgo > 0 ? ` (${days(validity.daysAgo)} ago)` : ''}: renew it and replace it in the keystore.`,
      });
    } else if (validity.state === 'not-yet-valid') {
      report({
        message: `Certificate ${name} is not valid before ${isoDay(certificate.notBefore)} (in ${days(validity.daysUntilValid)}): connections using it fail until then.`,
      });
    }
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
