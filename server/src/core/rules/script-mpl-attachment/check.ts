import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import { conditionsAround, type Condition } from '../../script/conditions';
import { indentationAt, lineBreakOf, startsLine } from '../../script/indentation';
import { logSink } from '../../script/log-sinks';
import { isName, isPunctuation, type ScriptCode, type ScriptModel } from '../../script/model';
import { triggerNames, usesAny } from '../../script/names';
import { spanOffsets } from '../../script/span';
import { enclosingBrace, statementAround } from '../../script/statements';
import { indexedText, indicesOf } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptFix, ScriptReport } from '../script-check';

// Attachments of the message processing log: stored with every run and
// shown to everyone who may monitor messages. Behind an `if` the script
// presumably asks a log switch first, which is advice rather than a warning;
// `if (messageLog != null)` only guards against a missing log and is no switch.

/** The property the fix's switch reads; the user points it at an externalized parameter. */
export const SWITCH_PROPERTY = 'EnableMplAttachments';

const PROCESS_DATA = indexedText('processData');

/** The name the script gives the message (`processData(Message msg)`), `message` when it does not say. */
function messageName(code: ScriptCode): string {
  const tokens = code.tokens;
  // Asked for every finding's fix: the index holds the places of the name.
  for (const i of indicesOf(code, PROCESS_DATA)) {
    if (i + 1 >= tokens.length || !isPunctuation(tokens[i + 1], '(')) continue;
    const close = code.pair[i + 1];
    const last = tokens[close - 1];
    if (close > i + 2 && isName(last) && last.kind === 'identifier') return last.text;
  }
  return 'message';
}

const GUARD_TOKENS = new Set(['.', '?.', '!=', '!==', '&&', 'null']);

/** `if (messageLog != null)`: a guard against a missing log, not a log switch. */
function isNullGuard(code: ScriptCode, condition: Condition): boolean {
  if (condition.kind !== 'if') return false;
  const close = code.pair[condition.at];
  let compares = false;
  for (let i = condition.at + 1; i < close; i++) {
    const token = code.tokens[i];
    if (token.text === '!=' || token.text === '!==') compares = true;
    if (!(GUARD_TOKENS.has(token.text) || (isName(token) && token.kind === 'identifier'))) return false;
  }
  return compares;
}

function logSwitch(script: ScriptModel): string {
  return `${messageName(script.code)}.getProperty("${SWITCH_PROPERTY}") == "true"`;
}

const SWITCH_TITLE = `property "${SWITCH_PROPERTY}" is "true"; point it at an externalized parameter or edit the condition`;

/** Add the switch to the null guard around the call: `if (messageLog != null && <switch>)`. */
function guardFix(script: ScriptModel, code: ScriptCode, guard: Condition): ScriptFix | undefined {
  if (code !== script.code) return undefined;
  const close = code.tokens[code.pair[guard.at]];
  return {
    title: `Add a log switch to the if around it (${SWITCH_TITLE})`,
    edits: [{ kind: 'insert', at: close.start, text: ` && ${logSwitch(script)}` }],
  };
}

/** Wrap the call's statement in `if (<log> != null && <switch>) { … }`. */
function wrapFix(script: ScriptModel, code: ScriptCode, call: CallSite): ScriptFix | undefined {
  if (code !== script.code) return undefined;
  const statement = statementAround(code, call.name);
  if (statement.start !== call.start) return undefined;
  const { start, end } = spanOffsets(code, statement);
  if (!startsLine(script.text, start)) return undefined;
  const receiver = call.receiver!;
  const log = receiver.path.length === 1 && /^[A-Za-z_$][\w$]*$/.test(receiver.path[0]) ? receiver.path[0] : undefined;
  const condition = log ? `${log} != null && ${logSwitch(script)}` : logSwitch(script);
  const indent = indentationAt(script.text, start);
  // One level deeper, by the step the script itself indents with.
  const brace = enclosingBrace(code, call.name);
  const outer = brace >= 0 ? indentationAt(script.text, code.tokens[brace].start) : '';
  const step = indent.length > outer.length && indent.startsWith(outer) ? indent.slice(outer.length) : '    ';
  const newline = lineBreakOf(script.text);
  const body = script.text.slice(start, end).split(/\r?\n/).join(`${newline}${step}`);
  const semicolon = script.language === 'javascript' && script.text[end] !== ';' ? ';' : '';
  const closeAt = script.text[end] === ';' ? end + 1 : end;
  const tail = script.text[end] === ';' ? ';' : semicolon;
  return {
    title: `Attach only when a log switch is on (${SWITCH_TITLE})`,
    edits: [
      { kind: 'replace', start, end: closeAt, text: `if (${condition}) {${newline}${indent}${step}${body}${tail}${newline}${indent}}` },
    ],
  };
}

const TRIGGERS = triggerNames(['addAttachmentAsString']);

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  for (const { code } of codeBlocks(script)) {
    // Most blocks never name the method: no need to walk their calls.
    if (!usesAny(code, TRIGGERS)) continue;
    // TRIGGERS names the one method looked for.
    for (const call of callIndex(code, script.language).named(TRIGGERS)) {
      const sink = logSink(call);
      if (sink?.kind !== 'message-log' || call.method !== 'addAttachmentAsString') continue;
      const conditions = conditionsAround(code, call.name);
      const switched = conditions.some((condition) => !isNullGuard(code, condition));
      const fix = switched ? undefined : conditions.length > 0 ? guardFix(script, code, conditions[0]) : wrapFix(script, code, call);
      report({
        at: code.tokens[call.start],
        to: code.tokens[call.end - 1],
        message: switched
          ? `${sink.label}(…) creates a message processing log attachment inside an if: make sure the condition is a log switch that is off in production.`
          : `${sink.label}(…) creates a message processing log attachment on every run: it fills the log's storage and shows the content to everyone who monitors messages. Put it behind a log switch.`,
        ...(switched ? { severity: 'information' as const } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  }
}

export const checks: RuleChecks = {
  script: { check },
};
