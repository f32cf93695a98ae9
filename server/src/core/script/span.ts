// Token spans: a run of tokens of one code block, the unit rules hand
// around (an argument, a statement, a closure body).

import type { ScriptCode, ScriptModel, ScriptToken } from './model';

/** Tokens [start, end) of one code block. Empty when start === end. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

/** Offsets in the text covered by a span (an empty span sits where its start token would be). */
export function spanOffsets(code: ScriptCode, span: TokenSpan): { start: number; end: number } {
  const tokens = code.tokens;
  if (span.end <= span.start) {
    const at = tokens[span.start]?.start ?? tokens[tokens.length - 1]?.end ?? 0;
    return { start: at, end: at };
  }
  return { start: tokens[span.start].start, end: tokens[span.end - 1].end };
}

/** The source text of a span, comments and spacing included. */
export function spanText(model: ScriptModel, code: ScriptCode, span: TokenSpan): string {
  const { start, end } = spanOffsets(code, span);
  return model.text.slice(start, end);
}

/** The tokens inside a bracket pair (open bracket index), exclusive of the brackets. */
export function inside(code: ScriptCode, open: number): TokenSpan {
  const close = code.pair[open];
  return { start: open + 1, end: close < 0 ? code.tokens.length : close };
}

/**
 * The index after the token at `index` at its own bracket level: past the
 * whole group when it is an opening bracket.
 */
export function skip(code: ScriptCode, index: number): number {
  const close = code.pair[index];
  return close > index ? close + 1 : index + 1;
}

/** Indices of the tokens of a span that sit at the span's own level (nested groups skipped as their opener). */
export function* levelTokens(code: ScriptCode, span: TokenSpan): Generator<number> {
  for (let i = span.start; i < span.end; i = skip(code, i)) yield i;
}

/** Splits a span at its top-level commas (an argument list, a map or list literal). A trailing comma adds no empty element. */
export function splitAtCommas(code: ScriptCode, span: TokenSpan): TokenSpan[] {
  const parts: TokenSpan[] = [];
  let from = span.start;
  const tokens = code.tokens;
  // The loop of levelTokens without a generator: every call's arguments pass here.
  for (let i = span.start; i < span.end; i = skip(code, i)) {
    const t = tokens[i];
    if (t.kind === 'punctuation' && t.text === ',') {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  if (from < span.end) parts.push({ start: from, end: Math.min(span.end, code.tokens.length) });
  return parts;
}

/** `name: value` (a named argument or map entry): the key's text and the value's span. */
export function namedEntry(
  code: ScriptCode,
  span: TokenSpan,
): { readonly key: string; readonly keyIndex: number; readonly value: TokenSpan } | undefined {
  const first: ScriptToken | undefined = code.tokens[span.start];
  const colon = code.tokens[span.start + 1];
  if (!first || span.end - span.start < 3 || colon.kind !== 'punctuation' || colon.text !== ':') return undefined;
  let key: string | undefined;
  if (first.kind === 'identifier' || first.kind === 'keyword') key = first.text;
  else if (first.kind === 'string' && first.string && !first.string.interpolated) key = first.string.value;
  if (key === undefined) return undefined;
  return { key, keyIndex: span.start, value: { start: span.start + 2, end: span.end } };
}
