import type { LineIndex, Range } from '@cpi/common/text/range';
import { lastPairAtOrBefore } from '../text/runs';
import type { SourceText } from '../text/source-text';

/**
 * Element content decoded as an XML parser would (predefined and numeric
 * entities, CDATA, line-end normalisation), with the means to find the raw
 * offset of every decoded index. `offsets` is absent when decoding changed
 * nothing, which is the common case, so plain values cost no extra work.
 */
export interface DecodedXml {
  readonly text: string;
  /**
   * Pairs [decoded index, raw offset - rawStart], one per stretch of decoded
   * text that maps one-to-one onto the raw text; a reference or line end is a
   * stretch of its own. Relative to the content's start so a value moved by
   * an edit elsewhere keeps its table. Absent means rawStart + i.
   */
  readonly offsets?: readonly number[];
}

const AMP = 38; // &
const LT = 60; // <
const CR = 13;
const LF = 10;

// No prototype: `&constructor;` must stay an undefined entity, not find Object's constructor.
const PREDEFINED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
});

/**
 * Decodes `source[start, end)` as XML element content. Never expands
 * DTD-declared entities: an unknown reference such as `&e;` stays literal
 * (the XML parser reports it as a problem). Comments and processing
 * instructions are dropped; stray markup inside the content is skipped and
 * its text kept, which is what a tolerant reader wants from half-typed input.
 */
export function decodeXml(source: string, start: number, end: number): DecodedXml {
  // Searching a slice keeps every indexOf within the content (a search of
  // the whole file for a character that never comes would cost a scan per
  // value); the common plain value is three native scans and no copy.
  const raw = source.slice(start, end);
  let amp = raw.indexOf('&');
  let lt = raw.indexOf('<');
  let cr = raw.indexOf('\r');
  if (amp < 0 && lt < 0 && cr < 0) return { text: raw };

  // Indices below are in `raw`, i.e. relative to `start`. Runs record where
  // the one-to-one mapping restarts; consecutive raw text needs no new entry,
  // so a value with a few references has a few pairs.
  const n = raw.length;
  const runs: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  const mark = (rawIndex: number): void => {
    runs.push(length, rawIndex);
  };
  const literal = (from: number, to: number): void => {
    if (to <= from) return;
    mark(from);
    parts.push(raw.slice(from, to));
    length += to - from;
  };
  const emit = (decoded: string, rawIndex: number): void => {
    // Every character of a replacement maps to the start of what it replaced.
    for (let k = 0; k < decoded.length; k++) {
      mark(rawIndex);
      length++;
    }
    parts.push(decoded);
  };

  let i = 0;
  for (;;) {
    if (amp >= 0 && amp < i) amp = raw.indexOf('&', i);
    if (lt >= 0 && lt < i) lt = raw.indexOf('<', i);
    if (cr >= 0 && cr < i) cr = raw.indexOf('\r', i);
    let next = n;
    if (amp >= 0 && amp < next) next = amp;
    if (lt >= 0 && lt < next) next = lt;
    if (cr >= 0 && cr < next) next = cr;
    if (next >= n) break;
    const c = raw.charCodeAt(next);
    if (c === CR) {
      literal(runStart, next);
      emit('\n', next);
      i = next + (next + 1 < n && raw.charCodeAt(next + 1) === LF ? 2 : 1);
      runStart = i;
    } else if (c === AMP) {
      const semi = raw.indexOf(';', next + 1);
      const resolved = semi > next && semi - next <= 32 ? resolveEntity(raw.slice(next + 1, semi)) : undefined;
      i = next + 1;
      if (resolved === undefined) continue; // a bare "&" stays, as part of the run
      literal(runStart, next);
      emit(resolved, next);
      i = semi + 1;
      runStart = i;
    } else {
      literal(runStart, next);
      // Markers are looked for in the whole source, as saxes would.
      const at = start + next;
      if (source.startsWith('<![CDATA[', at)) {
        const close = findEnd(source, ']]>', at + 9, end) - start;
        appendCdata(raw, next + 9, close, literal, emit);
        i = Math.min(close + 3, n);
      } else if (source.startsWith('<!--', at)) {
        i = Math.min(findEnd(source, '-->', at + 4, end) + 3, end) - start;
      } else if (source.startsWith('<?', at)) {
        i = Math.min(findEnd(source, '?>', at + 2, end) + 2, end) - start;
      } else {
        i = Math.min(findEnd(source, '>', at + 1, end) + 1, end) - start;
      }
      runStart = i;
    }
  }
  literal(runStart, n);
  return { text: parts.join(''), offsets: runs.length > 0 ? runs : [0, 0] };
}

