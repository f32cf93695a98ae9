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
 * the whole block when `open` is -1. Empty statements are left out. With
 * `through`, the split stops after the statement that ends past that token
 * (the one holding it, unless it is a `;`): a question about one statement
 * of a long script does not split the rest of it.
 */
export function statementsIn(code: ScriptCode, open: number, through?: number): TokenSpan[] {
  const start = open < 0 ? 0 : open + 1;
  const close = open < 0 ? -1 : code.pair[open];
  const end = open < 0 || close < 0 ? code.tokens.length : close;
  return splitStatements(code, { start, end }, through);
}

/** Splits a span (at its own level) into statements; with `through`, up to the first statement that ends past that token. */
export function splitStatements(code: ScriptCode, span: TokenSpan, through = span.end): TokenSpan[] {
  const tokens = code.tokens;
  const statements: TokenSpan[] = [];
  let from = span.start;
  let previous: ScriptToken | undefined;
  for (let i = span.start; i < span.end;) {
    const token = tokens[i];
    if (token.kind === 'punctuation' && token.text === ';') {
      if (i > from) {
        statements.push({ start: from, end: i });
        if (i > through) return statements;
      }
      from = i + 1;
      previous = undefined;
      i++;
      continue;
    }
    if (i > from && token.newlineBefore && previous && endsStatement(previous, token)) {
      statements.push({ start: from, end: i });
      if (i > through) return statements;
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
  for (const statement of statementsIn(code, parent, at)) if (statement.start <= at && at < statement.end) return statement;
  return { start: at, end: at + 1 };
}

/** The innermost `{` enclosing the token at `index`, -1 when none does. */
export function enclosingBrace(code: ScriptCode, index: number): number {
  let parent = code.parent[index];
  while (parent >= 0 && code.tokens[parent].text !== '{') parent = code.parent[parent];
  return parent;
}
