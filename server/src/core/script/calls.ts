// Call sites on tokens: `receiver.method(args) { closure }`, `new Type(args)`,
// and Groovy's calls without parentheses (`println x`, `log.info "…"`,
// `headers.each { k, v -> … }`). Method declarations (`def name(…) {`,
// `String name(…) {`, `function name(…) {`) are not calls.

import { DECLARING } from './function-scopes';
import { isName, type ScriptCode, type ScriptLanguage, type ScriptToken } from './model';
import { splitAtCommas, type TokenSpan } from './span';
import { endsStatement, statementEnd } from './statements';

export interface CallReceiver {
  /** First token of the receiver expression. */
  readonly start: number;
  /** Index of the `.`, `?.` or `*.` between the receiver and the method name. */
  readonly dot: number;
  /**
   * The receiver as segments, outermost first: a name (`log`), a call
   * (`getMessageLog()`), an index (`args[]`), a created object
   * (`new URL()`), or the raw text of any other primary (`"…"`, `(…)`).
   * `messageLogFactory.getMessageLog(message)` gives
   * `['messageLogFactory', 'getMessageLog()']`.
   */
  readonly path: readonly string[];
}

export interface CallSite {
  /** Index of the method name (for `new`, of the class name: the last of a qualified one). */
  readonly name: number;
  readonly method: string;
  readonly isNew: boolean;
  /** `new java.net.URL(…)` gives `['java', 'net']`; empty otherwise. */
  readonly qualifier: readonly string[];
  readonly receiver?: CallReceiver;
  /** Index of `(` and its `)`, both -1 for a call without parentheses. */
  readonly open: number;
  readonly close: number;
  /** The arguments in order, a trailing closure last. */
  readonly arguments: readonly TokenSpan[];
  /** Index of the `{` of a trailing closure (Groovy) or an anonymous class body (`new X() { … }`), -1 when none. */
  readonly closure: number;
  /** The whole call expression: from the receiver (or `new`) to after its last token. */
  readonly start: number;
  readonly end: number;
}

const DOTS = new Set(['.', '?.', '*.']);
/** Keywords that can be followed by `(` without being a call. */
const NOT_CALLABLE = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'synchronized',
  'return',
  'throw',
  'new',
  'typeof',
  'void',
  'delete',
  'in',
  'instanceof',
  'as',
  'assert',
  'case',
  'else',
  'do',
  'function',
  'await',
  'yield',
]);
/** Tokens a parenthesis-less Groovy argument list can start with. */
const COMMAND_ARGUMENT_KEYWORDS = new Set(['new', 'this', 'true', 'false', 'null', 'super']);
/** A name after one of these and before `(…) {` is being declared: a method's keywords, and JavaScript's accessors. */
const DECLARING_KEYWORDS = new Set([...DECLARING, 'get', 'set']);

