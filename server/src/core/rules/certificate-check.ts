import type { CertificateFile, CertificateInfo, CertificateUsage } from '../certs/model';
import type { Severity } from '@cpi/common/findings';
import type { Range } from '@cpi/common/text/range';

export interface CertificateContext {
  /** From the configuration's `certificates` globs; undefined = not declared (treated as outbound). */
  readonly usage?: CertificateUsage;
  readonly now: Date;
  /** cert-expiring-soon window; 0 or less switches the rule off. */
  readonly expiryWarningDays: number;
  /** Workspace-relative path, used in the hint on declaring usage. */
  readonly fileName: string;
}

/** A finding on one certificate; the engine puts it where the certificate is. */
export interface CertificateReport {
  readonly message: string;
  /** For rules whose severity depends on the case; a configured severity still wins. */
  readonly severity?: Severity;
}

/** A check of one certificate. */
export interface CertificateCheck {
  check(certificate: CertificateInfo, report: (found: CertificateReport) => void, context: CertificateContext): void;
}

/** A finding in a certificate or key file: a block of it, or the file as a whole. */
export interface CertificateFileReport {
  readonly range: Range;
  readonly message: string;
  /** What the finding is about, for grouping and fingerprints. */
  readonly subject: string;
}

/** A check of a certificate or key file as a whole (key blocks, key stores). */
export interface CertificateFileCheck {
  check(file: CertificateFile, report: (found: CertificateFileReport) => void, context: CertificateContext): void;
}
