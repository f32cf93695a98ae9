// acorn's tokens turned into the script model's: a template literal becomes
// one string token whose `${…}` parts hold their own code (as Groovy's
// GStrings do), so rules read both languages the same way.

import { tokTypes as tt, type Token } from 'acorn';
import { pairBrackets, type PairedCode } from '../brackets';
import type { ScriptCode, ScriptStringPart, ScriptToken, ScriptTokenKind } from '../model';

interface CodeFrame {
  readonly kind: 'code';
  readonly tokens: ScriptToken[];
  readonly start: number;
  readonly template?: TemplateFrame;
}

interface TemplateFrame {
  readonly kind: 'template';
  readonly start: number;
  readonly newlineBefore: boolean;
  readonly owner: CodeFrame;
  readonly parts: ScriptStringPart[];
}

export interface ConvertedTokens {
  readonly code: ScriptCode;
  /** The deepest bracket nesting of any block. */
  readonly depth: number;
  /** A bracket without a partner (only reported when the parser found nothing else wrong). */
  readonly unbalanced?: ScriptToken;
}

/**
 * An acorn token, or a stretch the tokenizer could not read (kept so tokens
 * cover the text). `resumesTemplate` marks a `}` (or, in broken code, a `)`)
 * after which the tokenizer went back to a template's text: acorn's own
 * view, which decides where it sees comments, so templates end where it says.
 */
export type RawToken =
  | (Token & { readonly resumesTemplate?: boolean })
  | { readonly invalid: true; readonly start: number; readonly end: number; readonly string?: boolean };

export function convertTokens(text: string, raw: readonly RawToken[]): ConvertedTokens {
  const root: CodeFrame = { kind: 'code', tokens: [], start: 0 };
  const stack: (CodeFrame | TemplateFrame)[] = [root];
  let depth = 0;
  let unbalanced: ScriptToken | undefined;
  let lastEnd = 0;
  const finish = (frame: CodeFrame): PairedCode => {
    const paired = pairBrackets(frame.tokens);
    depth = Math.max(depth, paired.depth + stack.length);
    unbalanced ??= paired.unbalanced;
    return paired;
  };
  const closeTemplate = (frame: TemplateFrame, end: number, terminated: boolean) => {
    const interpolated = frame.parts.some((part) => part.kind === 'code');
    const texts = frame.parts.filter((part) => part.kind === 'text');
    frame.owner.tokens.push({
      kind: 'string',
      start: frame.start,
      end,
      text: text.slice(frame.start, end),
      newlineBefore: frame.newlineBefore,
      string: {
        form: 'template',
        parts: frame.parts,
        interpolated,
        value: interpolated ? undefined : texts.map((p) => p.value).join(''),
        terminated,
      },
    });
  };

  for (const token of raw) {
    // The end token, and empty template chunks the tokenizer reports after a broken template.
    if (token.end <= token.start) continue;
    const newlineBefore = hasLineBreak(text, lastEnd, token.start);
    lastEnd = token.end;
    const top = stack[stack.length - 1];
    if ('invalid' in token) {
      // Unreadable text inside a template's literal part: the template ends there, unterminated.
      if (top.kind === 'template') {
        stack.pop();
        closeTemplate(top, token.start, false);
      }
      (stack[stack.length - 1] as CodeFrame).tokens.push(invalidToken(text, token, newlineBefore));
      continue;
    }
    const type = token.type;
    if (top.kind === 'template') {
      if (type === tt.template || type === tt.invalidTemplate) {
        if (token.end > token.start) top.parts.push({ kind: 'text', start: token.start, end: token.end, value: cooked(text, token) });
        continue;
      }
      if (type === tt.dollarBraceL) {
        stack.push({ kind: 'code', tokens: [], start: token.end, template: top });
        depth = Math.max(depth, stack.length);
        continue;
      }
      // The closing backquote (or anything else: the template ends there).
      stack.pop();
      closeTemplate(top, type === tt.backQuote ? token.end : token.start, type === tt.backQuote);
      if (type === tt.backQuote) continue;
    }
    const frame = stack[stack.length - 1] as CodeFrame;
    if (type === tt.backQuote) {
      stack.push({ kind: 'template', start: token.start, newlineBefore, owner: frame, parts: [] });
      depth = Math.max(depth, stack.length);
      continue;
    }
    if (token.resumesTemplate && frame.template) {
      // The interpolation ends here; a `)` that acorn let close it (broken code) stays one of its tokens.
      stack.pop();
      if (type !== tt.braceR) frame.tokens.push(scriptToken(text, token, newlineBefore));
      const end = type === tt.braceR ? token.start : token.end;
      frame.template.parts.push({ kind: 'code', start: frame.start, end, form: 'block', code: finish(frame) });
      continue;
    }
    frame.tokens.push(scriptToken(text, token, newlineBefore));
  }
  // Templates or interpolations still open at the end (only in text that did not parse).
  while (stack.length > 1) {
    const top = stack.pop()!;
    if (top.kind === 'template') closeTemplate(top, text.length, false);
    else top.template!.parts.push({ kind: 'code', start: top.start, end: text.length, form: 'block', code: finish(top) });
  }
  const code = finish(root);
  return { code, depth, unbalanced };
}

function scriptToken(text: string, token: Token, newlineBefore: boolean): ScriptToken {
  const { start, end, type } = token;
  const raw = text.slice(start, end);
  if (type === tt.string) {
    const value = String((token as { value?: unknown }).value ?? '');
    return {
      kind: 'string',
      start,
      end,
      text: raw,
      newlineBefore,
      string: {
        form: raw.startsWith("'") ? 'single' : 'double',
        parts: [{ kind: 'text', start: start + 1, end: end - 1, value }],
        interpolated: false,
        value,
        terminated: true,
      },
    };
  }
  return { kind: kindOf(token), start, end, text: raw, newlineBefore };
}

function kindOf(token: Token): ScriptTokenKind {
  const type = token.type;
  // Template text outside a template: what is left of one the tokenizer could not follow.
  if (type === tt.template || type === tt.invalidTemplate) return 'invalid';
  if (type === tt.name || type === tt.privateId) return 'identifier';
  if (type.keyword !== undefined) return 'keyword';
  if (type === tt.num) return 'number';
  if (type === tt.regexp) return 'regex';
  return 'punctuation';
}

function invalidToken(text: string, token: { start: number; end: number; string?: boolean }, newlineBefore: boolean): ScriptToken {
  const raw = text.slice(token.start, token.end);
  if (!token.string) return { kind: 'invalid', start: token.start, end: token.end, text: raw, newlineBefore };
  // An unterminated '…' or "…": its text up to the line end, escapes left as written.
  const body = raw.slice(1);
  return {
    kind: 'string',
    start: token.start,
    end: token.end,
    text: raw,
    newlineBefore,
    string: {
      form: raw.startsWith("'") ? 'single' : 'double',
      parts: body ? [{ kind: 'text', start: token.start + 1, end: token.end, value: body }] : [],
      interpolated: false,
      value: body,
      terminated: false,
    },
  };
}

/** A template chunk's value with escapes resolved (acorn gives null for an invalid escape: then as written). */
function cooked(text: string, token: Token): string {
  const value = (token as { value?: unknown }).value;
  return typeof value === 'string' ? value : text.slice(token.start, token.end);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
