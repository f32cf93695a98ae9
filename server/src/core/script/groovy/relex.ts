// An edited Groovy script read again from shortly before the edit: the
// tokens and comments before it are the previous reading's, the lexer runs
// from there until it reaches a token past the edit that the previous
// reading also had at the same place (so from there on it would read the
// same), and the rest is the previous reading's, moved by the edit's change
// in length. The result is exactly what reading the whole text gives
// (test/unit/script-relex.test.ts holds it to that on random edits).
//
// The previous reading is handed over, not copied: the tokens behind the
// edit are moved in place (their offsets, and those of a plain string's
// text), so an edit near the top of a long script makes no new objects for
// the tokens below it, which otherwise lived until the next edit and filled
// the old generation (10 full collections per 400 edits of a 5,000-line
// script before, 2 after). Nothing may use the previous reading afterwards.

import type { ScriptCode, ScriptComment, ScriptProblem, ScriptString, ScriptStringPart, ScriptToken } from '../model';
import { lexGroovy, resumeGroovy, type GroovyLexResult } from './lexer';

export interface GroovyReading {
  readonly text: string;
  readonly code: ScriptCode;
  readonly comments: readonly ScriptComment[];
  readonly problems: readonly ScriptProblem[];
}

/**
 * Unchanged characters kept between the last reused token and the edit: the
 * lexer looks at most three characters past a token's end when it decides
 * where the token ends (a number's exponent, the longest operator).
 */
const LOOKAHEAD = 8;

/** Characters compared at once while looking for where the texts start to differ. */
const CHUNK = 1024;

/**
 * The reading of `text`, reusing `previous` (the reading of an earlier
 * version of it) where the two texts agree. `previous` is used up: its
 * tokens behind the edit now sit at their new offsets.
 */
export function relexGroovy(previous: GroovyReading, text: string): GroovyLexResult {
  const old = previous.text;
  // A reading with problems keeps only the first of each kind: later ones are not known, read it all.
  if (previous.problems.length > 0 || old === text) return previous.problems.length > 0 ? lexGroovy(text) : reuse(previous);
  const shortest = Math.min(old.length, text.length);
  // Whole chunks are compared natively first, the last one character by character.
  let prefix = 0;
  while (prefix + CHUNK <= shortest && old.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shortest - prefix;
  while (
    suffix + CHUNK <= room &&
    old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)
  )
    suffix += CHUNK;
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;
  const editEnd = text.length - suffix; // the first character after the edit, in the new text

  const tokens = previous.code.tokens;
  // The last top-level token that ends well before the edit: reading restarts after it.
  const kept = lastEndingBefore(tokens, prefix - LOOKAHEAD);
  if (kept < 0) return lexGroovy(text);
  const restart = tokens[kept].end;
  const comments = previous.comments.filter((comment) => comment.start < restart);

  let synced = -1;
  const stop = (token: ScriptToken): boolean => {
    if (token.start < editEnd) return false;
    const at = firstStartingAt(tokens, token.start - delta);
    if (at < 0) return false;
    const same = tokens[at];
    if (same.end !== token.end - delta || same.kind !== token.kind) return false;
    synced = at;
    return true;
  };
  const tail = () => {
    const after = tokens[synced].end;
    const rest: ScriptToken[] = [];
    for (let i = synced + 1; i < tokens.length; i++) rest.push(moved(tokens[i], delta));
    const restComments = previous.comments.filter((comment) => comment.start >= after).map((comment) => movedComment(comment, delta));
    return { tokens: rest, comments: restComments };
  };
  return resumeGroovy(text, tokens.slice(0, kept + 1), comments, restart, stop, tail);
}

/** The same reading for the same text: new arrays, so nothing cached for the old reading is taken for the new one by mistake. */
function reuse(previous: GroovyReading): GroovyLexResult {
  return { code: { ...previous.code, tokens: [...previous.code.tokens] }, comments: [...previous.comments], problems: [] };
}

/** Index of the last token ending at or before `offset`, -1 when none. */
function lastEndingBefore(tokens: readonly ScriptToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Index of the token starting at `offset`, -1 when none does. */
function firstStartingAt(tokens: readonly ScriptToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low < tokens.length && tokens[low].start === offset ? low : -1;
}

/** Offsets the lexer wrote once and only the relexer moves. */
type Moving = { start: number; end: number };

function moved(token: ScriptToken, delta: number): ScriptToken {
  const string = token.string;
  // Most tokens, and strings without interpolations, are moved where they are.
  if (string === undefined || !string.interpolated) {
    shift(token, delta);
    if (string !== undefined) for (const part of string.parts) shift(part, delta);
    return token;
  }
  // An interpolation's code carries facts worked out for the old reading (memo.ts): a new token, string and code.
  const { kind, text, newlineBefore } = token;
  return { kind, start: token.start + delta, end: token.end + delta, text, newlineBefore, string: movedString(string, delta) };
}

function shift(span: ScriptToken | ScriptStringPart, delta: number): void {
  (span as Moving).start += delta;
  (span as Moving).end += delta;
}

// Strings, parts and comments are written out as the lexer makes them, not
// spread: half the tokens of a script move on an edit near its top.
function movedString(string: ScriptString, delta: number): ScriptString {
  const { form, parts, interpolated, value, terminated } = string;
  if (parts.length === 0) return string;
  const movedParts: ScriptStringPart[] = [];
  for (const part of parts) movedParts.push(movedPart(part, delta));
  return { form, parts: movedParts, interpolated, value, terminated };
}

function movedPart(part: ScriptStringPart, delta: number): ScriptStringPart {
  const start = part.start + delta;
  const end = part.end + delta;
  if (part.kind === 'text') return { kind: 'text', start, end, value: part.value };
  return { kind: 'code', start, end, form: part.form, code: movedCode(part.code, delta) };
}

/** Bracket pairs and parents are token indices: they stay as they are. */
function movedCode(code: ScriptCode, delta: number): ScriptCode {
  return { ...code, tokens: code.tokens.map((token) => moved(token, delta)) };
}

function movedComment(comment: ScriptComment, delta: number): ScriptComment {
  return { kind: comment.kind, start: comment.start + delta, end: comment.end + delta, text: comment.text };
}
