// Hovers on a keystore entry, credential or certificate-to-user mapping
// opened from the Tenants view, as on a local certificate: what the last
// scan found there and why it matters first, then the FAQ answer behind it,
// then which scanned iFlows use the item (or that none does).
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Finding } from '@cpi/common/findings';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { answerExcerpt } from '@cpi/common/knowledge/excerpt';
import { Commands } from '@cpi/common/protocol';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import type { SecurityMaterialSummary } from '@cpi/common/tenant-protocol';
import { commandLink } from '../../core/explain/hover';
import { findingLine, whyItMatters } from '../../core/explain/finding-line';
import type { ReportedFinding } from '../../engine/report';
import type { MaterialList } from './tenant-location';

/** FAQ answers shown at most: the hover stays small. */
const MAX_FAQ = 2;

const WHAT: Record<MaterialList, string> = {
  keystore: 'keystore entry',
  credentials: 'credential',
  'certificate-user-mappings': 'certificate-to-user mapping',
};

/** The iFlows of the last whole-tenant scan whose channels use the item; undefined where the API says nothing of usage (mappings). */
function usedBy(summary: SecurityMaterialSummary, list: MaterialList, name: string): readonly string[] | undefined {
  if (list === 'keystore') return summary.keystore.find((entry) => entry.alias.toLowerCase() === name.toLowerCase())?.usedBy ?? [];
  if (list === 'credentials') return summary.credentials.find((credential) => credential.name === name)?.usedBy ?? [];
  return undefined;
}

export function materialHoverMarkdown(
  list: MaterialList,
  name: string,
  findings: readonly Pick<ReportedFinding, 'ruleId' | 'severity' | 'message'>[],
  summary: SecurityMaterialSummary | undefined,
): string {
  const sections: string[] = [];
  const rules = [...new Set(findings.map((finding) => finding.ruleId))];
  for (const ruleId of rules) {
    const finding = findings.find((candidate) => candidate.ruleId === ruleId)!;
    const line = findingLine({ ...finding, uri: '', range: ZERO, related: [], fixes: [] } satisfies Finding, {
      explainRule: Commands.explainRule,
    });
    const why = whyItMatters(ruleId);
    sections.push(why ? `${line}  \n*Why it matters:* ${why}` : line);
  }
  const faqIds = [...new Set(rules.flatMap((ruleId) => ruleMeta(ruleId)?.faq ?? []))].slice(0, MAX_FAQ);
  for (const id of faqIds) {
    const faq = faqEntry(id);
    if (!faq) continue;
    sections.push(
      [
        `*FAQ: ${faq.question}* ${answerExcerpt(faq.answer, { sentence: true })}`,
        `[Read the answer](${commandLink(Commands.openFaq, faq.id)}) · [SAP Help](${faq.helpUrl})`,
      ].join('\n\n'),
    );
  }
  if (rules.length === 0) sections.push(`No findings on this ${WHAT[list]} in the last scan.`);
  const users = summary && usedBy(summary, list, name);
  if (users !== undefined)
    sections.push(
      users.length > 0 ? `**Used by** ${users.map((user) => `*${user}*`).join(', ')}` : `No scanned iFlow uses this ${WHAT[list]}.`,
    );
  return sections.join('\n\n---\n\n');
}

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The hover over the whole text of the item (the document is its summary, a few lines). */
export function materialHover(
  list: MaterialList,
  name: string,
  text: string,
  findings: readonly ReportedFinding[],
  summary: SecurityMaterialSummary | undefined,
): Hover {
  const lines = text.split('\n');
  return {
    contents: { kind: MarkupKind.Markdown, value: materialHoverMarkdown(list, name, findings, summary) },
    range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } },
  };
}