/** The call whose name is the token at `index`, if it is one. */
export function callAt(code: ScriptCode, language: ScriptLanguage, index: number): CallSite | undefined {
  const tokens = code.tokens;
  const token = tokens[index];
  if (!isName(token)) return undefined;
  const before = tokens[index - 1];
  const afterDot = before !== undefined && before.kind === 'punctuation' && isDot(before.text);
  if (token.kind === 'keyword' && !afterDot) return undefined;
  // A name ending its line is no call (arguments start on the call's line); most names of a script are.
  const next = tokens[index + 1];
  if (next === undefined || (next.newlineBefore && next.text !== '<')) return undefined;
  const groovy = language === 'groovy';
  // Only `(`, `<` (a created class's type arguments) or `{` after the name, or the first token of a Groovy
  // command's argument, make a call: the other names (most) are turned away before anything is worked out.
  if (next.kind === 'punctuation') {
    const after = next.text;
    if (after !== '(' && after !== '<' && after !== '{') return undefined;
  } else if (!groovy || token.kind !== 'identifier' || next.newlineBefore || !startsLowercase(token.text) || !startsArgument(next))
    return undefined;

  const { isNew, qualifier, start: newStart } = creation(code, index);
  let open = index + 1;
  if (isNew && tokens[open]?.text === '<') open = afterTypeArguments(code, open);
  const paren = tokens[open];

  if (paren && paren.kind === 'punctuation' && paren.text === '(' && !paren.newlineBefore) {
    const close = code.pair[open];
    const end = close < 0 ? tokens.length : close + 1;
    const body = tokens[end];
    const braceFollows = body !== undefined && body.kind === 'punctuation' && body.text === '{' && !body.newlineBefore;
    if (!isNew && !afterDot && isDeclaration(code, index, braceFollows)) return undefined;
    let closure = -1;
    let callEnd = end;
    if (braceFollows && (groovy || isNew)) {
      closure = end;
      callEnd = skipGroup(code, end);
    }
    const receiver = afterDot && !isNew ? receiverBefore(code, index - 1) : undefined;
    return new Call(
      code,
      index,
      token.text,
      isNew,
      qualifier,
      receiver,
      open,
      close,
      closure,
      isNew ? newStart : (receiver?.start ?? index),
      callEnd,
      open + 1,
      close < 0 ? tokens.length : close,
      groovy && !isNew ? closure : -1,
    );
  }
  if (!groovy || isNew || token.kind !== 'identifier') return undefined;

  // Groovy without parentheses: `name { closure }` or `name arg, arg` on the same line.
  if (next.newlineBefore) return undefined;
  const brace = next.kind === 'punctuation' && next.text === '{';
  // The cheap tests first: the receiver is worked out only for a likely call.
  if (!brace && (!startsLowercase(token.text) || !startsArgument(next))) return undefined;
  const receiver = afterDot ? receiverBefore(code, index - 1) : undefined;
  const callStart = receiver?.start ?? index;
  if (brace) {
    if (!afterDot && !(startsStatement(code, callStart) && startsLowercase(token.text))) return undefined;
    const end = skipGroup(code, index + 1);
    return new Call(
      code,
      index,
      token.text,
      false,
      NO_QUALIFIER,
      receiver,
      -1,
      -1,
      index + 1,
      callStart,
      end,
      index + 1,
      index + 1,
      index + 1,
    );
  }
  if (!startsStatement(code, callStart)) return undefined;
  // `name other = …` and `name other` followed by nothing is a declaration with a lowercase type: rare, but `x y = 1` is never a call.
  const third = tokens[index + 2];
  if (next.kind === 'identifier' && third && !third.newlineBefore && third.kind === 'punctuation' && third.text === '=') return undefined;
  const end = statementEnd(code, index + 1);
  return new Call(code, index, token.text, false, NO_QUALIFIER, receiver, -1, -1, -1, callStart, end, index + 1, end, -1);
}

/** A call site whose arguments are split into spans when a rule first asks (most calls are never asked). */
class Call implements CallSite {
  private args: readonly TokenSpan[] | undefined;

  constructor(
    private readonly code: ScriptCode,
    readonly name: number,
    readonly method: string,
    readonly isNew: boolean,
    readonly qualifier: readonly string[],
    readonly receiver: CallReceiver | undefined,
    readonly open: number,
    readonly close: number,
    readonly closure: number,
    readonly start: number,
    readonly end: number,
    /** The tokens split at commas into the arguments. */
    private readonly listStart: number,
    private readonly listEnd: number,
    /** The `{` of a trailing closure that is one more argument, -1 when none. */
    private readonly trailing: number,
  ) {}

  get arguments(): readonly TokenSpan[] {
    if (this.args === undefined) {
      const args = splitAtCommas(this.code, { start: this.listStart, end: this.listEnd });
      if (this.trailing >= 0) args.push({ start: this.trailing, end: skipGroup(this.code, this.trailing) });
      this.args = args;
    }
    return this.args;
  }
}

/** The receiver's first token is found on the way; its path of names is built when a rule reads it. */
class Receiver implements CallReceiver {
  private segments: readonly string[] | undefined;

