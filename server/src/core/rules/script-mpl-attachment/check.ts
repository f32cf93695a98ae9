import { codeBlocks } from '../../script/blocks';
import { callSites, type CallSite } from '../../script/calls';
import { insideIf } from '../../script/conditions';
import { indentationAt, lineBreakOf, startsLine } from '../../script/indentation';
import { logSink } from '../../script/log-sinks';
import { isName, isPunctuation, type ScriptCode, type ScriptModel } from '../../script/model';
import { spanOffsets } from '../../script/span';
import { enclosingBrace, statementAround } from '../../script/statements';
import type { RuleChecks } from '../rule';
import type { ScriptFix, ScriptReport } from '../script-check';

// Attachments of the message processing log: stored with every run and
// shown to everyone who may monitor messages. Behind an `if` the script
// presumably asks a log switch first, which is advice rather than a warning.

/** The property the fix's switch reads; the user points it at an externalized parameter. */
export const SWITCH_PROPERTY = 'EnableMplAttachments';

/** The name the script gives the message (`processData(Message msg)`), `message` when it does not say. */
function messageName(code: ScriptCode): string {
  const tokens = code.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].text !== 'processData' || !isPunctuation(tokens[i + 1], '(')) continue;
    const close = code.pair[i + 1];
    const last = tokens[close - 1];
    if (close > i + 2 && isName(last) && last.kind === 'identifier') return last.text;
  }
  return 'message';
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
  const logSwitch = `${messageName(script.code)}.getProperty("${SWITCH_PROPERTY}") == "true"`;
  const condition = log ? `${log} != null && ${logSwitch}` : logSwitch;
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
    title: `Attach only when a log switch is on (property "${SWITCH_PROPERTY}" is "true"; point it at an externalized parameter or edit the condition)`,
    edits: [{ kind: 'replace', start, end: closeAt, text: `if (${condition}) {${newline}${indent}${step}${body}${tail}${newline}${indent}}` }],
  };
}

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  for (const { code } of codeBlocks(script)) {
    for (const call of callSites(code, script.language)) {
      const sink = logSink(call);
      if (sink?.kind !== 'message-log' || call.method !== 'addAttachmentAsString') continue;
      const switched = insideIf(code, call.name);
      const fix = switched ? undefined : wrapFix(script, code, call);
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