/** Raw offset of decoded index `index` (clamped to the text) under `runs`, relative to the content start. */
function rawOffsetIn(runs: readonly number[] | undefined, index: number): number {
  if (!runs) return index;
  const run = lastPairAtOrBefore(runs, index);
  return runs[run + 1] + (index - runs[run]);
}

/**
 * Just the decoded text of `source[start, end)`, as decodeXml would give it.
 * Content with references but no markup or line ends (escaped XML in a
 * value, the usual reason for references) is decoded by one regular
 * expression pass, several times faster than decodeXml's general loop.
 */
export function decodeXmlText(source: string, start: number, end: number): string {
  return decodeAs(contentKind(source, start, end), source, start, end);
}

/** The decoded text of `source[start, end)`, whose contentKind is `kind`. */
function decodeAs(kind: number, source: string, start: number, end: number): string {
  if (kind === PLAIN) return source.slice(start, end);
  return kind === REFERENCES ? decodeReferences(source.slice(start, end)) : decodeXml(source, start, end).text;
}

const PLAIN = 0;
const REFERENCES = 1; // "&", but no markup or carriage return
const MARKUP = 2;

/** What decoding `source[start, end)` involves (PLAIN, REFERENCES or MARKUP). */
function contentKind(source: string, start: number, end: number): number {
  // Most values are short and plain: a loop over their characters costs
  // less than a native search per special character; long ones (scripts,
  // escaped XML) are searched natively.
  if (end - start > 64) {
    const raw = source.slice(start, end);
    if (raw.indexOf('<') >= 0 || raw.indexOf('\r') >= 0) return MARKUP;
    return raw.indexOf('&') >= 0 ? REFERENCES : PLAIN;
  }
  let kind = PLAIN;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === LT || c === CR) return MARKUP;
    if (c === AMP) kind = REFERENCES;
  }
  return kind;
}

/**
 * `raw` with its references resolved, read exactly as decodeXml does: at
 * each "&", the name up to the next ";" (at most 31 characters); what does
 * not resolve stays as written. Escaped XML in a value can hold a
 * reference every few characters, so the five predefined ones are
 * recognised character by character.
 */
function decodeReferences(raw: string): string {
  if (onlyPredefinedReferences(raw)) {
    // Native replacements build one flat string; the loop below builds a
    // tree of pieces that survives with the model. `&amp;` goes last so
    // that `&amp;lt;` stays `&lt;`.
    return raw.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  }
  let decoded = '';
  let copied = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', amp + 1)) {
    let replacement: string | undefined;
    let length = 0;
    const c = raw.charCodeAt(amp + 1);
    if ((c === 108 /* l */ || c === 103) /* g */ && raw.charCodeAt(amp + 2) === 116 /* t */ && raw.charCodeAt(amp + 3) === 59 /* ; */) {
      replacement = c === 108 ? '<' : '>';
      length = 4;
    } else if (c === 97 /* a */ && raw.startsWith('mp;', amp + 2)) {
      replacement = '&';
      length = 5;
    } else {
      const semi = raw.indexOf(';', amp + 1);
      if (semi > amp && semi - amp <= 32) {
        replacement = resolveEntity(raw.slice(amp + 1, semi));
        length = semi + 1 - amp;
      }
    }
    if (replacement === undefined) continue;
    decoded += raw.slice(copied, amp) + replacement;
    copied = amp + length;
    amp = copied - 1;
  }
  return decoded + raw.slice(copied);
}

