// The names a code block uses (identifiers and keywords), gathered once per
// block: a rule whose findings need a name the block never uses (a verifier
// class, a setter, a method) can skip the block without walking it.

import type { ScriptCode } from './model';

const FOUND = new WeakMap<ScriptCode, ReadonlySet<string>>();

/** Blocks this short (most interpolations) are scanned directly: a set per block would cost more than it saves. */
const SHORT_BLOCK = 24;

/** Every identifier and keyword text of the block (interpolations inside its strings are blocks of their own). */
export function namesIn(code: ScriptCode): ReadonlySet<string> {
  let names = FOUND.get(code);
  if (!names) {
    const found = new Set<string>();
    for (const token of code.tokens) if (token.kind === 'identifier' || token.kind === 'keyword') found.add(token.text);
    names = found;
    FOUND.set(code, names);
  }
  return names;
}

/** Whether the block uses any of the names. */
export function usesAny(code: ScriptCode, wanted: ReadonlySet<string>): boolean {
  if (code.tokens.length <= SHORT_BLOCK) {
    for (const token of code.tokens) if ((token.kind === 'identifier' || token.kind === 'keyword') && wanted.has(token.text)) return true;
    return false;
  }
  const names = namesIn(code);
  for (const name of wanted) if (names.has(name)) return true;
  return false;
}
