// JavaScript in Script steps, read with acorn (chosen by measurement: see
// "Reading scripts" in ARCHITECTURE.md). Tokens come from acorn's
// tokenizer, restarted after each stretch it cannot read so the rules still
// see the rest of a broken script; the syntax tree from acorn's parser, or
// from acorn-loose when the script does not parse (with one notice).

import { Parser, parse, tokTypes as tt, type Comment, type Options, type Token } from 'acorn';
import { parse as parseLoose } from 'acorn-loose';
import type { EstreeNode, ScriptCode, ScriptComment, ScriptProblem, ScriptProblemCode } from '../model';
import { convertTokens, type RawToken } from './tokens';

export interface JavaScriptReadResult {
  readonly code: ScriptCode;
  readonly comments: readonly ScriptComment[];
  readonly problems: readonly ScriptProblem[];
  readonly javascriptAst?: EstreeNode;
}

const BASE_OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowHashBang: true,
  allowAwaitOutsideFunction: true,
};

/** After this many unreadable stretches the rest of the text is one invalid token (restarts cost a scan each). */
const MAX_RESTARTS = 50;

/**
 * Nesting (brackets plus template levels) beyond which acorn is not called:
 * its recursion can exhaust the stack, and near that limit V8 may abort the
 * whole process instead of throwing (measured: 600 nested templates). Real
 * scripts stay far below.
 */
export const MAX_PARSE_DEPTH = 256;

export function readJavaScript(text: string): JavaScriptReadResult {
  // Tokens first (iterative, never too deep), so the depth is known before acorn recurses.
  const { tokens, comments, errors } = tokenize(text);
  const converted = convertTokens(text, tokens);
  const problems: ScriptProblem[] = [];
  const add = (problem: ScriptProblem) => {
    if (!problems.some((p) => p.code === problem.code)) problems.push(problem);
  };
  const scriptComments = comments.map((c) => scriptComment(text, c));
  if (converted.depth > MAX_PARSE_DEPTH) {
    add({ ...tooDeep(converted.depth), ...deepestPlace(converted.code) });
    for (const e of errors) add(problemOf(text, e));
    return { code: converted.code, comments: scriptComments, problems: sorted(problems) };
  }
  let ast: EstreeNode | undefined;
  try {
    ast = parse(text, BASE_OPTIONS) as unknown as EstreeNode;
  } catch (error) {
    add(problemOf(text, error));
    for (const e of errors) add(problemOf(text, e));
    try {
      ast = parseLoose(text, BASE_OPTIONS) as unknown as EstreeNode;
    } catch {
      // No tree at all: the tokens are all there is.
    }
  }
  return { code: converted.code, comments: scriptComments, problems: sorted(problems), javascriptAst: ast };
}

