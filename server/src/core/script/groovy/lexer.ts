// Groovy's tokens, read in one pass with an explicit stack of open strings
// and interpolations (no recursion: a GString nested 100,000 deep is read
// like a flat one). The lexer never throws and never backtracks; what it
// cannot make sense of becomes one problem of each kind.
//
// Strings: '…', "…" (with ${…} and $name.path), '''…''', """…""",
// /slashy/ (where Groovy's lexer would take `/` as a string start: after a
// token that cannot end an operand), $/dollar-slashy/$. Comments: //, /* */
// and a first-line #!.

import { MAX_BRACKET_DEPTH, pairBrackets, type PairedCode } from '../brackets';
import type {
  ScriptCode,
  ScriptComment,
  ScriptProblem,
  ScriptProblemCode,
  ScriptStringForm,
  ScriptStringPart,
  ScriptToken,
  ScriptTokenKind,
} from '../model';
import { isDigit, isHexDigit, isIdentifierPart, isIdentifierStart, isInterpolationStart, isLineBreak, isWhiteSpace } from './chars';
import { quotedEscape, unicodeEscape } from './escapes';
import { forgetNames, nameAt, nameHash } from './name-table';
import { endsOperand, operatorAt } from './operators';

export interface GroovyLexResult {
  readonly code: ScriptCode;
  readonly comments: readonly ScriptComment[];
  readonly problems: readonly ScriptProblem[];
}

/** Code being read: the script, or the inside of one `${…}`. */
interface CodeFrame {
  readonly kind: 'code';
  readonly tokens: ScriptToken[];
  /** Where the code starts (after `${`). */
  readonly start: number;
  /** The string this interpolation belongs to; undefined for the script itself. */
  readonly string?: StringFrame;
  /** `{` opened inside this interpolation and not yet closed: the `}` that ends it comes at 0. */
  braces: number;
}

interface StringFrame {
  readonly kind: 'string';
  readonly form: ScriptStringForm;
  readonly start: number;
  readonly newlineBefore: boolean;
  readonly owner: CodeFrame;
  readonly parts: ScriptStringPart[];
  /** Start of the current text part and its decoded pieces so far. */
  textStart: number;
  decoded: string;
}

type Frame = CodeFrame | StringFrame;

const OPENER_LENGTH: Record<ScriptStringForm, number> = {
  single: 1,
  double: 1,
  'triple-single': 3,
  'triple-double': 3,
  slashy: 1,
  'dollar-slashy': 2,
  template: 1,
};

const CLOSER: Record<ScriptStringForm, string> = {
  single: "'",
  double: '"',
  'triple-single': "'''",
  'triple-double': '"""',
  slashy: '/',
  'dollar-slashy': '/$',
  template: '`',
};

const FORM_NAME: Record<ScriptStringForm, string> = {
  single: "'…' string",
  double: '"…" string',
  'triple-single': "'''…''' string",
  'triple-double': '"""…""" string',
  slashy: '/…/ string',
  'dollar-slashy': '$/…/$ string',
  template: '`…` template',
};

export function lexGroovy(text: string): GroovyLexResult {
  try {
    return new GroovyLexer(text).run();
  } finally {
    forgetNames();
  }
}

/** Reads `text` on from `at` after what came before it (see GroovyLexer.resume; groovy/relex.ts uses it). */
export function resumeGroovy(
  text: string,
  tokens: ScriptToken[],
  comments: ScriptComment[],
  at: number,
  stop: (token: ScriptToken) => boolean,
  tail: () => { readonly tokens: readonly ScriptToken[]; readonly comments: readonly ScriptComment[] },
): GroovyLexResult {
  try {
    return new GroovyLexer(text).resume(tokens, comments, at, stop, tail);
  } finally {
    forgetNames();
  }
}

class GroovyLexer {
  private at = 0;
  private newline = false;
  private readonly comments: ScriptComment[] = [];
  private readonly problems = new Map<ScriptProblemCode, ScriptProblem>();
  private readonly stack: Frame[] = [];
  private deepest = 0;
  /** The last name read (nameAt writes here). */
  private readonly name = { text: '', keyword: false };
  /** Where the nesting first went deeper than MAX_BRACKET_DEPTH. */
  private deepAt: { start: number; end: number } | undefined;

  constructor(private readonly text: string) {}

  run(): GroovyLexResult {
    const root: CodeFrame = { kind: 'code', tokens: [], start: 0, braces: 0 };
    this.stack.push(root);
    this.shebang();
    this.lexOn(root);
    return this.finish(root);
  }

