import type { CertificateUsage } from '../certs/model';
import type { SeveritySetting } from '@cpi/common/findings';
import type { Range } from '@cpi/common/text/range';
import type { NewSuppression } from '@cpi/common/config/edits';

/** `rule: "*"` suppresses every rule, and then only for the files its `file` glob names. */
export const ANY_RULE = '*';

/** A suppression as read from the file: what the edits write (rule, file, reason, expires), and where. */
export interface Suppression extends NewSuppression {
  /** Where it is written, for reporting expired or unused suppressions. */
  readonly range?: Range;
}

/** The usages a certificate can be declared for, in the order certificateUsage tries their globs. */
export const CERTIFICATE_USAGES: readonly CertificateUsage[] = ['inbound', 'outbound', 'messageLevel'];

export interface CertificateUsageGlobs {
  readonly inbound: readonly string[];
  readonly outbound: readonly string[];
  readonly messageLevel: readonly string[];
}

/** The effective configuration for one file: defaults, then `.cpisecurity.json`, then editor settings. */
export interface Config {
  /** Per-rule overrides; rules not listed keep their default severity. */
  readonly rules: ReadonlyMap<string, SeveritySetting>;
  /** Outbound ports SAP opened on request. */
  readonly openedPorts: ReadonlySet<number>;
  /** Globs (relative to `root`) of files never analysed. */
  readonly ignore: readonly string[];
  readonly certificates: CertificateUsageGlobs;
  /**
   * Globs (relative to `root`) of Groovy scripts outside integration
   * artifacts that are analysed all the same (scripts inside an artifact
   * always are).
   */
  readonly scripts: readonly string[];
  readonly expiryWarningDays: number;
  /** iFlows, parameters.prop and certificates larger than this (in MB) are not analysed. */
  readonly maxFileSizeMB: number;
  readonly suppressions: readonly Suppression[];
  /** Folder URI the globs are relative to: the configuration file's folder, or the workspace root. */
  readonly root?: string;
  /** URI of the `.cpisecurity.json` this came from, if any. */
  readonly uri?: string;
}

export interface ConfigProblem {
  readonly message: string;
  readonly range: Range;
  readonly severity: 'error' | 'warning';
}

/** Large enough for real iFlows (the biggest seen are a few MB), small enough to keep the editor responsive. */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

export const DEFAULT_CONFIG: Config = {
  rules: new Map(),
  openedPorts: new Set(),
  ignore: [],
  certificates: { inbound: [], outbound: [], messageLevel: [] },
  scripts: [],
  expiryWarningDays: 60,
  maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
  suppressions: [],
};
