// Trigger names: the names (identifiers and keywords) a rule's findings
// cannot do without (a verifier class, a setter, a method). A rule skips a
// code block that uses none of its triggers without walking it. The names of
// every rule are looked for in one pass per block, against the union of all
// triggers, and only those found are kept.

import type { ScriptCode } from './model';
import { indexedTexts, tokenIndex } from './token-index';
import { Memo } from './memo';

/** A set of trigger names made by triggerNames (so the shared pass looks for them). */
export type TriggerNames = ReadonlySet<string> & { readonly __triggers: true };

const ALL = new Set<string>();
/** Bumped when a rule adds triggers no one had: passes made before it are redone. */
let generation = 0;

const FOUND = new Memo<ScriptCode, { readonly generation: number; readonly names: ReadonlySet<string> }>('trigger names');

/** Blocks this short (most interpolations) are scanned directly: a pass kept per block would cost more than it saves. */
const SHORT_BLOCK = 24;

/** Declares a rule's trigger names. */
export function triggerNames(names: Iterable<string>): TriggerNames {
  const set = new Set(indexedTexts(names));
  for (const name of set) {
    if (ALL.has(name)) continue;
    ALL.add(name);
    generation++;
  }
  return set as ReadonlySet<string> as TriggerNames;
}

/** The trigger names (of any rule) the block uses. */
function triggersIn(code: ScriptCode): ReadonlySet<string> {
  let found = FOUND.get(code);
  if (!found || found.generation !== generation) {
    const names = new Set<string>();
    // Every trigger asked of the block's index: far fewer than its tokens.
    const byText = tokenIndex(code).byText;
    for (const name of ALL) if (byText.has(name)) names.add(name);
    found = { generation, names };
    FOUND.set(code, found);
  }
  return found.names;
}

/** Whether the block uses any of the names. */
export function usesAny(code: ScriptCode, wanted: TriggerNames): boolean {
  if (code.tokens.length <= SHORT_BLOCK) {
    for (const token of code.tokens) if ((token.kind === 'identifier' || token.kind === 'keyword') && wanted.has(token.text)) return true;
    return false;
  }
  const found = triggersIn(code);
  for (const name of found) if (wanted.has(name)) return true;
  return false;
}
