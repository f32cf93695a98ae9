import type { ParsedIflow, ParsedParameters } from '../analysis/parsed';
import { displayName } from '../analysis/parsed';
import type { Finding } from '@cpi/common/findings';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { explainKey } from '@cpi/common/knowledge/rule-docs';
import { answerExcerpt } from '@cpi/common/knowledge/excerpt';
import type { ParameterEntry } from '../params/model';
import { resolveValue } from '../params/resolve';
import { isSecretName } from '../rules/support/secrets';
import { containsPosition, type Position, type Range } from '@cpi/common/text/range';
import { entryAt, propertyAt } from './locate-property';
import { findingLines } from './finding-line';

/** Client commands hovers link to (declared in the shared protocol module). */
export interface HoverCommands {
  readonly explainRule: string;
  readonly openFaq: string;
}

export interface HoverContent {
  readonly markdown: string;
  readonly range: Range;
}

export const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' } as const;
const MAX_SHOWN_VALUE = 200;

export function commandLink(command: string, argument: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
}

/** Values of secret-like settings are never shown, not even in hovers. */
function shownValue(value: string, secret: boolean): string {
  if (secret) return '`••••••` (hidden: looks like a secret)';
  const clipped = value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
  return `\`${clipped.replace(/`/g, 'ˋ')}\``;
}

/** What the key means for security: one line. */
function keyLine(key: string): string | undefined {
  const explanation = explainKey(key);
  return explanation ? `**\`${key}\`** — ${explanation.summary}` : undefined;
}

/** The FAQ answer behind a key: question, the answer's opening, links. */
function faqSection(key: string, commands: HoverCommands): string | undefined {
  const faqId = explainKey(key)?.faq;
  const faq = faqId ? faqEntry(faqId) : undefined;
  if (!faq) return undefined;
  return [
    `*FAQ: ${faq.question}* ${answerExcerpt(faq.answer, { sentence: true })}`,
    `[Read the answer](${commandLink(commands.openFaq, faq.id)}) · [SAP Help](${faq.helpUrl})`,
  ].join('\n\n');
}

/** The findings under the cursor, one short line per rule (VS Code shows their messages above the hover). */
function findingsBlock(findings: readonly Finding[], commands: HoverCommands): string | undefined {
  const lines = findingLines(findings, commands);
  return lines.length > 0 ? lines.join('  \n') : undefined;
}

const atPosition = (findings: readonly Finding[], uri: string, position: Position) =>
  findings.filter((finding) => finding.uri === uri && containsPosition(finding.range, position));

/**
 * Hover for an iFlow, short enough for a small hover: the findings under the
 * cursor as one line each, what the setting means for security, its resolved
 * value, then the opening of the FAQ answer behind it.
 */
export function iflowHover(
  iflow: ParsedIflow,
  parameters: ParsedParameters | undefined,
  findings: readonly Finding[],
  position: Position,
  commands: HoverCommands,
): HoverContent | undefined {
  const at = propertyAt(iflow.model, position);
  if (!at) return undefined;
  const { property } = at;
  const sections: string[] = [];
  const found = findingsBlock(atPosition(findings, iflow.uri, position), commands);
  if (found) sections.push(found);
  const key = keyLine(property.key);
  if (key) sections.push(key);
  if (sections.length === 0) return undefined;
  if (property.value && property.value.text.includes('{{')) {
    const resolved = resolveValue(property, parameters?.file);
    const names = resolved.referencedNames.map((name) => `\`${name}\``).join(', ');
    const text = resolved.segments.map((s) => (s.origin.kind === 'unknown' ? s.raw : resolved.text.slice(s.textStart, s.textEnd))).join('');
    sections.push(
      resolved.parameters.length > 0
        ? `Resolved from ${names}: ${shownValue(text, isSecretName(property.key))}`
        : `Parameters ${names} have no value in parameters.prop: the value is unknown until deployment.`,
    );
  }
  const faq = faqSection(property.key, commands);
  if (faq) sections.push(faq);
  const range = property.value && containsPosition(property.value.range, position) ? property.value.range : property.keyRange;
  return { markdown: sections.join('\n\n---\n\n'), range };
}

/** Which channels of which iFlows use a parameter, and as what. */
function usesOf(entry: ParameterEntry, iflows: readonly ParsedIflow[], parameters: ParsedParameters) {
  const uses: { channel: string; adapter: string; key: string; iflow: string }[] = [];
  for (const iflow of iflows) {
    for (const channel of iflow.model.channels) {
      for (const property of channel.properties.values()) {
        if (!property.value?.text.includes('{{')) continue;
        if (resolveValue(property, parameters.file).parameters.includes(entry)) {
          uses.push({ channel: channel.name, adapter: channel.adapter, key: property.key, iflow: displayName(iflow.uri) });
        }
      }
    }
  }
  return uses;
}

/** Hover for parameters.prop: where the parameter is used, its value, and its findings. */
export function parametersHover(
  parameters: ParsedParameters,
  iflows: readonly ParsedIflow[],
  findings: readonly Finding[],
  position: Position,
  commands: HoverCommands,
): HoverContent | undefined {
  const entry = entryAt(parameters.file, position);
  if (!entry) return undefined;
  const sections: string[] = [];
  const found = findingsBlock(atPosition(findings, parameters.uri, position), commands);
  if (found) sections.push(found);
  const uses = usesOf(entry, iflows, parameters);
  const secret = isSecretName(entry.key) || uses.some((use) => isSecretName(use.key));
  const lines = [`**Parameter \`${entry.key}\`** = ${shownValue(entry.value.text, secret)}`];
  if (uses.length === 0) lines.push('Not used by any channel of the iFlows in this artifact.');
  for (const use of uses)
    lines.push(`- used as \`${use.key}\` by channel "${use.channel}" (${use.adapter || 'unknown adapter'}) in iFlow "${use.iflow}"`);
  sections.push(lines.join('\n'));
  const keys = [...new Set(uses.map((use) => use.key))];
  for (const key of keys) {
    const section = [keyLine(key), faqSection(key, commands)].filter(Boolean).join('\n\n');
    if (section) sections.push(section);
  }
  const range = containsPosition(entry.value.range, position) ? entry.value.range : entry.keyRange;
  return { markdown: sections.join('\n\n---\n\n'), range };
}
