import type { Config } from '../config/model';
import { isIgnored } from '../config/globs';
import type { Finding, Severity, SeveritySetting } from '../findings';
import { resolveValue } from '../params/resolve';
import { ruleMeta } from '../rules/catalogue';
import { CHANNEL_RULES, IFLOW_RULES } from '../rules/registry';
import type { IflowProperty } from '../iflow/model';
import type { IflowView, Report, RuleContext } from '../rules/rule';
import { channelFindings, channelFindingsKey } from './channel-findings-cache';
import { ChannelView } from './channel-view';
import type { ConfigTarget } from '../config/target';
import { buildFindings } from './findings-builder';
import { checkParameterSecrets } from './parameter-secrets';
import { displayName, type ParsedIflow, type ParsedParameters } from './parsed';
import { applySuppressions, type SuppressedFinding } from './suppressions';

export type { SuppressedFinding } from './suppressions';

/** One integration artifact: its iFlows and the parameters.prop they resolve against. */
export interface ArtifactInput {
  readonly iflows: readonly ParsedIflow[];
  readonly parameters?: ParsedParameters;
  readonly config: Config;
  readonly configTarget?: ConfigTarget;
  /** "Today" for suppression expiry; tests pin it. */
  readonly today?: Date;
}

export interface ArtifactResult {
  /** Findings for every file of the artifact (iFlows and parameters.prop). */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
}

/** The severity a rule reports with, or 'off'. Configuration wins over a rule's own choice. */
export function effectiveSeverity(config: Config, ruleId: string, reported?: Severity): SeveritySetting {
  return config.rules.get(ruleId) ?? reported ?? ruleMeta(ruleId)?.defaultSeverity ?? 'warning';
}

export function analyseArtifact(input: ArtifactInput): ArtifactResult {
  const { config } = input;
  const today = input.today ?? new Date();
  const findings: Finding[] = [];
  for (const iflow of input.iflows) {
    if (isIgnored(config, iflow.uri)) continue;
    findings.push(...analyseIflow(iflow, input));
  }
  const secretSeverity = effectiveSeverity(config, 'cleartext-secret');
  if (input.parameters && !isIgnored(config, input.parameters.uri) && secretSeverity !== 'off') {
    findings.push(...checkParameterSecrets(input.parameters, input.iflows, secretSeverity));
  }
  return applySuppressions(findings, config, today);
}

function analyseIflow(iflow: ParsedIflow, input: ArtifactInput): Finding[] {
  const { config, parameters } = input;
  // the file name: SAP names every collaboration "Default Collaboration"
  const iflowName = displayName(iflow.uri);
  const buildContext = { iflow, parameters, configTarget: input.configTarget, iflowName };
  const ruleContext: RuleContext = { config, iflow: iflow.model, iflowName };
  const findings: Finding[] = [];
  const emit = (ruleId: string, report: Report, into = findings) => {
    const severity = effectiveSeverity(config, ruleId, report.severity);
    if (severity !== 'off') into.push(...buildFindings(ruleId, severity, report, buildContext));
  };

  // Channel findings are kept per channel (channel-findings-cache.ts), which
  // is only right while a rule looks at nothing but its channel: one that
  // reads the whole model makes the channel's result uncacheable.
  let readWholeIflow = false;
  const guardedContext: RuleContext = {
    config,
    iflowName,
    get iflow() {
      readWholeIflow = true;
      return iflow.model;
    },
  };
  const resolve = (property: IflowProperty) => (property.value ? resolveValue(property, parameters?.file) : undefined);
  const enabled = (id: string) => config.rules.get(id) !== 'off';
  const cacheKey = channelFindingsKey({ uri: iflow.uri, config, parameters, configTarget: input.configTarget });
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
    channelFindings(channel.channel, iflow.lines, cacheKey, () => {
      readWholeIflow = false;
      reports = [];
      for (const { rule, reporter } of channelRules) rule.check(channel, reporter, guardedContext);
      const own: Finding[] = [];
      for (const entry of withoutSuperseded(reports, config)) emit(entry.ruleId, entry.report, own);
      const single: IflowView = { channels: [channel], otherProperties: [], resolve };
      const buckets = [own];
      IFLOW_RULES.forEach((rule, i) => {
        found = [];
        if (byChannel[i]) rule.checkIflow(single, iflowRuleReporters[i], guardedContext);
        buckets.push(found);
      });
      return { findings: buckets, keep: !readWholeIflow };
    }),
  );

  for (const buckets of perChannel) findings.push(...buckets[0]);
  IFLOW_RULES.forEach((rule, i) => {
    if (!enabled(rule.meta.id)) return;
    if (!rule.channelByChannel) {
      rule.checkIflow({ channels, otherProperties: iflow.model.otherProperties, resolve }, (report) => emit(rule.meta.id, report), ruleContext);
      return;
    }
    // The same findings, in the same order, as one run over the whole iFlow.
    for (const buckets of perChannel) findings.push(...buckets[i + 1]);
    rule.checkIflow({ channels: [], otherProperties: iflow.model.otherProperties, resolve }, (report) => emit(rule.meta.id, report), ruleContext);
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