/** Whether every "&" in `raw` starts one of `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` (what decodeReferences resolves them to is then certain). */
function onlyPredefinedReferences(raw: string): boolean {
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', amp + 1)) {
    const c = raw.charCodeAt(amp + 1);
    if (c === 108 /* l */ || c === 103 /* g */) {
      if (raw.charCodeAt(amp + 2) !== 116 /* t */ || raw.charCodeAt(amp + 3) !== 59 /* ; */) return false;
    } else if (c === 97 /* a */) {
      if (!raw.startsWith('mp;', amp + 2) && !raw.startsWith('pos;', amp + 2)) return false;
    } else if (c !== 113 /* q */ || !raw.startsWith('uot;', amp + 2)) {
      return false;
    }
  }
  return true;
}

function findEnd(source: string, marker: string, from: number, end: number): number {
  const at = source.indexOf(marker, from);
  return at < 0 || at > end ? end : at;
}

/** CDATA content is literal except for line-end normalisation: raw stretches between line ends, each "\r" or "\r\n" one "\n". */
function appendCdata(
  raw: string,
  from: number,
  to: number,
  literal: (from: number, to: number) => void,
  emit: (decoded: string, rawIndex: number) => void,
): void {
  let runStart = from;
  for (let k = raw.indexOf('\r', from); k >= 0 && k < to; k = raw.indexOf('\r', k + 1)) {
    literal(runStart, k);
    emit('\n', k);
    if (k + 1 < to && raw.charCodeAt(k + 1) === LF) k++;
    runStart = k + 1;
  }
  literal(runStart, to);
}

/** What `&name;` stands for, as saxes reads it (predefined names and character references), or undefined. */
export function resolveEntity(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) return PREDEFINED[name];
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Where a decoded value's raw text is, to build its offset table when first needed. */
interface RawContent {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  offsets?: readonly number[];
}

/**
 * A decoded value bound to its place in the file. The range, and for a
 * value that needed decoding the offset table, are computed on first use:
 * most values are never reported, and a large iFlow has tens of thousands.
 */
export class XmlSourceText implements SourceText {
  constructor(
    readonly text: string,
    readonly startOffset: number,
    /** Absent when the text is the raw text (decoded index i is raw offset start + i). */
    private readonly raw: RawContent | undefined,
    private readonly lines: LineIndex,
  ) {}

  get endOffset(): number {
    const raw = this.raw;
    return this.startOffset + (raw ? raw.end - raw.start : this.text.length);
  }

  /** Computed on each use: values are many and rarely reported, and a range is two binary searches. */
  get range(): Range {
    return this.lines.rangeOf(this.startOffset, this.endOffset);
  }

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    const raw = this.raw;
    const offsets = raw && (raw.offsets ??= decodeXml(raw.source, raw.start, raw.end).offsets);
    return this.startOffset + rawOffsetIn(offsets, Math.max(0, Math.floor(index)));
  }

  /** The same value `delta` characters further on in a new version of the file. */
  moved(delta: number, lines: LineIndex): XmlSourceText {
    return new XmlSourceText(this.text, this.startOffset + delta, this.raw, lines);
  }
}

/** Decodes `source[start, end)` and wraps it as a SourceText of the file `lines` indexes; `shift` turns offsets in `source` into file offsets. */
export function xmlSourceText(source: string, start: number, end: number, lines: LineIndex, shift = 0): XmlSourceText {
  const kind = contentKind(source, start, end);
  const text = decodeAs(kind, source, start, end);
  // Unchanged text (also one with a bare "&") maps one-to-one.
  const unchanged = kind === PLAIN || text === source.slice(start, end);
  return new XmlSourceText(text, start + shift, unchanged ? undefined : { source, start, end }, lines);
}