  constructor(
    private readonly code: ScriptCode,
    readonly start: number,
    readonly dot: number,
  ) {}

  get path(): readonly string[] {
    if (this.segments === undefined) {
      const segments: string[] = [];
      walkReceiver(this.code, this.dot, segments);
      this.segments = segments.reverse();
    }
    return this.segments;
  }
}

const NO_QUALIFIER: readonly string[] = Object.freeze([]);

/** `new a.b.Name`: whether the name at `index` is created, its qualifier, and where `new` stands. */
interface Creation {
  readonly isNew: boolean;
  readonly qualifier: readonly string[];
  /** The `new`; -1 when there is none. */
  readonly start: number;
}

/** Every name of a script asks, almost all are no creation: one shared answer for them. */
const NOT_NEW: Creation = Object.freeze({ isNew: false, qualifier: NO_QUALIFIER, start: -1 });

function creation(code: ScriptCode, index: number): Creation {
  const tokens = code.tokens;
  let at = index;
  while (at >= 2 && tokens[at - 1].text === '.' && isName(tokens[at - 2])) at -= 2;
  const isNew = tokens[at - 1]?.kind === 'keyword' && tokens[at - 1].text === 'new';
  if (!isNew) return NOT_NEW;
  // The package path is built only for a creation: every name of a script passes here.
  const qualifier: string[] = [];
  for (let q = at; q < index; q += 2) qualifier.push(tokens[q].text);
  return { isNew, qualifier, start: at - 1 };
}

/** Past `<…>` type arguments (`new HashMap<String, List<String>>(…)`), or `from` when they do not close. */
function afterTypeArguments(code: ScriptCode, from: number): number {
  const tokens = code.tokens;
  let depth = 0;
  for (let i = from; i < tokens.length && i < from + 200; i++) {
    const t = tokens[i].text;
    if (t === '<') depth++;
    else if (t === '>') depth--;
    else if (t === '>>') depth -= 2;
    else if (t === '>>>') depth -= 3;
    else if (!(isName(tokens[i]) || t === ',' || t === '.' || t === '?' || t === '[' || t === ']')) return from;
    if (depth <= 0) return i + 1;
  }
  return from;
}

/** `Type name(…) {`, `def name(…) {`, `function name(…) {`: a declaration, not a call. */
function isDeclaration(code: ScriptCode, index: number, braceFollows: boolean): boolean {
  const before = code.tokens[index - 1];
  if (!before) return false;
  if (before.kind === 'keyword' && DECLARING_KEYWORDS.has(before.text)) return true;
  if (!braceFollows) return false;
  if (before.kind === 'identifier') return true;
  return before.kind === 'punctuation' && (before.text === '>' || before.text === ']' || before.text === '>>');
}

function receiverBefore(code: ScriptCode, dot: number): CallReceiver | undefined {
  const start = walkReceiver(code, dot, undefined);
  return start < 0 ? undefined : new Receiver(code, start, dot);
}

/**
 * Walks the receiver leftwards from the `.` at `dot`: returns its first
 * token, -1 when there is no receiver. With `path`, adds its segments to
 * it, innermost (nearest the dot) first.
 */
