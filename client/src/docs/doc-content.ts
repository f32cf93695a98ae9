// Markdown for a documentation page, straight from the bundled knowledge base
// so it works offline.
import { faqEntry } from '@cpi/common/knowledge/faq';
import { renderFaqMarkdown, renderRuleMarkdown } from '@cpi/common/knowledge/rule-docs';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import type { DocRef } from './doc-uri';

export function docMarkdown(ref: DocRef): string {
  return ref.kind === 'faq' ? renderFaqMarkdown(ref.id) : renderRuleMarkdown(ref.id);
}

/** Human title of a page, for the editor tab; undefined for unknown ids. */
export function docTitle(ref: DocRef): string | undefined {
  return ref.kind === 'faq' ? faqEntry(ref.id)?.question : ruleMeta(ref.id)?.title;
}
