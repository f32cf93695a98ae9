// What a Groovy or JavaScript script reads into. Rules work on this shape
// (tokens, bracket pairs, string literals with their interpolations) and
// never on regular expressions over raw text, so one rule serves both
// languages; JavaScript additionally carries its ESTree syntax tree.

import type { LineIndex } from '@cpi/common/text/range';

export type ScriptLanguage = 'groovy' | 'javascript';

/**
 * - `identifier`: a name (also `$`-names, and words after `.` that would be
 *   keywords elsewhere are still `keyword`: compare `text`, see isName)
 * - `keyword`: a reserved word of the language, including `true`, `false`, `null`
 * - `string`: a whole string literal, interpolations included (see ScriptToken.string)
 * - `regex`: a JavaScript regular expression literal (Groovy's `/…/` is a string)
 * - `number`: a numeric literal with its suffix (`10L`, `1.5G`, `0x1F`, `1_000`)
 * - `punctuation`: an operator or bracket, longest match (`?.`, `*.`, `.&`, `==~`, `<=>`, `=~`, `...`)
 * - `invalid`: a character the language has no token for (kept so tokens cover the text)
 */
export type ScriptTokenKind = 'identifier' | 'keyword' | 'string' | 'regex' | 'number' | 'punctuation' | 'invalid';

export interface ScriptToken {
  readonly kind: ScriptTokenKind;
  /** Offsets into the script's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The raw text of the token (quotes included for strings). */
  readonly text: string;
  /** A line break (or a comment holding one) stands between the previous token and this one. */
  readonly newlineBefore: boolean;
  /** Set on `string` tokens only. */
  readonly string?: ScriptString;
}

/**
 * Groovy: `'…'` single, `"…"` double, `'''…'''` triple-single, `"""…"""`
 * triple-double, `/…/` slashy, `$/…/$` dollar-slashy. JavaScript: `'…'`
 * single, `"…"` double, `` `…` `` template.
 */
export type ScriptStringForm = 'single' | 'double' | 'triple-single' | 'triple-double' | 'slashy' | 'dollar-slashy' | 'template';

export interface ScriptString {
  readonly form: ScriptStringForm;
  /** Literal text and embedded code in source order; empty for `""`. */
  readonly parts: readonly ScriptStringPart[];
  /** Some part is code (`${…}`, `$name`): the value is only known at run time. */
  readonly interpolated: boolean;
  /** The decoded value (escapes resolved) when not interpolated. */
  readonly value?: string;
  /** False when the text ended before the closing delimiter (a problem is reported). */
  readonly terminated: boolean;
}

export type ScriptStringPart = ScriptTextPart | ScriptCodePart;

export interface ScriptTextPart {
  readonly kind: 'text';
  /** Raw range inside the literal (delimiters excluded). */
  readonly start: number;
  readonly end: number;
  /** The text with escapes decoded. */
  readonly value: string;
}

export interface ScriptCodePart {
  readonly kind: 'code';
  /**
   * Range of the expression: inside `${` and `}` for a block, the dotted
   * name after `$` for Groovy's `$name.path` form.
   */
  readonly start: number;
  readonly end: number;
  /** `${…}` (block) or Groovy's bare `$name.path` (path). */
  readonly form: 'block' | 'path';
  /** The embedded code, read like any other code. */
  readonly code: ScriptCode;
}

/**
 * A run of code: the whole script, or one interpolation inside a string.
 * Token indices in `pair` and `parent` refer to this block's own `tokens`.
 * Both arrays are read-only: blocks without brackets share one.
 */
export interface ScriptCode {
  readonly tokens: readonly ScriptToken[];
  /**
   * For a bracket token (`(`, `[`, `{` and their closers; the `${` and `}`
   * around an interpolation are not tokens): the index of its partner, -1
   * when it has none (an unclosed or stray bracket) and for every other token.
   */
  readonly pair: Int32Array;
  /** Index of the innermost open bracket enclosing each token, -1 at top level. A bracket's own parent is the one around it. */
  readonly parent: Int32Array;
}

export type ScriptProblemCode =
  'unterminated-string' | 'unterminated-comment' | 'unbalanced-brackets' | 'too-deep' | 'invalid-character' | 'syntax-error';

/** A reason the script could not be read exactly as written (at most one per code). */
export interface ScriptProblem {
  readonly code: ScriptProblemCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A comment: `// …`, `/* … *\/`, Groovy's first-line `#!…`. */
export interface ScriptComment {
  readonly kind: 'line' | 'block' | 'shebang';
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Minimal ESTree node: every node carries its type and source offsets. */
export interface EstreeNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [field: string]: unknown;
}

export interface ScriptModel {
  readonly language: ScriptLanguage;
  readonly text: string;
  /** The top-level code; interpolations hang below its string tokens. */
  readonly code: ScriptCode;
  /** Every comment, in source order (interpolations included). */
  readonly comments: readonly ScriptComment[];
  readonly problems: readonly ScriptProblem[];
  /** Offsets to LSP positions. */
  readonly lines: LineIndex;
  /** JavaScript only: the ESTree program, absent when the text does not parse. */
  readonly javascriptAst?: EstreeNode;
}

/** An identifier, or a keyword in name position (`message.in`, `map.class`). */
export function isName(token: ScriptToken | undefined): boolean {
  return token !== undefined && (token.kind === 'identifier' || token.kind === 'keyword');
}

export function isPunctuation(token: ScriptToken | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punctuation' && token.text === text;
}

export function isOpenBracket(token: ScriptToken | undefined): boolean {
  return token !== undefined && token.kind === 'punctuation' && (token.text === '(' || token.text === '[' || token.text === '{');
}