function walkReceiver(code: ScriptCode, dot: number, path: string[] | undefined): number {
  const tokens = code.tokens;
  let count = 0;
  let i = dot - 1;
  for (;;) {
    // Index expressions apply to what stands before them.
    let indexes = 0;
    while (i >= 0 && tokens[i].text === ']' && code.pair[i] >= 0) {
      indexes++;
      i = code.pair[i] - 1;
    }
    let t = tokens[i];
    if (!t) {
      if (indexes === 0) return -1;
      path?.push(`[…]${suffixOf(indexes - 1)}`);
      count++;
      break;
    }
    // A trailing closure (`list.findAll { … }.each`): the call it belongs to stands before it.
    if (t.kind === 'punctuation' && t.text === '}' && code.pair[i] > 0) {
      const open = code.pair[i];
      const before = tokens[open - 1];
      if (before.kind === 'punctuation' && before.text === ')' && code.pair[open - 1] >= 0 && !before.newlineBefore) i = open - 1;
      else if (before.kind === 'identifier' && !tokens[open].newlineBefore) {
        path?.push(`${before.text}()${suffixOf(indexes)}`);
        count++;
        i = open - 2;
        const link = tokens[i];
        if (!link || link.kind !== 'punctuation' || !DOTS.has(link.text)) break;
        i--;
        continue;
      } else {
        path?.push(`{…}${suffixOf(indexes)}`);
        count++;
        i = open - 1;
        break;
      }
      t = tokens[i];
    }
    if (t.kind === 'punctuation' && t.text === ')' && code.pair[i] >= 0) {
      const open = code.pair[i];
      const name = tokens[open - 1];
      if (isName(name) && !(name.kind === 'keyword' && NOT_CALLABLE.has(name.text) && name.text !== 'new')) {
        const created = creation(code, open - 1);
        count++;
        if (created.isNew) {
          path?.push(`new ${[...created.qualifier, name.text].join('.')}()${suffixOf(indexes)}`);
          i = created.start - 1;
          break;
        }
        path?.push(`${name.text}()${suffixOf(indexes)}`);
        i = open - 2;
      } else {
        path?.push(`(…)${suffixOf(indexes)}`);
        count++;
        i = open - 1;
        break;
      }
    } else if (isName(t)) {
      path?.push(t.text + suffixOf(indexes));
      count++;
      i--;
    } else if (t.kind === 'string' || t.kind === 'number' || t.kind === 'regex') {
      path?.push(t.text + suffixOf(indexes));
      count++;
      i--;
      break;
    } else if (indexes > 0) {
      // A list or map literal (`[:].withDefault`, `[a, b].each`).
      path?.push(`[…]${suffixOf(indexes - 1)}`);
      count++;
      break;
    } else return count > 0 ? i + 1 : -1;
    const link = tokens[i];
    if (!link || link.kind !== 'punctuation' || !DOTS.has(link.text)) break;
    i--;
  }
  return count > 0 ? i + 1 : -1;
}

/** `[]` once per index expression. */
function suffixOf(indexes: number): string {
  return indexes === 0 ? '' : '[]'.repeat(indexes);
}

/** `.`, `?.` or `*.` (compared directly: asked for every name of a script). */
function isDot(text: string): boolean {
  return text === '.' || text === '?.' || text === '*.';
}

function skipGroup(code: ScriptCode, open: number): number {
  const close = code.pair[open];
  return close < 0 ? code.tokens.length : close + 1;
}

function startsLowercase(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c >= 97 && c <= 122) || c === 95;
}

/** Tokens that begin the first argument of a call without parentheses. */
function startsArgument(token: ScriptToken): boolean {
  if (token.kind === 'identifier' || token.kind === 'string' || token.kind === 'number') return true;
  return token.kind === 'keyword' && COMMAND_ARGUMENT_KEYWORDS.has(token.text);
}

/** Whether the token at `index` begins a statement (so a name there followed by an argument is a command call). */
function startsStatement(code: ScriptCode, index: number): boolean {
  const tokens = code.tokens;
  const token = tokens[index];
  const before = tokens[index - 1];
  if (!before) return true;
  if (before.kind === 'punctuation') {
    if (before.text === ';' || before.text === '{' || before.text === '}' || before.text === '->') return true;
    if (before.text === ')') {
      const keyword = tokens[code.pair[index - 1] - 1];
      if (keyword && keyword.kind === 'keyword' && (keyword.text === 'if' || keyword.text === 'while' || keyword.text === 'for'))
        return true;
    }
    if (before.text === ':' && tokens[code.parent[index]]?.text !== '[' && tokens[code.parent[index]]?.text !== '(')
      return token.newlineBefore;
  }
  if (before.kind === 'keyword' && (before.text === 'else' || before.text === 'do' || before.text === 'try')) return true;
  return token.newlineBefore && endsStatement(before, token);
}
