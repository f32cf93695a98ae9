// String literals as values: what a span says when it is a literal, seen
// through the wrappers that keep a literal a literal (`new String("…")`,
// `"…".toString()`, parentheses).

import type { ScriptCode, ScriptToken } from './model';
import type { TokenSpan } from './span';

export interface LiteralValue {
  /** The decoded value. */
  readonly value: string;
  /** Index of the string token it came from. */
  readonly index: number;
  readonly token: ScriptToken;
}

/** The value of a string token that has no interpolation, else undefined. */
export function stringValue(token: ScriptToken | undefined): string | undefined {
  const string = token?.string;
  return string && !string.interpolated ? string.value : undefined;
}

/** The literal a span amounts to, or undefined when it is anything else (including an interpolated string). */
export function literalValue(code: ScriptCode, span: TokenSpan): LiteralValue | undefined {
  const tokens = code.tokens;
  let { start, end } = span;
  // Each round peels one wrapper; a span only shrinks, so this ends.
  for (;;) {
    if (end - start === 1) {
      const value = stringValue(tokens[start]);
      return value === undefined ? undefined : { value, index: start, token: tokens[start] };
    }
    if (end - start < 3) return undefined;
    const first = tokens[start];
    const last = tokens[end - 1];
    // ( … )
    if (first.text === '(' && first.kind === 'punctuation' && code.pair[start] === end - 1) {
      start++;
      end--;
      continue;
    }
    // new String( … )
    if (
      first.kind === 'keyword' &&
      first.text === 'new' &&
      tokens[start + 1].text === 'String' &&
      tokens[start + 2]?.text === '(' &&
      code.pair[start + 2] === end - 1
    ) {
      start += 3;
      end--;
      continue;
    }
    // … .toString()
    if (
      last.text === ')' &&
      tokens[end - 2]?.text === '(' &&
      tokens[end - 3]?.text === 'toString' &&
      tokens[end - 4]?.kind === 'punctuation' &&
      (tokens[end - 4].text === '.' || tokens[end - 4].text === '?.')
    ) {
      end -= 4;
      continue;
    }
    return undefined;
  }
}
