import { RULES, ruleExplanation, ruleMeta, type RuleMeta } from '../rules/catalogue';
import { FAQ_ENTRIES, faqEntry } from './faq';
import { faqUrl } from './sap-help';
import { SAP_PAGES } from './sap-pages';
import type { CodeSample, DocLink, RuleDoc } from './types';

// Public face of the knowledge base for rules: look-up plus markdown pages
// used by hovers, the documentation webview and the offline docs.

export { keyExplanations, explainKey } from './key-explanations';

/** One explanation per rule, in catalogue order; its FAQ sections are the rule's own. */
export const RULE_DOCS: readonly RuleDoc[] = RULES.map((meta) => ({ ruleId: meta.id, ...ruleExplanation(meta.id)!, faq: meta.faq }));

const BY_RULE = new Map(RULE_DOCS.map((entry) => [entry.ruleId, entry]));

export function ruleDoc(ruleId: string): RuleDoc | undefined {
  return BY_RULE.get(ruleId);
}

export interface RenderOptions {
  /** Level of the page title (1 for a page, 3 or so inside a hover); sections go one below. */
  readonly headingLevel?: number;
}

function heading(level: number, title: string): string {
  return `${'#'.repeat(Math.min(Math.max(level, 1), 6))} ${title}`;
}

function fence(code: CodeSample): string {
  // A fence longer than any backtick run inside keeps the block intact.
  const longest = Math.max(2, ...(code.code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${code.language}\n${code.code}\n${ticks}`;
}

function linkList(links: readonly DocLink[]): string {
  return links.map((link) => `- [${link.title}](${link.url})`).join('\n');
}

function faqLinks(ids: readonly string[]): DocLink[] {
  return ids.map((id) => ({ title: faqEntry(id)?.question ?? id, url: faqEntry(id)?.helpUrl ?? faqUrl(id) }));
}

/** The rule's FAQ answers, and apart from them the guidance entries it cites. */
function citedEntries(ids: readonly string[]): { readonly faq: DocLink[]; readonly guidance: DocLink[] } {
  const ours = (id: string) => faqEntry(id)?.source === 'our-guidance';
  return { faq: faqLinks(ids.filter((id) => !ours(id))), guidance: faqLinks(ids.filter(ours)) };
}

/**
 * The SAP Integration Suite design guideline a rule matches, as markdown, or
 * that none does: saying so lets a reader comparing with the tenant's own
 * design-guideline check tell "not covered there" from "forgotten here".
 */
export function guidelineText(meta: Pick<RuleMeta, 'guideline'>): string {
  return meta.guideline ? `SAP design guideline: \`${meta.guideline}\`` : 'No matching SAP design guideline';
}

/** Markdown page explaining one rule; a short notice for an unknown id. */
export function renderRuleMarkdown(ruleId: string, options: RenderOptions = {}): string {
  const level = options.headingLevel ?? 1;
  const meta = ruleMeta(ruleId);
  const entry = ruleDoc(ruleId);
  if (meta === undefined || entry === undefined) {
    return `${heading(level, `\`${ruleId}\``)}\n\nNo rule with this id is known to CPI Security Lint.\n`;
  }
  const parts = [
    heading(level, `${meta.title} (\`${meta.id}\`)`),
    `Default severity: **${meta.defaultSeverity}** · Area: ${meta.section} · ${guidelineText(meta)}${meta.tenantOnly ? ' · Tenant scans only' : ''}`,
    heading(level + 1, 'What it checks'),
    entry.what,
    heading(level + 1, 'Why it matters'),
    entry.why,
    heading(level + 1, 'How to fix'),
    entry.fix,
    heading(level + 2, 'Before'),
    fence(entry.before),
    heading(level + 2, 'After'),
    fence(entry.after),
  ];
  const cited = citedEntries(entry.faq);
  const faqList = cited.faq;
  if (faqList.length > 0) parts.push(heading(level + 1, 'SAP security FAQ'), linkList(faqList));
  // Our guidance is read in the FAQ view; its SAP pages follow under SAP documentation.
  if (cited.guidance.length > 0)
    parts.push(heading(level + 1, 'Scripting guidance (FAQ view)'), cited.guidance.map((link) => `- ${link.title}`).join('\n'));
  // The help link leads the list unless it is one of the FAQ answers above.
  const pages = [{ title: helpTitle(meta.helpUrl), url: meta.helpUrl }, ...entry.sapPages].filter(
    (page) => !faqList.some((faq) => faq.url === page.url),
  );
  parts.push(heading(level + 1, 'SAP documentation'), linkList(dedupe(pages)));
  return `${parts.join('\n\n')}\n`;
}

/** Markdown page for one FAQ answer; a short notice for an unknown id. */
export function renderFaqMarkdown(faqId: string, options: RenderOptions = {}): string {
  const level = options.headingLevel ?? 1;
  const faq = faqEntry(faqId);
  if (faq === undefined) {
    return `${heading(level, `\`${faqId}\``)}\n\nThis is not a section of the Cloud Integration security FAQ.\n`;
  }
  const parts = [heading(level, faq.question), faq.answer];
  if (faq.relatedRules.length > 0) {
    const rules = faq.relatedRules.map((id) => `- \`${id}\`: ${ruleMeta(id)?.title ?? ''}`.trimEnd());
    parts.push(heading(level + 1, 'Rules that check this'), rules.join('\n'));
  }
  if (faq.iflowKeys.length > 0) {
    parts.push(heading(level + 1, 'iFlow settings involved'), faq.iflowKeys.map((name) => `\`${name}\``).join(', '));
  }
  if (faq.source === 'our-guidance') {
    parts.splice(1, 0, "*Our guidance, built on SAP's documentation: not an answer of SAP's security FAQ.*");
    const pages = [helpTitleLink(faq.helpUrl), ...faq.links];
    parts.push(heading(level + 1, 'SAP documentation'), linkList(dedupe(pages)));
  } else {
    parts.push(
      heading(level + 1, 'More on SAP Help'),
      linkList([{ title: 'Original answer in the security FAQ', url: faq.helpUrl }, ...faq.links]),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

function helpTitleLink(url: string): DocLink {
  return { title: helpTitle(url), url };
}

/** Title for a rule's help link: the SAP page or FAQ answer it points to. */
function helpTitle(url: string): string {
  const page = Object.values(SAP_PAGES).find((candidate) => candidate.url === url);
  if (page !== undefined) return page.title;
  const faq = FAQ_ENTRIES.find((candidate) => candidate.helpUrl === url);
  return faq !== undefined ? `Security FAQ: ${faq.question}` : 'SAP Help';
}

function dedupe(links: readonly DocLink[]): DocLink[] {
  const seen = new Set<string>();
  const unique: DocLink[] = [];
  for (const link of links) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    unique.push(link);
  }
  return unique;
}