  /**
   * Reads on from `at`, after `tokens` and `comments` (taken as what the
   * text before `at` reads to, at the top level), until the end or until
   * `stop` accepts a token just added at the top level. Then `tail` gives
   * the tokens and comments that follow that token, and the reading is
   * finished as a whole one is.
   */
  resume(
    tokens: ScriptToken[],
    comments: ScriptComment[],
    at: number,
    stop: (token: ScriptToken) => boolean,
    tail: () => { readonly tokens: readonly ScriptToken[]; readonly comments: readonly ScriptComment[] },
  ): GroovyLexResult {
    const root: CodeFrame = { kind: 'code', tokens, start: 0, braces: 0 };
    this.stack.push(root);
    for (const comment of comments) this.comments.push(comment);
    this.at = at;
    if (this.lexOn(root, stop)) {
      const rest = tail();
      for (const token of rest.tokens) tokens.push(token);
      for (const comment of rest.comments) this.comments.push(comment);
      this.at = this.text.length;
    }
    return this.finish(root);
  }

  /** The main loop; true when `stop` ended it. */
  private lexOn(root: CodeFrame, stop?: (token: ScriptToken) => boolean): boolean {
    const text = this.text;
    while (this.at < text.length) {
      const top = this.stack[this.stack.length - 1];
      const before = root.tokens.length;
      if (top.kind === 'code') this.codeStep(top);
      else this.stringStep(top);
      // A step adds at most one token to the top level, and leaves only the top level open when it does.
      if (stop && root.tokens.length > before && this.stack.length === 1 && stop(root.tokens[before])) return true;
    }
    return false;
  }

  private finish(root: CodeFrame): GroovyLexResult {
    const text = this.text;
    // The end came with strings or interpolations still open: close them all.
    while (this.stack.length > 1) {
      const top = this.stack.pop()!;
      if (top.kind === 'code') this.endInterpolation(top, text.length);
      else {
        this.problem(
          'unterminated-string',
          `unterminated ${FORM_NAME[top.form]}: the script ends before it is closed`,
          top.start,
          text.length,
        );
        this.endString(top, text.length, text.length, false);
      }
    }
    const code = this.finishCode(root);
    if (this.deepest > MAX_BRACKET_DEPTH) {
      const at = this.deepAt ?? { start: 0, end: 0 };
      this.problem(
        'too-deep',
        `brackets and interpolations nested ${this.deepest} deep: more than any script Groovy can compile (${MAX_BRACKET_DEPTH})`,
        at.start,
        at.end,
      );
    }
    const problems = [...this.problems.values()].sort((a, b) => a.start - b.start);
    return { code, comments: this.comments, problems };
  }

  private shebang(): void {
    if (!this.text.startsWith('#!')) return;
    const end = this.lineEnd(0);
    this.comments.push({ kind: 'shebang', start: 0, end, text: this.text.slice(0, end) });
    this.at = end;
  }

  private problem(code: ScriptProblemCode, message: string, start: number, end: number): void {
    if (!this.problems.has(code)) this.problems.set(code, { code, message, start, end });
  }

  private lineEnd(from: number): number {
    const text = this.text;
    let end = from;
    while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
    return end;
  }

