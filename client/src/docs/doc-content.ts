// Markdown for a documentation page, straight from the bundled knowledge base
// so it works offline.
import { faqEntry } from '@cpi/common/knowledge/faq';
import { renderFaqMarkdown, renderRuleMarkdown } from '@cpi/common/knowledge/rule-docs';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { DOCS_SCHEME, docPath, type DocRef } from './doc-uri';

export function docMarkdown(ref: DocRef): string {
  return ref.kind === 'faq' ? linkRules(renderFaqMarkdown(ref.id)) : renderRuleMarkdown(ref.id);
}

/**
 * Rule ids listed in an FAQ page (`- \`rule-id\`: Title`) become links to the
 * rule's explanation page, which the Markdown preview opens in place.
 */
export function linkRules(markdown: string): string {
  return markdown.replace(/^- `([a-z0-9-]+)`(?=:|$)/gm, (line, id: string) =>
    ruleMeta(id) === undefined ? line : `- [\`${id}\`](${DOCS_SCHEME}:${docPath({ kind: 'rule', id })})`,
  );
}

/** Human title of a page, for the editor tab; undefined for unknown ids. */
export function docTitle(ref: DocRef): string | undefined {
  return ref.kind === 'faq' ? faqEntry(ref.id)?.question : ruleMeta(ref.id)?.title;
}