/** The first bracket of the script that opens deeper than MAX_PARSE_DEPTH (the start when templates made it deep). */
function deepestPlace(code: ScriptCode): { start: number; end: number } {
  let depth = 0;
  for (const token of code.tokens) {
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(' || token.text === '[' || token.text === '{') {
      if (++depth > MAX_PARSE_DEPTH) return { start: token.start, end: token.end };
    } else if (token.text === ')' || token.text === ']' || token.text === '}') depth = Math.max(0, depth - 1);
  }
  return { start: 0, end: 0 };
}

function sorted(problems: ScriptProblem[]): ScriptProblem[] {
  return problems.sort((a, b) => a.start - b.start);
}

/** acorn's tokenizer, restarted after each error; what it could not read becomes an invalid (or unterminated string) token. */
function tokenize(text: string): { tokens: RawToken[]; comments: Comment[]; errors: unknown[] } {
  const tokens: RawToken[] = [];
  const comments: Comment[] = [];
  const errors: unknown[] = [];
  let at = 0;
  let context: TokenContext[] | undefined;
  for (let restarts = 0; at < text.length; restarts++) {
    if (restarts === MAX_RESTARTS) {
      tokens.push({ invalid: true, start: at, end: text.length });
      break;
    }
    const parser = new (Parser as unknown as new (options: Options, input: string, start: number) => TokenizingParser)(
      { ...BASE_OPTIONS, onComment: comments },
      text,
      at,
    );
    // A restart goes on inside the brackets and templates open where the last round stopped: a fresh
    // tokenizer would read the `}` closing a `${…}` as code, and the template text after it as code and comments.
    if (context) parser.context = context.slice();
    try {
      for (;;) {
        const token = parser.getToken();
        if (token.type === tt.eof) {
          at = text.length;
          break;
        }
        if ((token.type === tt.braceR || token.type === tt.parenR) && inTemplateText(parser))
          Object.assign(token, { resumesTemplate: true });
        tokens.push(token);
      }
    } catch (error) {
      errors.push(error);
      context = parser.context;
      // What this round read before the failing spot stays; the stretch from there on is skipped.
      const failedAt = errorStart(error, at);
      while (tokens.length > 0 && tokens[tokens.length - 1].start >= at && tokens[tokens.length - 1].end > failedAt) tokens.pop();
      while (comments.length > 0 && comments[comments.length - 1].start >= at && comments[comments.length - 1].end > failedAt)
        comments.pop();
      let from = Math.max(at, tokens[tokens.length - 1]?.end ?? 0, comments[comments.length - 1]?.end ?? 0);
      while (from < text.length && /[\s\uFEFF]/.test(text[from])) from++;
      if (from >= text.length) break;
      const message = error instanceof Error ? error.message : '';
      // An unterminated template swallows the rest, whatever it looks like.
      const end = /^Unterminated template/.test(message) ? text.length : skipEnd(text, from);
      // Comments the tokenizer saw inside that stretch (template text it misread as code) are not comments.
      while (comments.length > 0 && comments[comments.length - 1].end > from) comments.pop();
      tokens.push({ invalid: true, start: from, end, string: text[from] === '"' || text[from] === "'" });
      if (/^Unterminated comment/.test(message) && text.startsWith('/*', from)) {
        // An unterminated comment runs to the end: a comment, not a token.
        tokens.pop();
        comments.push({ type: 'Block', value: text.slice(from + 2), start: from, end });
      }
      at = end;
    }
  }
  return { tokens, comments, errors };
}

/**
 * acorn's parser used as a tokenizer. `context` is acorn's internal stack of
 * open brackets and templates (not in its typings), which decides whether a
 * `}` ends a `${…}` and what follows a backquote.
 */
type TokenizingParser = Parser & { getToken(): Token; context: TokenContext[] };

/** One entry of acorn's context stack; `token` is what opened it ('{', '${', '(', '`' or 'function'). */
interface TokenContext {
  readonly token: string;
}

/** acorn reads the next token as template text (a template is the innermost thing open). */
function inTemplateText(parser: TokenizingParser): boolean {
  return parser.context[parser.context.length - 1]?.token === '`';
}

function errorStart(error: unknown, fallback: number): number {
  const pos = (error as { pos?: unknown }).pos;
  return typeof pos === 'number' ? pos : fallback;
}

/** How far an unreadable stretch reaches: a string to its line end, a comment or template to the end, else one character. */
function skipEnd(text: string, from: number): number {
  const c = text[from];
  if (c === '"' || c === "'") {
    let end = from + 1;
    while (end < text.length && !'\n\r\u2028\u2029'.includes(text[end])) end++;
    return end;
  }
  if (text.startsWith('/*', from)) return text.length;
  const code = text.charCodeAt(from);
  return from + (code >= 0xd800 && code <= 0xdbff && from + 1 < text.length ? 2 : 1);
}

function problemOf(text: string, error: unknown): ScriptProblem {
  const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
  // acorn turns its own stack overflow into this message; a RangeError may still escape elsewhere.
  if (error instanceof RangeError || /stack space/i.test(message)) return tooDeep();
  const start = Math.min(errorStart(error, 0), text.length);
  const code: ScriptProblemCode = /^Unterminated (string|template)/.test(message)
    ? 'unterminated-string'
    : /^Unterminated comment/.test(message)
      ? 'unterminated-comment'
      : 'syntax-error';
  return { code, message: `JavaScript does not parse: ${message}`, start, end: Math.min(start + 1, text.length) };
}

function tooDeep(depth?: number): ScriptProblem {
  const how = depth === undefined ? 'too deep to parse' : `nested ${depth} deep`;
  return {
    code: 'too-deep',
    message: `brackets and templates ${how}, more than the ${MAX_PARSE_DEPTH} any real script stays within: read as tokens only, without a syntax tree`,
    start: 0,
    end: 0,
  };
}

function scriptComment(text: string, comment: Comment): ScriptComment {
  const kind = comment.type === 'Block' ? 'block' : text.startsWith('#!', comment.start) ? 'shebang' : 'line';
  return { kind, start: comment.start, end: comment.end, text: text.slice(comment.start, comment.end) };
}
