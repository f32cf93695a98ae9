import type { Config } from '../config/model';
import { isIgnored } from '../config/globs';
import type { Finding, Severity, SeveritySetting } from '@cpi/common/findings';
import { resolveValue } from '../params/resolve';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { CHANNEL_RULES, IFLOW_RULES, PARAMETER_RULES } from '../rules/registry';
import type { Channel, IflowProperty } from '../iflow/model';
import type { IflowView, Report, RuleContext } from '../rules/rule';
import { channelFindings, channelFindingsKey, type Buckets } from './channel-findings-cache';
import { ChannelView } from './channel-view';
import type { ConfigTarget } from '../config/target';
import { buildFindings, type BuildContext } from './findings-builder';
import { displayName, type ParsedIflow, type ParsedParameters } from './parsed';
import { applySuppressions, type SuppressedFinding } from './suppressions';
import type { SecurityMaterial } from '../tenant/material';

export type { SuppressedFinding } from './suppressions';

/** One integration artifact: its iFlows and the parameters.prop they resolve against. */
export interface ArtifactInput {
  readonly iflows: readonly ParsedIflow[];
  readonly parameters?: ParsedParameters;
  readonly config: Config;
  readonly configTarget?: ConfigTarget;
  /** "Today" for suppression expiry and rules about dates; tests pin it. */
  readonly today?: Date;
  /**
   * The security material of the tenant the artifact was read from (keystore,
   * credentials, secure parameters): channel rules look the names a channel
   * uses up in it. Absent for local files.
   */
  readonly securityMaterial?: SecurityMaterial;
  /**
   * Keep each channel's findings for the next analysis of the same file
   * (channel-findings-cache.ts): what makes re-analysing after an edit cheap
   * in the editor, and only costs a one-shot scan. Default true.
   */
  readonly keepChannelFindings?: boolean;
}

export interface ArtifactResult {
  /** Findings for every file of the artifact (iFlows and parameters.prop). */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Rules that threw: their findings in that file are missing, every other rule's are complete. */
  readonly ruleFailures: readonly RuleFailure[];
}

/** A rule that threw while checking a file; one per rule, file and message. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly uri: string;
  readonly message: string;
  /** Where it was thrown: the first stack frame, when the error has one. */
  readonly at?: string;
}

/** Records a rule's exception as data (a defect in one rule must not cost the others' findings). */
export function recordRuleFailure(into: RuleFailure[], ruleId: string, uri: string, error: unknown): void {
  let message: string;
  let at: string | undefined;
  try {
    message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    at =
      error instanceof Error
        ? error.stack
            ?.split('\n')
            .find((line) => line.trimStart().startsWith('at '))
            ?.trim()
        : undefined;
  } catch {
    message = 'an exception that cannot be shown';
  }
  if (into.some((failure) => failure.ruleId === ruleId && failure.uri === uri && failure.message === message)) return;
  into.push(at === undefined ? { ruleId, uri, message } : { ruleId, uri, message, at });
}

/** The severity a rule reports with, or 'off'. Configuration wins over a rule's own choice. */
export function effectiveSeverity(config: Config, ruleId: string, reported?: Severity): SeveritySetting {
  return config.rules.get(ruleId) ?? reported ?? ruleMeta(ruleId)?.defaultSeverity ?? 'warning';
}

export function analyseArtifact(input: ArtifactInput): ArtifactResult {
  const { config } = input;
  const today = input.today ?? new Date();
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const iflow of input.iflows) {
    if (isIgnored(config, iflow.uri)) continue;
    findings.push(...analyseIflow(iflow, input, today, ruleFailures));
  }
  if (input.parameters && !isIgnored(config, input.parameters.uri))
    findings.push(...analyseParameters(input.parameters, input.iflows, config, ruleFailures));
  return { ...applySuppressions(findings, config, today), ruleFailures };
}

/** The parameters.prop rules, each finding on the value of its parameter. */
function analyseParameters(
  parameters: ParsedParameters,
  iflows: readonly ParsedIflow[],
  config: Config,
  failures: RuleFailure[],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of PARAMETER_RULES) {
    if (effectiveSeverity(config, rule.meta.id) === 'off') continue;
    const before = findings.length;
    try {
      rule.check(
        parameters.file,
        ({ entry, message, severity }) => {
          const effective = effectiveSeverity(config, rule.meta.id, severity);
          // a value configured on the tenant has no line in parameters.prop; the iFlow rules judge it where it is used
          if (effective !== 'off' && !entry.configured)
            findings.push({
              ruleId: rule.meta.id,
              severity: effective,
              message,
              uri: parameters.uri,
              range: entry.value.range,
              related: [],
              fixes: [],
              subject: entry.key,
            });
        },
        { iflows },
      );
    } catch (error) {
      findings.length = before; // what it reported before throwing is as doubtful as the rest
      recordRuleFailure(failures, rule.meta.id, parameters.uri, error);
    }
  }
  return findings;
}

