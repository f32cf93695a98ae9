// Pairs (), [] and {} over one block's tokens with an explicit stack, so a
// script nested 100,000 brackets deep is read like any other.

import type { ScriptCode, ScriptToken } from './model';

/** Deeper than this no real script goes; Groovy's own compiler overflows its stack long before. */
export const MAX_BRACKET_DEPTH = 1000;

export interface PairedCode extends ScriptCode {
  /** The first bracket without a partner, if any. */
  readonly unbalanced?: ScriptToken;
  /** The deepest nesting reached. */
  readonly depth: number;
  /** The first opener that went deeper than MAX_BRACKET_DEPTH, if any. */
  readonly tooDeep?: ScriptToken;
}

const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** All -1: the pairs and parents of every block without brackets share views of it (an interpolation is mostly `${name}`). */
const NONE = new Int32Array(4096).fill(-1);

function hasBracket(tokens: readonly ScriptToken[]): boolean {
  for (const token of tokens) {
    if (token.kind !== 'punctuation' || token.text.length !== 1) continue;
    const t = token.text;
    if (t === '(' || t === ')' || t === '[' || t === ']' || t === '{' || t === '}') return true;
  }
  return false;
}

export function pairBrackets(tokens: readonly ScriptToken[]): PairedCode {
  if (tokens.length <= NONE.length && !hasBracket(tokens)) {
    const none = NONE.subarray(0, tokens.length);
    return { tokens, pair: none, parent: none, depth: 0 };
  }
  // Every entry is written in the loop (-1 first, the partner once found): no separate fill pass.
  const pair = new Int32Array(tokens.length);
  const parent = new Int32Array(tokens.length);
  // The open brackets, innermost last: a stack with its own top (no array length changes per bracket).
  const open: number[] = [];
  let top = 0;
  let unbalanced: ScriptToken | undefined;
  let depth = 0;
  let tooDeep: ScriptToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    pair[i] = -1;
    parent[i] = top > 0 ? open[top - 1] : -1;
    if (token.kind !== 'punctuation') continue;
    const t = token.text;
    if (t === '(' || t === '[' || t === '{') {
      open[top++] = i;
      if (top > depth) depth = top;
      if (top > MAX_BRACKET_DEPTH) tooDeep ??= token;
    } else if (t === ')' || t === ']' || t === '}') {
      // Close the nearest opener of this kind; openers skipped on the way stay unpaired.
      let at = top - 1;
      while (at >= 0 && CLOSER_OF[tokens[open[at]].text] !== t) at--;
      if (at < 0) {
        unbalanced ??= token;
        continue;
      }
      if (at !== top - 1) unbalanced ??= tokens[open[top - 1]];
      const opener = open[at];
      top = at;
      pair[opener] = i;
      pair[i] = opener;
      parent[i] = top > 0 ? open[top - 1] : -1;
    }
  }
  if (top > 0) unbalanced ??= tokens[open[0]];
  return { tokens, pair, parent, unbalanced, depth, tooDeep };
}
