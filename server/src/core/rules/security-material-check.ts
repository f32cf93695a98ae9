import type { Severity } from '@cpi/common/findings';
import type { SecurityMaterial } from '../tenant/material';

/** One record of a tenant's security material; the engine turns it into its cpi-tenant:// location. */
export type MaterialSubject =
  | { readonly kind: 'keystoreEntry'; readonly alias: string }
  /** A user credential, an OAuth2 client credential or a secure parameter: all live under /credentials/. */
  | { readonly kind: 'credential'; readonly name: string }
  | { readonly kind: 'certificateUserMapping'; readonly user: string };

/** A finding on a record of the security material (no text behind it: the engine places it at its start). */
export interface SecurityMaterialReport {
  readonly on: MaterialSubject;
  readonly message: string;
  /** For rules whose severity depends on the case; a configured severity still wins. */
  readonly severity?: Severity;
}

export interface SecurityMaterialContext {
  readonly now: Date;
  /** cert-expiring-soon's window, for rules about dates. */
  readonly expiryWarningDays: number;
}

/** A check of a tenant's security material as a whole (credentials, keystore, mappings). */
export interface SecurityMaterialCheck {
  check(material: SecurityMaterial, report: (found: SecurityMaterialReport) => void, context: SecurityMaterialContext): void;
}