function analyseIflow(iflow: ParsedIflow, input: ArtifactInput, now: Date, failures: RuleFailure[]): Finding[] {
  const { config, parameters, securityMaterial } = input;
  // the file name: SAP names every collaboration "Default Collaboration"
  const iflowName = displayName(iflow.uri);
  const buildContext = { iflow, parameters, configTarget: input.configTarget, iflowName };
  const ruleContext: RuleContext = { config, iflow: iflow.model, iflowName, now, securityMaterial };
  const findings: Finding[] = [];
  const emit = (ruleId: string, report: Report, into = findings, context: BuildContext = buildContext) => {
    const severity = effectiveSeverity(config, ruleId, report.severity);
    if (severity !== 'off') into.push(...buildFindings(ruleId, severity, report, context));
  };

  // Channel findings are kept per channel (channel-findings-cache.ts), which
  // is only right while a rule looks at nothing but its channel: one that
  // reads the whole model makes the channel's result uncacheable. So does a
  // rule that threw there: the next run tries it again and reports it again.
  let readWholeIflow = false;
  let failed = false;
  const fail = (ruleId: string, error: unknown) => {
    failed = true;
    recordRuleFailure(failures, ruleId, iflow.uri, error);
  };
  const guardedContext: RuleContext = {
    config,
    iflowName,
    now,
    securityMaterial,
    get iflow() {
      readWholeIflow = true;
      return iflow.model;
    },
  };
  const resolve = (property: IflowProperty) => (property.value ? resolveValue(property, parameters?.file) : undefined);
  const enabled = (id: string) => config.rules.get(id) !== 'off';
  const keep = input.keepChannelFindings !== false;
  const cacheKey = keep
    ? channelFindingsKey({ uri: iflow.uri, config, parameters, configTarget: input.configTarget, securityMaterial, now })
    : undefined;
  const findingsOf = (channel: Channel, check: () => { findings: Buckets; keep: boolean }) =>
    cacheKey ? channelFindings(channel, iflow.lines, cacheKey, check) : check().findings;
  const channels = iflow.model.channels.map((channel) => ChannelView.of(channel, parameters?.file));
  // One reporter per rule for all channels (not a closure per rule and channel: a large iFlow has thousands).
  let reports: { ruleId: string; report: Report }[] = [];
  const channelRules = CHANNEL_RULES.filter((rule) => enabled(rule.meta.id)).map((rule) => ({
    rule,
    reporter: (report: Report) => reports.push({ ruleId: rule.meta.id, report }),
  }));
  let found: Finding[] = [];
  const iflowRuleReporters = IFLOW_RULES.map((rule) => (report: Report) => emit(rule.meta.id, report, found));
  const byChannel = IFLOW_RULES.map((rule) => enabled(rule.meta.id) && rule.channelByChannel === true);

  // Per channel: its channel-rule findings, then those of each iFlow rule (empty unless it goes channel by channel).
  const perChannel = channels.map((channel) =>
    findingsOf(channel.channel, () => {
      readWholeIflow = false;
      failed = false;
      reports = [];
      for (const { rule, reporter } of channelRules) {
        const before = reports.length;
        try {
          rule.check(channel, reporter, guardedContext);
        } catch (error) {
          reports.length = before; // what it reported before throwing is as doubtful as the rest
          fail(rule.meta.id, error);
        }
      }
      const own: Finding[] = [];
      // the channel's name goes with its findings, for suppressions of one channel
      const channelContext: BuildContext = { ...buildContext, channel: channel.channel.name };
      for (const entry of withoutSuperseded(reports, config)) {
        try {
          emit(entry.ruleId, entry.report, own, channelContext);
        } catch (error) {
          fail(entry.ruleId, error);
        }
      }
      const single: IflowView = { channels: [channel], otherProperties: [], resolve };
      const buckets = [own];
      for (let i = 0; i < IFLOW_RULES.length; i++) {
        found = [];
        if (byChannel[i]) {
          try {
            IFLOW_RULES[i].checkIflow(single, iflowRuleReporters[i], guardedContext);
          } catch (error) {
            found = [];
            fail(IFLOW_RULES[i].meta.id, error);
          }
        }
        buckets.push(found);
      }
      return { findings: buckets, keep: !readWholeIflow && !failed };
    }),
  );

  for (const buckets of perChannel) findings.push(...buckets[0]);
  IFLOW_RULES.forEach((rule, i) => {
    if (!enabled(rule.meta.id)) return;
    // The same findings, in the same order, as one run over the whole iFlow.
    if (rule.channelByChannel) for (const buckets of perChannel) findings.push(...buckets[i + 1]);
    const view: IflowView = { channels: rule.channelByChannel ? [] : channels, otherProperties: iflow.model.otherProperties, resolve };
    const before = findings.length;
    try {
      rule.checkIflow(view, (report) => emit(rule.meta.id, report), ruleContext);
    } catch (error) {
      findings.length = before;
      fail(rule.meta.id, error);
    }
  });
  return findings;
}

/** Drops reports that a more specific enabled rule already made about the same value. */
function withoutSuperseded(reports: { ruleId: string; report: Report }[], config: Config) {
  const byRule = (id: string) => reports.filter((entry) => entry.ruleId === id && effectiveSeverity(config, id) !== 'off');
  return reports.filter(({ ruleId, report }) => {
    const rule = CHANNEL_RULES.find((candidate) => candidate.meta.id === ruleId);
    return !rule?.supersededBy?.some((other) => byRule(other).some((entry) => entry.report.on === report.on));
  });
}
