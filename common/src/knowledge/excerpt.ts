// Short excerpts of FAQ answers and rule texts for hovers and tooltips.

/** The first paragraph of Markdown text. */
export function firstParagraph(markdown: string): string {
  return (markdown.split(/\n\s*\n/)[0] ?? '').trim();
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * The opening of an answer: its first paragraph, or its first sentence when
 * `sentence` is set. A lead-in that ends with a colon keeps the list it
 * introduces (inline, items separated by semicolons): cut there, the excerpt
 * would promise an answer and stop.
 */
export function answerExcerpt(markdown: string, options: { readonly sentence?: boolean } = {}): string {
  const paragraphs = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const lines = (paragraphs[0] ?? '').split('\n');
  const listStart = lines.findIndex((line) => LIST_ITEM.test(line));
  const flat = (listStart >= 0 ? lines.slice(0, listStart) : lines).join(' ').replace(/\s+/g, ' ').trim();
  let lead = flat;
  if (options.sentence) {
    const end = flat.search(/[.!?](\s|$)/);
    if (end >= 0) lead = flat.slice(0, end + 1);
  }
  if (lead !== flat || !lead.endsWith(':')) return lead;
  const list = listItems(listStart >= 0 ? lines.slice(listStart) : (paragraphs[1] ?? '').split('\n'));
  return list.length > 0 ? `${lead} ${list.join('; ')}.` : lead;
}

function listItems(lines: readonly string[]): string[] {
  return lines.filter((line) => LIST_ITEM.test(line)).map((line) => line.replace(LIST_ITEM, '').trim());
}
