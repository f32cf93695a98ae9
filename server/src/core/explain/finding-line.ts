import type { Finding } from '@cpi/common/findings';
import { answerExcerpt } from '@cpi/common/knowledge/excerpt';
import { ruleDoc } from '@cpi/common/knowledge/rule-docs';
import { ruleMeta } from '@cpi/common/rules/catalogue';

// A finding in a hover. VS Code already shows the diagnostic's message above
// the hover, so the hover names the rule and links to it instead of
// repeating the message.

export interface FindingLinkCommands {
  readonly explainRule: string;
}

const SEVERITY = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' } as const;

function explainLink(command: string, ruleId: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** `**Warning · rule-id** — Title · [Explain rule](…) · [SAP Help](…) · guideline `ID`` on one line. */
export function findingLine(finding: Finding, commands: FindingLinkCommands): string {
  const meta = ruleMeta(finding.ruleId);
  const links = [`[Explain rule](${explainLink(commands.explainRule, finding.ruleId)})`];
  if (meta) links.push(`[SAP Help](${meta.helpUrl})`);
  // the guideline id matches the finding with the tenant's design-guideline check
  if (meta?.guideline) links.push(`guideline \`${meta.guideline}\``);
  return `**${SEVERITY[finding.severity]} · ${finding.ruleId}**${meta ? ` — ${meta.title}` : ''} · ${links.join(' · ')}`;
}

/** The first sentence of the rule's "why it matters", for hovers with room for one line of reason. */
export function whyItMatters(ruleId: string): string | undefined {
  const doc = ruleDoc(ruleId);
  return doc ? answerExcerpt(doc.why, { sentence: true }) : undefined;
}

/** One finding line per rule: the same rule twice under the cursor is one line. */
export function findingLines(findings: readonly Finding[], commands: FindingLinkCommands): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    lines.push(findingLine(finding, commands));
  }
  return lines;
}
