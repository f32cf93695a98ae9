// Backslash escapes of Groovy's quoted strings ('…', "…" and the triple
// forms). Returns the decoded text and how many characters the escape took;
// an escape Groovy would reject is kept as written (we read, we don't compile).

import { isHexDigit, isLineBreak } from './chars';

export interface Escape {
  readonly value: string;
  readonly length: number;
}

const SIMPLE: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  s: ' ',
  '\\': '\\',
  "'": "'",
  '"': '"',
  $: '$',
  '/': '/',
};

/** The escape starting at `at` (a backslash) in a quoted string. */
export function quotedEscape(text: string, at: number): Escape {
  const next = text.charAt(at + 1);
  if (next === '') return { value: '\\', length: 1 };
  const simple = SIMPLE[next];
  if (simple !== undefined) return { value: simple, length: 2 };
  const code = next.charCodeAt(0);
  if (isLineBreak(code)) {
    // A line continuation: the break disappears from the value.
    const crlf = code === 13 && text.charCodeAt(at + 2) === 10;
    return { value: '', length: crlf ? 3 : 2 };
  }
  if (next === 'u') return unicodeEscape(text, at) ?? { value: '\\u', length: 2 };
  if (code >= 48 && code <= 55) {
    // Octal: up to three digits, at most \377.
    let length = 2;
    const max = code <= 51 ? 4 : 3;
    while (length < max && text.charCodeAt(at + length) >= 48 && text.charCodeAt(at + length) <= 55) length++;
    return { value: String.fromCharCode(parseInt(text.slice(at + 1, at + length), 8)), length };
  }
  return { value: '\\' + next, length: 2 };
}

/** `\uXXXX` (Java allows several `u`s) at `at`, or undefined when malformed. */
export function unicodeEscape(text: string, at: number): Escape | undefined {
  let p = at + 1;
  while (text.charCodeAt(p) === 117 /* u */) p++;
  for (let k = 0; k < 4; k++) if (!isHexDigit(text.charCodeAt(p + k))) return undefined;
  return { value: String.fromCharCode(parseInt(text.slice(p, p + 4), 16)), length: p + 4 - at };
}