  /** Skips white space, comments and backslash line continuations; records line breaks. */
  private trivia(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (isWhiteSpace(c)) {
        if (isLineBreak(c) || c === 0x2028 || c === 0x2029) this.newline = true;
        this.at++;
      } else if (c === 47 /* / */ && text.charCodeAt(this.at + 1) === 47) {
        const end = this.lineEnd(this.at);
        this.comments.push({ kind: 'line', start: this.at, end, text: text.slice(this.at, end) });
        this.at = end;
      } else if (c === 47 && text.charCodeAt(this.at + 1) === 42 /* * */) {
        const close = text.indexOf('*/', this.at + 2);
        const end = close < 0 ? text.length : close + 2;
        if (close < 0) this.problem('unterminated-comment', 'unterminated /* comment: the script ends before */', this.at, end);
        const body = text.slice(this.at, end);
        if (body.includes('\n') || body.includes('\r')) this.newline = true;
        this.comments.push({ kind: 'block', start: this.at, end, text: body });
        this.at = end;
      } else if (c === 92 /* \ */ && isLineBreak(text.charCodeAt(this.at + 1))) {
        // A line continuation: the next line carries on the statement.
        this.at += text.charCodeAt(this.at + 1) === 13 && text.charCodeAt(this.at + 2) === 10 ? 3 : 2;
      } else return;
    }
  }

  /** `text`: the token's text when the caller has it already (a name, an operator of the shared table). */
  private push(frame: CodeFrame, kind: ScriptTokenKind, start: number, end: number, text = this.text.slice(start, end)): ScriptToken {
    const token: ScriptToken = { kind, start, end, text, newlineBefore: this.newline };
    this.newline = false;
    frame.tokens.push(token);
    return token;
  }

  private codeStep(frame: CodeFrame): void {
    this.trivia();
    const text = this.text;
    const start = this.at;
    if (start >= text.length) return;
    const c = text.charCodeAt(start);

    if (c === 125 /* } */ && frame.string && frame.braces === 0) {
      this.stack.pop();
      this.endInterpolation(frame, start);
      this.at = start + 1;
      frame.string.textStart = this.at;
      return;
    }
    // Names first, the most common token; `$/` may open a dollar-slashy string instead.
    if (isIdentifierStart(c) && !(c === 36 /* $ */ && text.charCodeAt(start + 1) === 47)) {
      let end = start + 1;
      let hash = nameHash(0, c);
      for (let d = text.charCodeAt(end); end < text.length && isIdentifierPart(d); d = text.charCodeAt(++end)) hash = nameHash(hash, d);
      const name = this.name;
      nameAt(text, start, end, hash, name);
      this.push(frame, name.keyword ? 'keyword' : 'identifier', start, end, name.text);
      this.at = end;
      return;
    }
    const form = this.stringStart(frame, start);
    if (form) {
      if ((form === 'single' || form === 'double') && this.plainString(frame, form, start)) return;
      this.openString(frame, form, start);
      return;
    }
    if (c === 36 /* $ */) {
      // `$/` after an operand: `$` is a name of its own, the `/` divides.
      this.push(frame, 'identifier', start, start + 1, '$');
      this.at = start + 1;
      return;
    }
    if (isDigit(c) || (c === 46 /* . */ && isDigit(text.charCodeAt(start + 1)) && !this.afterOperand(frame))) {
      this.at = this.number(start);
      this.push(frame, 'number', start, this.at);
      return;
    }
    const operator = operatorAt(text, start);
    if (operator !== undefined) {
      this.at = start + operator.length;
      this.push(frame, 'punctuation', start, this.at, operator);
      if (frame.string) {
        if (operator === '{') frame.braces++;
        else if (operator === '}') frame.braces--;
      }
      return;
    }
    // No Groovy token starts here (a stray `#`, a backtick, a lone backslash): keep it, say so once.
    const width = c >= 0xd800 && c <= 0xdbff && text.length > start + 1 ? 2 : 1;
    this.at = start + width;
    this.push(frame, 'invalid', start, this.at);
    this.problem('invalid-character', `unexpected character '${text.slice(start, this.at)}': not part of any Groovy token`, start, this.at);
  }

  private afterOperand(frame: CodeFrame): boolean {
    const last = frame.tokens[frame.tokens.length - 1];
    return last !== undefined && endsOperand(last.kind, last.text);
  }

  /** The string form opening at `at`, if any. */
  private stringStart(frame: CodeFrame, at: number): ScriptStringForm | undefined {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 39 /* ' */) return text.startsWith("'''", at) ? 'triple-single' : 'single';
    if (c === 34 /* " */) return text.startsWith('"""', at) ? 'triple-double' : 'double';
    if (c === 47 /* / */) {
      const next = text.charCodeAt(at + 1);
      // `//` and `/*` were taken as comments already; `/=` after an operand is an operator.
      if (next !== 47 && next !== 42 && !this.afterOperand(frame)) return 'slashy';
      return undefined;
    }
    if (c === 36 /* $ */ && text.charCodeAt(at + 1) === 47 && text.charCodeAt(at + 2) !== 47 && !this.afterOperand(frame))
      return 'dollar-slashy';
    return undefined;
  }

  /**
   * The common case taken in one step: a one-line quoted string with no
   * escape and no `$`. Anything else is left to the general path (false).
   */
  private plainString(frame: CodeFrame, form: 'single' | 'double', start: number): boolean {
    const text = this.text;
    const quote = form === 'single' ? 39 : 34;
    for (let p = start + 1; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === quote) {
        const value = text.slice(start + 1, p);
        const parts: ScriptStringPart[] = p > start + 1 ? [{ kind: 'text', start: start + 1, end: p, value }] : [];
        frame.tokens.push({
          kind: 'string',
          start,
          end: p + 1,
          text: text.slice(start, p + 1),
          newlineBefore: this.newline,
          string: { form, parts, interpolated: false, value, terminated: true },
        });
        this.newline = false;
        this.at = p + 1;
        return true;
      }
      if (c === 92 /* \ */ || c === 10 || c === 13 || (c === 36 /* $ */ && quote === 34)) return false;
    }
    return false;
  }

  private openString(owner: CodeFrame, form: ScriptStringForm, start: number): void {
    const bodyStart = start + OPENER_LENGTH[form];
    const frame: StringFrame = {
      kind: 'string',
      form,
      start,
      newlineBefore: this.newline,
      owner,
      parts: [],
      textStart: bodyStart,
      decoded: '',
    };
    this.newline = false;
    this.stack.push(frame);
    this.nested();
    this.at = bodyStart;
  }

  private nested(): void {
    if (this.stack.length > this.deepest) this.deepest = this.stack.length;
    if (this.stack.length > MAX_BRACKET_DEPTH && !this.deepAt) this.deepAt = { start: this.at, end: this.at + 1 };
  }

  /** Reads string text up to the closing delimiter, an interpolation, or the end of the line/text. */
  private stringStep(frame: StringFrame): void {
    const text = this.text;
    const form = frame.form;
    const interpolating = form === 'double' || form === 'triple-double' || form === 'slashy' || form === 'dollar-slashy';
    const singleLine = form === 'single' || form === 'double';
    const closer = CLOSER[form];
    let chunk = this.at; // start of text not yet added to `decoded`
    let p = this.at;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      // Escapes are consumed whole below, so a closer seen here is never the tail of one.
      if (text.startsWith(closer, p)) {
        frame.decoded += text.slice(chunk, p);
        this.stack.pop();
        this.at = this.endString(frame, p, p + closer.length, true);
        return;
      }
      if (singleLine && isLineBreak(c)) {
        // A quoted single-line string cannot hold a line break: end it here and read on.
        frame.decoded += text.slice(chunk, p);
        this.problem('unterminated-string', `unterminated ${FORM_NAME[form]}: the line ends before it is closed`, frame.start, p);
        this.stack.pop();
        this.at = this.endString(frame, p, p, false);
        return;
      }
      if (c === 92 /* \ */ && form !== 'dollar-slashy') {
        if (form === 'slashy') {
          // Slashy strings only know \/ and \u; every other backslash is itself.
          const next = text.charCodeAt(p + 1);
          const escape = next === 47 ? { value: '/', length: 2 } : next === 117 ? unicodeEscape(text, p) : undefined;
          if (escape) {
            frame.decoded += text.slice(chunk, p) + escape.value;
            p += escape.length;
            chunk = p;
          } else p++;
          continue;
        }
        const escape = quotedEscape(text, p);
        frame.decoded += text.slice(chunk, p) + escape.value;
        p += escape.length;
        chunk = p;
        continue;
      }
      if (c === 36 /* $ */ && interpolating) {
        const next = text.charCodeAt(p + 1);
        if (form === 'dollar-slashy' && (next === 36 || next === 47)) {
          // $$ is a dollar, $/ a slash.
          frame.decoded += text.slice(chunk, p) + (next === 36 ? '$' : '/');
          p += 2;
          chunk = p;
          continue;
        }
        if (next === 123 /* { */) {
          frame.decoded += text.slice(chunk, p);
          this.textPart(frame, p);
          const code: CodeFrame = { kind: 'code', tokens: [], start: p + 2, string: frame, braces: 0 };
          this.stack.push(code);
          this.at = p;
          this.nested();
          this.at = p + 2;
          return;
        }
        if (isInterpolationStart(next)) {
          frame.decoded += text.slice(chunk, p);
          this.textPart(frame, p);
          p = this.pathPart(frame, p + 1);
          frame.textStart = p;
          chunk = p;
          continue;
        }
      }
      p++;
    }
    // The text ended inside the string.
    frame.decoded += text.slice(chunk, p);
    this.at = p;
  }

  private textPart(frame: StringFrame, end: number): void {
    if (end > frame.textStart) frame.parts.push({ kind: 'text', start: frame.textStart, end, value: frame.decoded });
    frame.decoded = '';
  }

  /** `$name.path` inside a GString: names joined by dots, no calls. Returns where it ends. */
  private pathPart(frame: StringFrame, start: number): number {
    const text = this.text;
    const tokens: ScriptToken[] = [];
    let p = start;
    for (;;) {
      let end = p + 1;
      let hash = nameHash(0, text.charCodeAt(p));
      for (let d = text.charCodeAt(end); end < text.length && isIdentifierPart(d) && d !== 36; d = text.charCodeAt(++end))
        hash = nameHash(hash, d);
      const name = this.name;
      nameAt(text, p, end, hash, name);
      tokens.push({ kind: name.keyword ? 'keyword' : 'identifier', start: p, end, text: name.text, newlineBefore: false });
      p = end;
      if (text.charCodeAt(p) === 46 /* . */ && isInterpolationStart(text.charCodeAt(p + 1))) {
        tokens.push({ kind: 'punctuation', start: p, end: p + 1, text: '.', newlineBefore: false });
        p++;
      } else break;
    }
    frame.parts.push({ kind: 'code', start, end: p, form: 'path', code: pairBrackets(tokens) });
    return p;
  }

  private endInterpolation(frame: CodeFrame, end: number): void {
    const string = frame.string!;
    string.parts.push({ kind: 'code', start: frame.start, end, form: 'block', code: this.finishCode(frame) });
    string.decoded = '';
    string.textStart = end;
  }

  /** Closes a string token whose body ends at `bodyEnd` and whose text ends at `end`; returns `end`. */
  private endString(frame: StringFrame, bodyEnd: number, end: number, terminated: boolean): number {
    this.textPart(frame, bodyEnd);
    const interpolated = frame.parts.some((part) => part.kind === 'code');
    let value: string | undefined;
    if (!interpolated) value = frame.parts.length === 1 ? (frame.parts[0] as { value: string }).value : '';
    const token: ScriptToken = {
      kind: 'string',
      start: frame.start,
      end,
      text: this.text.slice(frame.start, end),
      newlineBefore: frame.newlineBefore,
      string: { form: frame.form, parts: frame.parts, interpolated, value, terminated },
    };
    frame.owner.tokens.push(token);
    return end;
  }

  private finishCode(frame: CodeFrame): PairedCode {
    const code = pairBrackets(frame.tokens);
    if (code.unbalanced) {
      const t = code.unbalanced;
      this.problem(
        'unbalanced-brackets',
        `'${t.text}' has no matching ${'([{'.includes(t.text) ? 'closing' : 'opening'} bracket`,
        t.start,
        t.end,
      );
    }
    const depth = code.depth + this.stack.length;
    if (depth > this.deepest) this.deepest = depth;
    if (code.tooDeep && (!this.deepAt || code.tooDeep.start < this.deepAt.start))
      this.deepAt = { start: code.tooDeep.start, end: code.tooDeep.end };
    return code;
  }

  /** A number literal from `start`: decimal, hex, binary, octal, with `_`, fraction, exponent and type suffix. */
  private number(start: number): number {
    const text = this.text;
    let p = start;
    const c1 = text.charCodeAt(p + 1);
    if (text.charCodeAt(p) === 48 && (c1 === 120 || c1 === 88) /* x */) {
      p += 2;
      while (isHexDigit(text.charCodeAt(p)) || text.charCodeAt(p) === 95) p++;
    } else if (text.charCodeAt(p) === 48 && (c1 === 98 || c1 === 66) /* b */) {
      p += 2;
      while (text.charCodeAt(p) === 48 || text.charCodeAt(p) === 49 || text.charCodeAt(p) === 95) p++;
    } else {
      while (isDigit(text.charCodeAt(p)) || text.charCodeAt(p) === 95) p++;
      if (text.charCodeAt(p) === 46 && isDigit(text.charCodeAt(p + 1))) {
        p++;
        while (isDigit(text.charCodeAt(p)) || text.charCodeAt(p) === 95) p++;
      }
      const e = text.charCodeAt(p);
      if (e === 101 || e === 69 /* e */) {
        let q = p + 1;
        if (text.charCodeAt(q) === 43 || text.charCodeAt(q) === 45) q++;
        if (isDigit(text.charCodeAt(q))) {
          p = q;
          while (isDigit(text.charCodeAt(p))) p++;
        }
      }
    }
    if ('gGlLiIdDfF'.includes(text.charAt(p)) && text.charAt(p) !== '' && !isIdentifierPart(text.charCodeAt(p + 1))) p++;
    return p;
  }
}
