import type { ChannelView } from '../analysis/channel-view';
import type { Config } from '../config/model';
import type { Severity } from '@cpi/common/findings';
import type { IflowModel, IflowProperty } from '../iflow/model';
import type { ResolvedValue } from '../params/resolved-value';
import type { SecurityMaterial } from '../tenant/material';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import type { CertificateCheck, CertificateFileCheck } from './certificate-check';
import type { ParametersCheck } from './parameters-check';
import type { ScriptCheck } from './script-check';
import type { SecurityMaterialCheck } from './security-material-check';

/** A change a quick fix makes, described as data; the analyser turns it into file edits. */
export type FixAction =
  /** Replace a slice of a resolved value; lands in the .iflw or parameters.prop, wherever the slice came from. */
  | {
      readonly kind: 'replace';
      readonly target: ResolvedValue;
      readonly textStart: number;
      readonly textEnd: number;
      readonly newText: string;
    }
  /** Record an outbound port as opened on request in `.cpisecurity.json`. */
  | { readonly kind: 'openPort'; readonly port: number };

export interface FixSpec {
  readonly title: string;
  readonly preferred?: boolean;
  readonly actions: readonly FixAction[];
}

export interface Report {
  readonly message: string;
  /** Where the finding sits: the value of this property (its key when it has no value). */
  readonly on: ResolvedValue | IflowProperty;
  /**
   * The slice of the resolved text at fault. Only parameters that contributed
   * to it get a finding of their own; without it, every parameter of the value does.
   */
  readonly slice?: readonly [number, number];
  /** For rules whose severity depends on the case; a configured severity still wins. */
  readonly severity?: Severity;
  readonly fixes?: readonly FixSpec[];
}

export interface RuleContext {
  readonly config: Config;
  readonly iflow: IflowModel;
  /** Display name of the iFlow for messages (file name when the model has none). */
  readonly iflowName: string;
  /** "Now" for rules about dates (the analysis's `today`; tests pin it). */
  readonly now: Date;
  /**
   * The security material of the tenant the iFlow was read from, for rules
   * that look names up on it; undefined for local files, where such rules
   * have nothing to compare with and stay silent.
   */
  readonly securityMaterial?: SecurityMaterial;
}

export type Reporter = (report: Report) => void;

/** A check over one channel at a time. */
export interface ChannelCheck {
  /**
   * Rules whose finding on the same value makes this one redundant
   * (e.g. plain HTTP is implied by "Basic authentication over plain HTTP").
   */
  readonly supersededBy?: readonly string[];
  check(channel: ChannelView, report: Reporter, context: RuleContext): void;
}

/** Everything of one iFlow a rule may look at. */
export interface IflowView {
  readonly channels: readonly ChannelView[];
  /** Properties outside channels (flow steps, the collaboration, ...). */
  readonly otherProperties: readonly IflowProperty[];
  resolve(property: IflowProperty): ResolvedValue | undefined;
}

/** A check over a whole iFlow (settings not tied to one channel). */
export interface IflowCheck {
  /**
   * The rule reports on each channel's properties without comparing
   * channels: one run per channel plus one on the loose properties equals a
   * run over the whole iFlow, so the engine keeps its channel findings with
   * the channel's and an edit elsewhere does not run it again.
   */
  readonly channelByChannel?: boolean;
  checkIflow(iflow: IflowView, report: Reporter, context: RuleContext): void;
}

/**
 * What a rule checks (its folder's check.ts): one check per kind of subject
 * it looks at. The engine runs each check where its subject occurs and
 * places what it reports. A new kind of subject, such as the tokens of a
 * script or an entry of the tenant keystore, is one more entry here with its
 * own check type, and one runner in the engine.
 */
export interface RuleChecks {
  readonly channel?: ChannelCheck;
  readonly iflow?: IflowCheck;
  readonly parameters?: ParametersCheck;
  /** One certificate (of a file, of a tenant keystore entry, of a certificate-to-user mapping). */
  readonly certificate?: CertificateCheck;
  /** A certificate or key file as a whole. */
  readonly certificateFile?: CertificateFileCheck;
  /** One Groovy or JavaScript script of an artifact (script-check.ts). */
  readonly script?: ScriptCheck;
  /** A tenant's security material (credentials, keystore entries, certificate-to-user mappings). */
  readonly securityMaterial?: SecurityMaterialCheck;
}

/** A channel check with its rule's metadata, as the engine runs it. */
export type ChannelRule = ChannelCheck & { readonly meta: RuleMeta };

/** An iFlow check with its rule's metadata, as the engine runs it. */
export type IflowRule = IflowCheck & { readonly meta: RuleMeta };
