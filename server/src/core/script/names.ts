// Trigger names: the names (identifiers and keywords) a rule's findings
// cannot do without (a verifier class, a setter, a method). A rule skips a
// code block that uses none of its triggers without walking it: the
// block's token index says which declared names it holds.

import type { ScriptCode } from './model';
import { holdsAny, indexedTexts } from './token-index';

/** A set of trigger names made by triggerNames (so the token index keeps them). */
export type TriggerNames = ReadonlySet<string> & { readonly __triggers: true };

/** Declares a rule's trigger names. */
export function triggerNames(names: Iterable<string>): TriggerNames {
  return indexedTexts(names) as TriggerNames;
}

/** Whether the block uses any of the names. */
export function usesAny(code: ScriptCode, wanted: TriggerNames): boolean {
  // Trigger names are words: only identifiers and keywords can hold one, short blocks (walked directly) included.
  return holdsAny(code, wanted);
}
