// Splits a decoded value into the parts that matter for resolution:
// literal text, `{{name}}` references, `${...}` runtime expressions and
// template placeholders such as `<SFTP_Hostname>`, `<<your server>>` or
// `&lt;Ariba API Host&gt;` (SAP's package templates ship both spellings in
// parameters.prop, the latter XML-escaped).

export type ValuePart =
  | { readonly kind: 'literal'; readonly start: number; readonly end: number }
  | { readonly kind: 'reference'; readonly start: number; readonly end: number; readonly name: string }
  | { readonly kind: 'expression'; readonly start: number; readonly end: number; readonly inner: string }
  | { readonly kind: 'placeholder'; readonly start: number; readonly end: number; readonly inner: string };

/** Placeholders are short prose; a longer run is not one (and bounds the scan). */
const MAX_PLACEHOLDER = 512;
/** Parameter names are short too; the cap keeps a page of unclosed `{{` linear. */
const MAX_NAME = 1024;
/** `<<<x>>>` at most; more openers are literal text. */
const MAX_BRACKETS = 3;

/**
 * Parts of `text` in order; consecutive literal characters form one part.
 * `{{name}}` is recognised only when `references` is set: the runtime does
 * not substitute again inside a parameter's value.
 */
export function splitValue(text: string, references: boolean): ValuePart[] {
  const parts: ValuePart[] = [];
  const closers = new ClosingFinder(text);
  let literalStart = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (end > literalStart) parts.push({ kind: 'literal', start: literalStart, end });
  };
  while (i < text.length) {
    const special = (references && referenceAt(text, i, closers)) || expressionAt(text, i, closers) || placeholderAt(text, i);
    if (!special) {
      i++;
      continue;
    }
    flush(special.start);
    parts.push(special);
    i = special.end;
    literalStart = i;
  }
  flush(text.length);
  return parts;
}

/**
 * Finds the next `}` or `}}`, remembering the last answer: an unclosed
 * `{{` or `${` repeated thousands of times must not make the scan quadratic.
 */
class ClosingFinder {
  private readonly last = new Map<string, { from: number; index: number }>();

  constructor(private readonly text: string) {}

  next(closer: string, from: number): number {
    const last = this.last.get(closer);
    // The first match at or after an earlier start is also the first after `from`, if it lies ahead.
    if (last && last.from <= from && (last.index < 0 || last.index >= from)) return last.index;
    const index = this.text.indexOf(closer, from);
    this.last.set(closer, { from, index });
    return index;
  }
}

function referenceAt(text: string, i: number, closers: ClosingFinder): ValuePart | undefined {
  if (text[i] !== '{' || text[i + 1] !== '{') return undefined;
  const close = closers.next('}}', i + 2);
  if (close < 0 || close - i > MAX_NAME) return undefined;
  const name = text.slice(i + 2, close);
  // A name is one non-empty line without braces closing it early.
  if (name === '' || /[}\r\n]/.test(name)) return undefined;
  return { kind: 'reference', start: i, end: close + 2, name };
}

function expressionAt(text: string, i: number, closers: ClosingFinder): ValuePart | undefined {
  if (text[i] !== '$' || text[i + 1] !== '{') return undefined;
  const close = closers.next('}', i + 2);
  if (close < 0) return undefined;
  return { kind: 'expression', start: i, end: close + 1, inner: text.slice(i + 2, close) };
}

function bracketAt(text: string, i: number, open: boolean): number {
  if (text[i] === (open ? '<' : '>')) return 1;
  return text.startsWith(open ? '&lt;' : '&gt;', i) ? 4 : 0;
}

function placeholderAt(text: string, i: number): ValuePart | undefined {
  const openers: number[] = [];
  let p = i;
  for (let width = bracketAt(text, p, true); width > 0 && openers.length < MAX_BRACKETS; width = bracketAt(text, p, true)) {
    openers.push(p);
    p += width;
  }
  if (openers.length === 0) return undefined;
  const contentStart = p;
  // Content: prose without brackets or line breaks. It may hold `${...}`
  // (a sample URL), but not `{{`, so references inside stay visible.
  // Not a tag close `</x>`, declaration `<?x`/`<!x`, or comparison `a < b`, `<=`.
  if (/^[\s/?!=]/.test(text[p] ?? ' ')) return undefined;
  while (p < text.length && p - contentStart <= MAX_PLACEHOLDER) {
    const c = text[p];
    if (c === '<' || c === '>' || c === '\r' || c === '\n') break;
    if (c === '&' && (text.startsWith('&lt;', p) || text.startsWith('&gt;', p))) break;
    if (c === '{' && text[p + 1] === '{') return undefined;
    p++;
  }
  if (p === contentStart || p - contentStart > MAX_PLACEHOLDER) return undefined;
  const contentEnd = p;
  let closers = 0;
  for (let width = bracketAt(text, p, false); width > 0 && closers < openers.length; width = bracketAt(text, p, false)) {
    closers++;
    p += width;
  }
  if (closers === 0) return undefined;
  // With fewer closers than openers the extra openers are literal text before the placeholder.
  const start = openers[openers.length - closers];
  return { kind: 'placeholder', start, end: p, inner: text.slice(contentStart, contentEnd) };
}
