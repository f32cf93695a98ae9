import type { CertificateInfo } from '../../certs/model';
import { declareUsageHint } from '../../certs/wording';
import type { CertificateContext } from '../certificate-check';

/**
 * Self-signed, and not a CA: a self-signed CA is a trust anchor (a root
 * uploaded to the keystore), for which being self-signed is its nature.
 */
export function isSelfSignedLeaf(certificate: CertificateInfo): boolean {
  return certificate.selfSigned && !certificate.isCA;
}

/** How to declare the usage, for messages on files whose usage the configuration does not name. */
export function undeclaredUsageHint(context: CertificateContext): string {
  return context.usage === undefined ? declareUsageHint(context.fileName) : '';
}
