// The FAQ tree as data: categories holding questions, narrowed by a free-text
// filter. Kept free of VS Code so it can be tested on its own.
import type { FaqCategory, FaqEntry } from '@cpi/common/knowledge/types';

/** Category titles in display order (English source strings, translated by the view). */
export const FAQ_CATEGORIES: readonly { readonly id: FaqCategory; readonly label: string }[] = [
  { id: 'users-and-roles', label: 'Users and roles' },
  { id: 'certificates', label: 'Certificates' },
  { id: 'network-and-ports', label: 'Network and ports' },
  { id: 'connectivity', label: 'Cloud Connector' },
  { id: 'support-and-landscape', label: 'Support and landscape' },
  { id: 'scripting', label: 'Scripting' },
];

export interface FaqQuestionNode {
  readonly kind: 'question';
  readonly entry: FaqEntry;
}

export interface FaqCategoryNode {
  readonly kind: 'category';
  readonly category: FaqCategory;
  readonly label: string;
  readonly questions: readonly FaqQuestionNode[];
}

export type FaqNode = FaqCategoryNode | FaqQuestionNode;

/** A filter word as a whole word (a plural ending allowed): "port" finds "ports", not "transport" or "Support". */
function wholeWord(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * True when every word of the filter occurs as a whole word in the question,
 * the answer, the related rule ids or the iFlow keys (case-insensitive). A
 * blank filter matches all.
 */
export function matchesFilter(entry: FaqEntry, filter: string | undefined): boolean {
  const words = (filter ?? '').split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return true;
  const haystack = [entry.id, entry.question, entry.answer, ...entry.relatedRules, ...entry.iflowKeys].join('\n');
  return words.every((word) => wholeWord(word).test(haystack));
}

/** Categories with their matching questions, in source order; categories without a match are left out. */
export function buildFaqTree(entries: readonly FaqEntry[], filter?: string): FaqCategoryNode[] {
  const known = new Set(FAQ_CATEGORIES.map((category) => category.id));
  // Unknown categories (future data) still show, after the known ones.
  const extra = [...new Set(entries.map((entry) => entry.category).filter((id) => !known.has(id)))];
  const order = [...FAQ_CATEGORIES, ...extra.map((id) => ({ id, label: id }))];
  return order
    .map((category) => ({
      kind: 'category' as const,
      category: category.id,
      label: category.label,
      questions: entries
        .filter((entry) => entry.category === category.id && matchesFilter(entry, filter))
        .map((entry) => ({ kind: 'question' as const, entry })),
    }))
    .filter((category) => category.questions.length > 0);
}

/** The flat list of visible questions (for the test API and quick picks). */
export function visibleQuestions(tree: readonly FaqCategoryNode[]): FaqQuestionNode[] {
  return tree.flatMap((category) => category.questions);
}
