// Where each name, operator and string literal of a code block stands,
// found in one pass per block and shared: a rule that looks for a few names
// (`getHeaders`, `for`, `=`) or for the string literals goes straight to
// them instead of walking every token of the block again.

import type { ScriptCode } from './model';

/**
 * The operators the index keeps (assignments, labels, `<<`): the most common
 * tokens of all, `(`, `)`, `.` and `,`, are left out, no rule asks for them.
 */
const INDEXED_OPERATORS: ReadonlySet<string> = new Set(['=', '+=', '-=', '<<=', '|=', '?=', '??=', '||=', ':', '<<']);

export interface TokenIndex {
  /** Token indices of each identifier and keyword text and of the indexed operators, in source order. */
  readonly byText: ReadonlyMap<string, readonly number[]>;
  /** Token indices of the string literals, in source order. */
  readonly strings: readonly number[];
  /** Token indices of the string literals with interpolations (`${…}`, `$name`), in source order. */
  readonly interpolated: readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);
const FOUND = new WeakMap<ScriptCode, TokenIndex>();

/** The index of a code block (built on the first question, then shared). */
export function tokenIndex(code: ScriptCode): TokenIndex {
  let index = FOUND.get(code);
  if (!index) {
    index = buildIndex(code);
    FOUND.set(code, index);
  }
  return index;
}

function buildIndex(code: ScriptCode): TokenIndex {
  const byText = new Map<string, number[]>();
  const strings: number[] = [];
  const interpolated: number[] = [];
  const tokens = code.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const kind = token.kind;
    if (kind === 'identifier' || kind === 'keyword' || (kind === 'punctuation' && INDEXED_OPERATORS.has(token.text))) {
      const at = byText.get(token.text);
      if (at) at.push(i);
      else byText.set(token.text, [i]);
    } else if (kind === 'string') {
      strings.push(i);
      if (token.string?.interpolated) interpolated.push(i);
    }
  }
  return { byText, strings, interpolated };
}

/** Blocks this short (most interpolations) are walked directly: an index would cost more than it saves. */
const SHORT_BLOCK = 24;

/** Token indices of the names and indexed operators with one of these texts, in source order. */
export function indicesOfAny(code: ScriptCode, texts: ReadonlySet<string>): number[] {
  const tokens = code.tokens;
  const found: number[] = [];
  if (tokens.length <= SHORT_BLOCK) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind !== 'string' && token.kind !== 'number' && token.kind !== 'regex' && texts.has(token.text)) found.push(i);
    }
    return found;
  }
  const byText = tokenIndex(code).byText;
  let lists = 0;
  for (const text of texts) {
    if (!INDEXED_OPERATORS.has(text) && !isWord(text)) throw new Error(`the token index keeps no '${text}' (see INDEXED_OPERATORS)`);
    const at = byText.get(text);
    if (!at) continue;
    for (const i of at) found.push(i);
    lists++;
  }
  return lists > 1 ? found.sort((a, b) => a - b) : found;
}

/** Token indices of one name or indexed operator, in source order. */
export function indicesOf(code: ScriptCode, text: string): readonly number[] {
  if (code.tokens.length <= SHORT_BLOCK) return indicesOfAny(code, new Set([text]));
  if (!INDEXED_OPERATORS.has(text) && !isWord(text)) throw new Error(`the token index keeps no '${text}' (see INDEXED_OPERATORS)`);
  return tokenIndex(code).byText.get(text) ?? NONE;
}

/** A name rather than an operator: operators start with none of a name's characters. */
function isWord(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 36 || c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Token indices of the string literals (`interpolated`: only those with interpolations), in source order. */
export function stringIndices(code: ScriptCode, interpolated = false): readonly number[] {
  const tokens = code.tokens;
  if (tokens.length > SHORT_BLOCK) {
    const index = tokenIndex(code);
    return interpolated ? index.interpolated : index.strings;
  }
  const found: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'string' && (!interpolated || token.string?.interpolated)) found.push(i);
  }
  return found;
}

/** Whether some identifier of the block passes the test (asked of each distinct name once, for a long block). */
export function hasIdentifier(code: ScriptCode, test: (name: string) => boolean): boolean {
  const tokens = code.tokens;
  if (tokens.length <= SHORT_BLOCK) {
    for (const token of tokens) if (token.kind === 'identifier' && test(token.text)) return true;
    return false;
  }
  for (const [text, at] of tokenIndex(code).byText) {
    if (!test(text)) continue;
    for (const i of at) if (tokens[i].kind === 'identifier') return true;
  }
  return false;
}
