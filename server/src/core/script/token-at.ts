// The token at an offset of a script, interpolations included: what the
// cursor rests on, for hovers.

import type { ScriptCode, ScriptModel, ScriptToken } from './model';

export interface TokenAt {
  /** The code block holding the token: the script, or one interpolation. */
  readonly code: ScriptCode;
  readonly index: number;
  readonly token: ScriptToken;
}

/** Index of the last token starting at or before `offset`, -1 when none does. */
function lastStartingBy(tokens: readonly ScriptToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The innermost token covering the character at `offset` (start <= offset <
 * end); inside a string literal, the token of an interpolation when the
 * offset lies in one, else the string itself. Undefined on white space and comments.
 */
export function tokenAt(model: ScriptModel, offset: number): TokenAt | undefined {
  let code = model.code;
  let found: TokenAt | undefined;
  // Each step goes one interpolation deeper; the depth is bounded by the text.
  for (;;) {
    const index = lastStartingBy(code.tokens, offset);
    const token = code.tokens[index];
    if (token === undefined || offset >= token.end) return found;
    found = { code, index, token };
    const part = token.string?.parts.find((candidate) => candidate.kind === 'code' && candidate.start <= offset && offset < candidate.end);
    if (part === undefined || part.kind !== 'code') return found;
    code = part.code;
  }
}
