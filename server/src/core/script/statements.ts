// Statements at one bracket level: split at `;` and at line breaks that
// end a statement. Groovy (and JavaScript's automatic semicolons) carry a
// statement onto the next line when the line ends in an operator or the
// next one starts with `.`, `?.`, `?:`, `&&`, `||`, `else`, `catch`, … — the
// same decision is made here on tokens, for both languages.

import type { ScriptCode, ScriptToken } from './model';
import { skip, type TokenSpan } from './span';

/** A line break before a token starting with one of these does not end the statement. */
const CONTINUES_LINE = new Set([
  '.',
  '?.',
  '*.',
  '.&',
  '.@',
  '?.@',
  '?:',
  '&&',
  '||',
  '?',
  ':',
  '->',
  '==',
  '!=',
  '+=',
  '-=',
  '==~',
  '=~',
  '=',
]);
const CONTINUING_KEYWORDS = new Set(['else', 'catch', 'finally', 'instanceof', 'in', 'as']);
/** Tokens after which a line break never ends the statement. */
const OPERAND_ENDS = new Set([')', ']', '}', '++', '--']);
const LEADING_KEYWORDS = new Set([
  'new',
  'else',
  'try',
  'finally',
  'do',
  'in',
  'instanceof',
  'as',
  'return',
  'throw',
  'case',
  'def',
  'final',
  'static',
  'private',
  'public',
  'protected',
]);

/**
 * The statements of a block: the tokens inside the bracket at `open`, or
 * the whole block when `open` is -1. Empty statements are left out.
 */
export function statementsIn(code: ScriptCode, open: number): TokenSpan[] {
  const start = open < 0 ? 0 : open + 1;
  const close = open < 0 ? -1 : code.pair[open];
  const end = open < 0 || close < 0 ? code.tokens.length : close;
  return splitStatements(code, { start, end });
}

/** Splits a span (at its own level) into statements. */
export function splitStatements(code: ScriptCode, span: TokenSpan): TokenSpan[] {
  const tokens = code.tokens;
  const statements: TokenSpan[] = [];
  let from = span.start;
  let previous: ScriptToken | undefined;
  for (let i = span.start; i < span.end;) {
    const token = tokens[i];
    if (token.kind === 'punctuation' && token.text === ';') {
      if (i > from) statements.push({ start: from, end: i });
      from = i + 1;
      previous = undefined;
      i++;
      continue;
    }
    if (i > from && token.newlineBefore && previous && endsStatement(previous, token)) {
      statements.push({ start: from, end: i });
      from = i;
    }
    // A group is one unit; its closer stands for it as the previous token.
    const next = skip(code, i);
    previous = tokens[next - 1];
    i = next;
  }
  if (from < span.end) statements.push({ start: from, end: span.end });
  return statements;
}

/**
 * Where the statement that holds the token at `from` ends, looking forward
 * at that token's level: the index of the `;`, of the enclosing closer, of
 * the token that starts the next statement, or the end of the tokens.
 */
export function statementEnd(code: ScriptCode, from: number): number {
  const tokens = code.tokens;
  let previous: ScriptToken | undefined = tokens[from - 1];
  for (let i = from; i < tokens.length;) {
    const token = tokens[i];
    if (token.kind === 'punctuation') {
      if (token.text === ';') return i;
      if ((token.text === ')' || token.text === ']' || token.text === '}') && code.pair[i] < i) return i;
    }
    if (i > from && token.newlineBefore && previous && endsStatement(previous, token)) return i;
    const next = skip(code, i);
    previous = tokens[next - 1];
    i = next;
  }
  return tokens.length;
}

