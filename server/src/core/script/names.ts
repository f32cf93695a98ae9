// Trigger names: the names (identifiers and keywords) a rule's findings
// cannot do without (a verifier class, a setter, a method). A rule skips a
// code block that uses none of its triggers without walking it: the
// block's token index says which declared names it holds.

import type { ScriptCode } from './model';
import { holdsAny, indexedTexts } from './token-index';

/** A set of trigger names made by triggerNames (so the token index keeps them). */
export type TriggerNames = ReadonlySet<string> & { readonly __triggers: true };

/** Blocks this short (most interpolations) are scanned directly: the index is not built for them. */
const SHORT_BLOCK = 24;

/** Declares a rule's trigger names. */
export function triggerNames(names: Iterable<string>): TriggerNames {
  return indexedTexts(names) as TriggerNames;
}

/** Whether the block uses any of the names. */
export function usesAny(code: ScriptCode, wanted: TriggerNames): boolean {
  if (code.tokens.length <= SHORT_BLOCK) {
    for (const token of code.tokens) if ((token.kind === 'identifier' || token.kind === 'keyword') && wanted.has(token.text)) return true;
    return false;
  }
  // Trigger names are names: in the index they stand for identifiers and keywords alone.
  return holdsAny(code, wanted);
}
