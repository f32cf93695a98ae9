// Where the names and operators that rules look for, and the string
// literals, stand in a code block: found in one pass per block and shared,
// so a rule that looks for a few names (`getHeaders`, `for`, `=`) or for the
// string literals goes straight to them instead of walking every token of
// the block again. A module declares the texts it will ask for with
// indexedTexts (as names.ts does for trigger names); the index keeps those
// alone, so it stays small.

import type { ScriptCode } from './model';
import { Memo } from './memo';

export interface TokenIndex {
  /** Token indices of each declared text (names and operators) the block holds, in source order. */
  readonly byText: ReadonlyMap<string, readonly number[]>;
  /** Token indices of the string literals, in source order. */
  readonly strings: readonly number[];
  /** Token indices of the string literals with interpolations (`${…}`, `$name`), in source order. */
  readonly interpolated: readonly number[];
}

const DECLARED = new Set<string>();
/**
 * The first characters (below 128) of the declared texts: an operator
 * token whose first character is none of them (`.`, `(`, `)`, `,`, most
 * operators of a script) is passed over without a look-up in DECLARED.
 */
const FIRST_CHARACTERS = new Uint8Array(128);
/** Bumped when a text is declared that no one had: indexes built before it are built again. */
let generation = 0;
/** Sets whose every text is known to be declared (those indexedTexts made, and those checked once). */
const CHECKED = new WeakSet<ReadonlySet<string>>();

/** Declares texts (names, operators) a module will ask the index for; returns them as a set. */
export function indexedTexts(texts: Iterable<string>): ReadonlySet<string> {
  const set = new Set(texts);
  for (const text of set) {
    if (DECLARED.has(text)) continue;
    DECLARED.add(text);
    const first = text.charCodeAt(0);
    if (first < 128) FIRST_CHARACTERS[first] = 1;
    generation++;
  }
  CHECKED.add(set);
  return set;
}

/** Declares one text; returns it. */
export function indexedText(text: string): string {
  indexedTexts([text]);
  return text;
}

const NONE: readonly number[] = Object.freeze([]);
const FOUND = new Memo<ScriptCode, { readonly generation: number; readonly index: TokenIndex }>('token index');

/** The index of a code block (built on the first question, then shared). */
export function tokenIndex(code: ScriptCode): TokenIndex {
  let found = FOUND.get(code);
  if (!found || found.generation !== generation) {
    found = { generation, index: buildIndex(code) };
    FOUND.set(code, found);
  }
  return found.index;
}

function buildIndex(code: ScriptCode): TokenIndex {
  const byText = new Map<string, number[]>();
  const strings: number[] = [];
  const interpolated: number[] = [];
  const tokens = code.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const kind = token.kind;
    const text = token.text;
    if (kind === 'punctuation') {
      // Operators are the constant strings of the lexer: reading a character is cheaper than a look-up.
      const first = text.charCodeAt(0);
      if ((first < 128 && FIRST_CHARACTERS[first] === 0) || !DECLARED.has(text)) continue;
    } else if (kind === 'string') {
      strings.push(i);
      if (token.string?.interpolated) interpolated.push(i);
      continue;
    } else if ((kind !== 'identifier' && kind !== 'keyword') || !DECLARED.has(text)) continue;
    const at = byText.get(text);
    if (at) at.push(i);
    else byText.set(text, [i]);
  }
  return { byText, strings, interpolated };
}

/** Blocks this short (most interpolations) are walked directly: an index would cost more than it saves. */
const SHORT_BLOCK = 24;

function undeclared(text: string): Error {
  return new Error(`'${text}' was not declared with indexedTexts: the token index does not keep it`);
}

/** Token indices of the names and operators with one of these (declared) texts, in source order. */
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
  checkDeclared(texts);
  const byText = tokenIndex(code).byText;
  let lists = 0;
  // The shorter of the two is walked: a block holds few of the declared texts, and a question often names many.
  if (byText.size < texts.size) {
    for (const [text, at] of byText) {
      if (!texts.has(text)) continue;
      for (const i of at) found.push(i);
      lists++;
    }
  } else {
    for (const text of texts) {
      const at = byText.get(text);
      if (!at) continue;
      for (const i of at) found.push(i);
      lists++;
    }
  }
  return lists > 1 ? found.sort((a, b) => a - b) : found;
}

/** Throws unless every text of the set was declared (checked once per set). */
function checkDeclared(texts: ReadonlySet<string>): void {
  if (CHECKED.has(texts)) return;
  for (const text of texts) if (!DECLARED.has(text)) throw undeclared(text);
  CHECKED.add(texts);
}

/** Whether the block holds a name or operator with one of these (declared) texts. */
export function holdsAny(code: ScriptCode, texts: ReadonlySet<string>): boolean {
  const tokens = code.tokens;
  if (tokens.length <= SHORT_BLOCK) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind !== 'string' && token.kind !== 'number' && token.kind !== 'regex' && texts.has(token.text)) return true;
    }
    return false;
  }
  checkDeclared(texts);
  const byText = tokenIndex(code).byText;
  if (byText.size < texts.size) {
    for (const text of byText.keys()) if (texts.has(text)) return true;
  } else {
    for (const text of texts) if (byText.has(text)) return true;
  }
  return false;
}

/** Token indices of one (declared) name or operator, in source order. */
export function indicesOf(code: ScriptCode, text: string): readonly number[] {
  if (code.tokens.length <= SHORT_BLOCK) return indicesOfAny(code, new Set([text]));
  if (!DECLARED.has(text)) throw undeclared(text);
  return tokenIndex(code).byText.get(text) ?? NONE;
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