/** Whether a line break between `before` and `after` ends the statement. */
export function endsStatement(before: ScriptToken, after: ScriptToken): boolean {
  if (after.kind === 'punctuation') {
    if (CONTINUES_LINE.has(after.text)) return false;
    // `if (…)` / `) {` and `else` / `try` with the brace on the next line.
    if (
      after.text === '{' &&
      (before.text === ')' || before.text === '->' || (before.kind === 'keyword' && LEADING_KEYWORDS.has(before.text)))
    )
      return false;
  }
  if (after.kind === 'keyword' && CONTINUING_KEYWORDS.has(after.text)) return false;
  if (before.kind === 'punctuation') return OPERAND_ENDS.has(before.text);
  if (before.kind === 'keyword') return !LEADING_KEYWORDS.has(before.text) || before.text === 'return';
  return true;
}

/**
 * The statement holding the token at `index`, at the level of the nearest
 * enclosing block (`{…}` or the whole code): a token inside a call's
 * arguments belongs to the statement of the call.
 */
export function statementAround(code: ScriptCode, index: number): TokenSpan {
  let at = index;
  let parent = code.parent[at];
  while (parent >= 0 && code.tokens[parent].text !== '{') {
    at = parent;
    parent = code.parent[at];
  }
  return statementHolding(code, parent, at) ?? { start: at, end: at + 1 };
}

/**
 * The statement of the block inside the bracket at `open` (-1: the whole
 * code) that holds `at`, a token at that block's own level; undefined for a
 * `;`. The same statement statementsIn gives, found by walking from `at` to
 * the statement's ends: whether a statement begins at a token depends only
 * on that token and the one before it, so the rest of the block is never
 * split.
 */
export function statementHolding(code: ScriptCode, open: number, at: number): TokenSpan | undefined {
  const tokens = code.tokens;
  const first = open < 0 ? 0 : open + 1;
  const close = open < 0 ? -1 : code.pair[open];
  const last = open < 0 || close < 0 ? tokens.length : close;
  if (at < first || at >= last) return undefined;
  // A closer stands for its group, which starts at its opener.
  const partner = code.pair[at];
  let start = partner >= first && partner < at ? partner : at;
  if (isSemicolon(tokens[start])) return undefined;
  while (!beginsStatement(code, first, start)) start = groupEndingAt(code, start - 1);
  let end = skip(code, start);
  while (end < last && !isSemicolon(tokens[end]) && !beginsStatement(code, first, end)) end = skip(code, end);
  return { start, end: Math.min(end, last) };
}

/** The statement before `statement` in the block at `open` (as statementsIn gives them), undefined for the block's first. */
export function statementBefore(code: ScriptCode, open: number, statement: TokenSpan): TokenSpan | undefined {
  const tokens = code.tokens;
  const first = open < 0 ? 0 : open + 1;
  let end = statement.start;
  // Empty statements (`;;`) are no statements.
  while (end > first && isSemicolon(tokens[end - 1])) end--;
  if (end <= first) return undefined;
  let start = groupEndingAt(code, end - 1);
  while (!beginsStatement(code, first, start)) start = groupEndingAt(code, start - 1);
  return { start, end };
}

/** Whether a statement begins at `index`, the start of a token or group of a block starting at `first` (not a `;`): as splitStatements decides. */
function beginsStatement(code: ScriptCode, first: number, index: number): boolean {
  if (index <= first) return true;
  const before = code.tokens[index - 1];
  if (isSemicolon(before)) return true;
  const token = code.tokens[index];
  return token.newlineBefore && endsStatement(before, token);
}

/** Where the token or bracket group that ends at `index` starts. */
function groupEndingAt(code: ScriptCode, index: number): number {
  const open = code.pair[index];
  return open >= 0 && open < index ? open : index;
}

function isSemicolon(token: ScriptToken): boolean {
  return token.kind === 'punctuation' && token.text === ';';
}

/** The innermost `{` enclosing the token at `index`, -1 when none does. */
export function enclosingBrace(code: ScriptCode, index: number): number {
  let parent = code.parent[index];
  while (parent >= 0 && code.tokens[parent].text !== '{') parent = code.parent[parent];
  return parent;
}
