// The script rules over one Groovy or JavaScript script: configured
// severities, the script's own suppression comments, the configuration's
// suppressions, and the iFlows whose Script step runs the script as related
// information on each finding.
import { isIgnored } from '../config/globs';
import type { Config } from '../config/model';
import type { Finding, Fix, RelatedLocation, Severity } from '@cpi/common/findings';
import type { IflowModel } from '../iflow/model';
import { SCRIPT_RULES } from '../rules/registry';
import type { ScriptEdit, ScriptFix, ScriptReport } from '../rules/script-check';
import type { ScriptModel } from '../script/model';
import type { Range } from '@cpi/common/text/range';
import { effectiveSeverity, recordRuleFailure, type RuleFailure } from './analyse-artifact';
import { displayName } from './parsed';
import { scriptFileName } from './script-layout';
import { readSuppressionComments, type SuppressionComment } from './script-suppressions';
import { applySuppressions, type SuppressedFinding } from './suppressions';

export interface ScriptInput {
  readonly uri: string;
  readonly script: ScriptModel;
  readonly config: Config;
  /** The iFlows of the script's artifact: those whose Script step names the script become related information. */
  readonly iflows?: readonly { readonly uri: string; readonly model: IflowModel }[];
  /** "Today" for suppression expiry; tests pin it. */
  readonly today?: Date;
}

/** Something about the script that is not a rule finding: it could not be read exactly, or a suppression comment is wrong. */
export interface ScriptProblem {
  readonly kind: 'reading' | 'suppression-comment';
  readonly message: string;
  readonly range: Range;
}

/** A finding a comment in the script suppressed. */
export interface CommentSuppressedFinding {
  readonly finding: Finding;
  readonly comment: SuppressionComment;
}

export interface ScriptResult {
  readonly findings: readonly Finding[];
  /** Suppressed by the configuration. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppressed by a comment in the script. */
  readonly commentSuppressed: readonly CommentSuppressedFinding[];
  /** Well-formed suppression comments (with a reason) that matched no finding: for --report-unused-suppressions. */
  readonly unusedComments: readonly SuppressionComment[];
  readonly problems: readonly ScriptProblem[];
  readonly ruleFailures: readonly RuleFailure[];
}

const NOTHING: ScriptResult = { findings: [], suppressed: [], commentSuppressed: [], unusedComments: [], problems: [], ruleFailures: [] };

export function analyseScript(input: ScriptInput): ScriptResult {
  const { uri, script, config } = input;
  if (isIgnored(config, uri)) return NOTHING;
  const today = input.today ?? new Date();
  const fileName = scriptFileName(uri);
  const related = iflowsRunning(fileName, input.iflows ?? []);
  const ruleFailures: RuleFailure[] = [];
  const all: Finding[] = [];
  const context = { config, uri, fileName, language: script.language };
  // One report callback and one list serve every rule in turn (a closure and a list per rule and script added up over a scan).
  let ruleId = '';
  let found: Finding[] = [];
  const onReport = (report: ScriptReport) => {
    const severity = effectiveSeverity(config, ruleId, report.severity);
    if (severity !== 'off') found.push(scriptFinding(ruleId, severity, report, uri, script, related));
  };
  for (const rule of SCRIPT_RULES) {
    if (effectiveSeverity(config, rule.meta.id) === 'off') continue;
    ruleId = rule.meta.id;
    if (found.length > 0) found = [];
    try {
      rule.check(script, onReport, context);
    } catch (error) {
      // what it reported before throwing is as doubtful as the rest
      recordRuleFailure(ruleFailures, rule.meta.id, uri, error);
      continue;
    }
    for (const finding of found) all.push(finding);
  }
  all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  const comments = readSuppressionComments(script);
  const problems: ScriptProblem[] = [
    ...script.problems.map((problem) => ({
      kind: 'reading' as const,
      message: problem.message,
      range: script.lines.rangeOf(problem.start, problem.end),
    })),
    ...comments.problems.map((problem) => ({ kind: 'suppression-comment' as const, message: problem.message, range: problem.range })),
  ];
  const kept: Finding[] = [];
  const commentSuppressed: CommentSuppressedFinding[] = [];
  const used = new Set<SuppressionComment>();
  for (const finding of all) {
    const comment = comments.valid.find(
      (candidate) => candidate.ruleIds.includes(finding.ruleId) && candidate.appliesToLine === finding.range.start.line,
    );
    if (comment) {
      used.add(comment);
      commentSuppressed.push({ finding, comment });
    } else kept.push(finding);
  }
  const unusedComments = comments.valid.filter((comment) => !used.has(comment));
  // Fields named one by one: spreading the result into a literal cost V8 microseconds per script.
  const { findings, suppressed } = applySuppressions(kept, config, today);
  return { findings, suppressed, commentSuppressed, unusedComments, problems, ruleFailures };
}

function scriptFinding(
  ruleId: string,
  severity: Severity,
  report: ScriptReport,
  uri: string,
  script: ScriptModel,
  related: readonly RelatedLocation[],
): Finding {
  const end = Math.max(report.at.end, report.to?.end ?? report.at.end);
  const fixes = (report.fixes ?? []).map((fix) => scriptFix(fix, uri, script));
  return { ruleId, severity, message: report.message, uri, range: script.lines.rangeOf(report.at.start, end), related, fixes };
}

function scriptFix(fix: ScriptFix, uri: string, script: ScriptModel): Fix {
  const edits = fix.edits.map((edit: ScriptEdit) =>
    edit.kind === 'insert'
      ? { range: script.lines.rangeOf(edit.at, edit.at), newText: edit.text }
      : { range: script.lines.rangeOf(edit.start, edit.end), newText: edit.text },
  );
  return { title: fix.title, ...(fix.preferred ? { preferred: true } : {}), edits: [{ uri, edits }] };
}

/** The Script steps (property `script` naming the file) of the artifact's iFlows, as related locations. */
export function iflowsRunning(
  fileName: string,
  iflows: readonly { readonly uri: string; readonly model: IflowModel }[],
): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const iflow of iflows) {
    for (const property of iflow.model.otherProperties) {
      if (property.key !== 'script' || property.value?.text.trim() !== fileName) continue;
      related.push({
        uri: iflow.uri,
        range: property.value.range,
        message: `Script step of iFlow "${displayName(iflow.uri)}" runs this script`,
      });
    }
  }
  return related;
}
