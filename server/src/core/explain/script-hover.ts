// Hover for a Groovy or JavaScript script: on a script API that matters for
// security (message log, secure store, XML factories, Eval), the findings
// at the cursor first, then what the API means and the SAP guideline behind
// it. Everywhere else no hover: VS Code shows the diagnostics by itself.
import type { Finding } from '@cpi/common/findings';
import { scriptApiNote, type ScriptApiNote, type ScriptApiTopic } from '@cpi/common/knowledge/script-apis';
import { isRuleId } from '@cpi/common/rules/catalogue';
import { containsPosition, type Position } from '@cpi/common/text/range';
import { isName, isPunctuation, type ScriptModel } from '../script/model';
import { tokenAt } from '../script/token-at';
import { commandLink, SEVERITY_LABEL, type HoverCommands, type HoverContent } from './hover';

const TOPIC_LABEL: Record<ScriptApiTopic, string> = {
  'message-log': 'message processing log',
  'secure-store': 'secure store',
  'xml-parser': 'XML parser',
  eval: 'code evaluation',
};

/** The API note for the name under the cursor, with where that name stands. */
export function scriptApiAt(
  model: ScriptModel,
  position: Position,
): { readonly note: ScriptApiNote; readonly start: number; readonly end: number } | undefined {
  const at = tokenAt(model, model.lines.offsetAt(position));
  if (!at || !isName(at.token)) return undefined;
  const note = scriptApiNote(at.token.text, model.language);
  if (!note) return undefined;
  if (note.callOnly && !isPunctuation(at.code.tokens[at.index + 1], '(')) return undefined;
  return { note, start: at.token.start, end: at.token.end };
}

/** One line per finding: severity, rule, message, and the rule's explanation. */
function findingLine(finding: Finding, commands: HoverCommands): string {
  return `**${SEVERITY_LABEL[finding.severity]} · ${finding.ruleId}** — ${finding.message} · [Explain rule](${commandLink(commands.explainRule, finding.ruleId)})`;
}

function noteSection(note: ScriptApiNote, commands: HoverCommands): string {
  const facts: string[] = [];
  if (note.guideline) facts.push(`SAP design guideline \`${note.guideline}\``);
  const rules = note.rules.filter(isRuleId).map((id) => `[\`${id}\`](${commandLink(commands.explainRule, id)})`);
  if (rules.length > 0) facts.push(`checked by ${rules.join(', ')}`);
  return [
    `**\`${note.name}\`** · ${TOPIC_LABEL[note.topic]}`,
    note.summary,
    facts.join(' · '),
    note.pages.map((page) => `[${page.title}](${page.url})`).join(' · '),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function scriptHover(
  model: ScriptModel,
  uri: string,
  findings: readonly Finding[],
  position: Position,
  commands: HoverCommands,
): HoverContent | undefined {
  const api = scriptApiAt(model, position);
  if (!api) return undefined;
  // Each finding once, however many ranges of it cover the cursor.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const finding of findings) {
    if (finding.uri !== uri || !containsPosition(finding.range, position)) continue;
    const key = `${finding.ruleId}\n${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(findingLine(finding, commands));
  }
  const sections = lines.length > 0 ? [lines.join('\n\n'), noteSection(api.note, commands)] : [noteSection(api.note, commands)];
  return { markdown: sections.join('\n\n---\n\n'), range: model.lines.rangeOf(api.start, api.end) };
}
