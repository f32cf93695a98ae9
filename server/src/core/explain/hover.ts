import type { ParsedIflow, ParsedParameters } from '../analysis/parsed';
import { displayName } from '../analysis/parsed';
import type { Finding } from '@cpi/common/findings';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { explainKey, guidelineText, ruleDoc } from '@cpi/common/knowledge/rule-docs';
import type { ParameterEntry } from '../params/model';
import { resolveValue } from '../params/resolve';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { isSecretName } from '../rules/support/secrets';
import { containsPosition, type Position, type Range } from '@cpi/common/text/range';
import { entryAt, propertyAt } from './locate-property';

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

function findingSection(finding: Finding, commands: HoverCommands): string {
  const meta = ruleMeta(finding.ruleId);
  const doc = ruleDoc(finding.ruleId);
  const links = [`[Explain rule](${commandLink(commands.explainRule, finding.ruleId)})`];
  if (meta) links.push(`[SAP Help](${meta.helpUrl})`);
  return [
    `**${SEVERITY_LABEL[finding.severity]} · ${finding.ruleId}**${meta ? ` — ${meta.title}` : ''}`,
    finding.message,
    doc ? `*Why it matters:* ${firstParagraph(doc.why)}` : '',
    // the guideline id lets the finding be matched with the tenant's design-guideline check
    meta?.guideline ? guidelineText(meta) : '',
    links.join(' · '),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function keySection(key: string, commands: HoverCommands): string | undefined {
  const explanation = explainKey(key);
  if (!explanation) return undefined;
  const parts = [`**\`${key}\`** — ${explanation.summary}`];
  const faq = explanation.faq ? faqEntry(explanation.faq) : undefined;
  if (faq) {
    parts.push(`*FAQ:* ${faq.question} — ${firstSentence(faq.answer)}`);
    parts.push(`[Read the answer](${commandLink(commands.openFaq, faq.id)}) · [SAP Help](${faq.helpUrl})`);
  }
  return parts.join('\n\n');
}

function firstParagraph(markdown: string): string {
  return markdown.split(/\n\s*\n/)[0].trim();
}

function firstSentence(markdown: string): string {
  const paragraph = firstParagraph(markdown).replace(/\s+/g, ' ');
  const end = paragraph.search(/[.!?](\s|$)/);
  return end >= 0 ? paragraph.slice(0, end + 1) : paragraph;
}

const atPosition = (findings: readonly Finding[], uri: string, position: Position) =>
  findings.filter((finding) => finding.uri === uri && containsPosition(finding.range, position));

/**
 * Hover for an iFlow: the findings under the cursor first, then what the
 * setting means for security, with the FAQ answer behind it.
 */
export function iflowHover(iflow: ParsedIflow, parameters: ParsedParameters | undefined, findings: readonly Finding[], position: Position, commands: HoverCommands): HoverContent | undefined {
  const at = propertyAt(iflow.model, position);
  if (!at) return undefined;
  const { property } = at;
  const sections = atPosition(findings, iflow.uri, position).map((finding) => findingSection(finding, commands));
  const key = keySection(property.key, commands);
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
export function parametersHover(parameters: ParsedParameters, iflows: readonly ParsedIflow[], findings: readonly Finding[], position: Position, commands: HoverCommands): HoverContent | undefined {
  const entry = entryAt(parameters.file, position);
  if (!entry) return undefined;
  const sections = atPosition(findings, parameters.uri, position).map((finding) => findingSection(finding, commands));
  const uses = usesOf(entry, iflows, parameters);
  const secret = isSecretName(entry.key) || uses.some((use) => isSecretName(use.key));
  const lines = [`**Parameter \`${entry.key}\`** = ${shownValue(entry.value.text, secret)}`];
  if (uses.length === 0) lines.push('Not used by any channel of the iFlows in this artifact.');
  for (const use of uses) lines.push(`- used as \`${use.key}\` by channel "${use.channel}" (${use.adapter || 'unknown adapter'}) in iFlow "${use.iflow}"`);
  sections.push(lines.join('\n'));
  const keys = [...new Set(uses.map((use) => use.key))];
  for (const key of keys) {
    const section = keySection(key, commands);
    if (section) sections.push(section);
  }
  const range = containsPosition(entry.value.range, position) ? entry.value.range : entry.keyRange;
  return { markdown: sections.join('\n\n---\n\n'), range };
}
