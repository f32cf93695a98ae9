import { certificateName } from '../../certs/wording';
import { days, isoDay, validityState } from '../../certs/validity';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';

const certificateCheck: CertificateCheck = {
  check(certificate, report, { now, expiryWarningDays }) {
    if (expiryWarningDays <= 0) return;
    const validity = validityState(certificate, now);
    if (validity.state !== 'valid' || validity.daysLeft >= expiryWarningDays) return;
    const when = validity.daysLeft === 0 ? 'today' : `in ${days(validity.daysLeft)}`;
    report({
      message: `Certificate ${certificateName(certificate)} expires ${when} (${isoDay(certificate.notAfter)}), within the ${expiryWarningDays}-day warning window: renew it and update the keystore before then.`,
    });
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
