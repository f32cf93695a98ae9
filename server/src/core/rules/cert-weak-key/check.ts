import { curveDisplayName } from '../../certs/algorithms';
import type { CertificateInfo } from '../../certs/model';
import { certificateName } from '../../certs/wording';
import type { CertificateCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';

function weakKeyReason(info: CertificateInfo): string | undefined {
  if ((info.keyType === 'RSA' || info.keyType === 'RSA-PSS') && info.keyBits !== undefined && info.keyBits < 2048) {
    return `${info.keyType} ${info.keyBits} bits (use at least 2048)`;
  }
  if (info.keyType === 'DSA')
    return `DSA${info.keyBits ? ` ${info.keyBits} bits` : ''} (DSA is deprecated; use RSA with at least 2048 bits or EC with at least 256)`;
  if (info.keyType === 'EC' && info.keyBits !== undefined && info.keyBits < 256) {
    return `EC ${info.curve ? `${curveDisplayName(info.curve)}, ` : ''}${info.keyBits} bits (use a curve of at least 256 bits)`;
  }
  return undefined;
}

const certificateCheck: CertificateCheck = {
  check(certificate, report) {
    const reason = weakKeyReason(certificate);
    if (reason) report({ message: `Certificate ${certificateName(certificate)} has a weak key: ${reason}.` });
  },
};

export const checks: RuleChecks = { certificate: certificateCheck };
