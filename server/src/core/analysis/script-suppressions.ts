// Suppression comments inside a script: the comment on the line before a
// finding silences that finding's rule there, and must say why:
//   // cpi-security-lint-disable-next-line script-mpl-attachment -- test tenant only
//   /* cpi-security-lint-disable-next-line script-eval, script-xxe -- reviewed */
// A comment without a reason, or naming no known rule, is reported and
// silences nothing: a suppression nobody can justify later is worse than the finding.
import { suggestRuleId } from '@cpi/common/config/rule-ids';
import { isRuleId } from '@cpi/common/rules/catalogue';
import { SCRIPT_RULES } from '../rules/registry';
import type { ScriptComment, ScriptModel } from '../script/model';
import type { Range } from '@cpi/common/text/range';

export const DISABLE_NEXT_LINE = 'cpi-security-lint-disable-next-line';

/** A well-formed suppression comment. */
export interface SuppressionComment {
  /** The known rule ids it names. */
  readonly ruleIds: readonly string[];
  readonly reason: string;
  readonly range: Range;
  /** 0-based line whose findings it silences: the one after the comment ends. */
  readonly appliesToLine: number;
}

export interface SuppressionCommentProblem {
  readonly message: string;
  readonly range: Range;
}

export function readSuppressionComments(script: ScriptModel): { valid: SuppressionComment[]; problems: SuppressionCommentProblem[] } {
  const valid: SuppressionComment[] = [];
  const problems: SuppressionCommentProblem[] = [];
  for (const comment of script.comments) {
    const body = directiveBody(comment);
    if (body === undefined) continue;
    const range = script.lines.rangeOf(comment.start, comment.end);
    const separator = body.indexOf('--');
    const named = (separator < 0 ? body : body.slice(0, separator)).split(/[\s,]+/).filter((word) => word !== '');
    const reason = separator < 0 ? '' : body.slice(separator + 2).trim();
    if (named.length === 0) {
      problems.push({
        range,
        message: `This suppression comment names no rule; it suppresses nothing. Write "// ${DISABLE_NEXT_LINE} <rule-id> -- <reason>".`,
      });
      continue;
    }
    const known = named.filter(isKnownRule);
    for (const id of named.filter((candidate) => !isKnownRule(candidate))) {
      problems.push({
        range,
        message: `The suppression comment names "${id}", which is not a CPI Security Lint rule; it suppresses nothing for it.${suggestRuleId(id)}`,
      });
    }
    if (known.length === 0) continue;
    if (reason === '') {
      const ids = known.map((id) => `"${id}"`).join(', ');
      problems.push({
        range,
        message: `The suppression comment for ${ids} gives no reason, so it suppresses nothing. Add the reason after "--": "// ${DISABLE_NEXT_LINE} ${known[0]} -- <reason>".`,
      });
      continue;
    }
    valid.push({ ruleIds: known, reason, range, appliesToLine: script.lines.positionAt(comment.end).line + 1 });
  }
  return { valid, problems };
}

/** A rule of the catalogue, or a script rule the engine runs (tests add their own). */
function isKnownRule(id: string): boolean {
  return isRuleId(id) || SCRIPT_RULES.some((rule) => rule.meta.id === id);
}

/** What follows the directive in a comment, or undefined when the comment is no suppression. */
function directiveBody(comment: ScriptComment): string | undefined {
  // Most comments are no directive: turned away before any of their text is cut (every comment of every script passes here).
  if (!comment.text.includes(DISABLE_NEXT_LINE)) return undefined;
  let text: string;
  if (comment.kind === 'line') text = comment.text.slice(2);
  else if (comment.kind === 'block') text = comment.text.slice(2, comment.text.endsWith('*/') ? -2 : undefined);
  else return undefined;
  text = text.trim();
  if (!text.startsWith(DISABLE_NEXT_LINE)) return undefined;
  const rest = text.slice(DISABLE_NEXT_LINE.length);
  // `…-next-line-foo` is another word, not the directive
  return rest === '' || /^\s/.test(rest) ? rest.trim() : undefined;
}

/** The comment line that suppresses `ruleId` with `reason`, indented like the line it precedes. */
export function suppressionCommentLine(ruleId: string, reason: string, indent: string): string {
  return `${indent}// ${DISABLE_NEXT_LINE} ${ruleId} -- ${reason.replace(/[\r\n]+/g, ' ').trim()}\n`;
}
