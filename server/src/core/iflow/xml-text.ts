import type { LineIndex, Range } from '../text/range';
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
const CR = 13;
const LF = 10;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

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
export function rawOffsetIn(runs: readonly number[] | undefined, index: number): number {
  if (!runs) return index;
  // Binary search for the last run starting at or before `index`.
  let low = 0;
  let high = (runs.length >> 1) - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid << 1] <= index) low = mid;
    else high = mid - 1;
  }
  return runs[(low << 1) + 1] + (index - runs[low << 1]);
}

/** Just the decoded text (keys, cells); no offsets kept for plain content. */
export function decodeXmlText(source: string, start: number, end: number): string {
  return decodeXml(source, start, end).text;
}

function findEnd(source: string, marker: string, from: number, end: number): number {
  const at = source.indexOf(marker, from);
  return at < 0 || at > end ? end : at;
}

/** CDATA content is literal except for line-end normalisation: raw stretches between line ends, each "\r" or "\r\n" one "\n". */
function appendCdata(raw: string, from: number, to: number, literal: (from: number, to: number) => void, emit: (decoded: string, rawIndex: number) => void): void {
  let runStart = from;
  for (let k = raw.indexOf('\r', from); k >= 0 && k < to; k = raw.indexOf('\r', k + 1)) {
    literal(runStart, k);
    emit('\n', k);
    if (k + 1 < to && raw.charCodeAt(k + 1) === LF) k++;
    runStart = k + 1;
  }
  literal(runStart, to);
}

function resolveEntity(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) return PREDEFINED[name];
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * A decoded value bound to its place in the file. The range is computed on
 * first use: most values are never reported, and a large iFlow has tens of
 * thousands of them.
 */
export class XmlSourceText implements SourceText {
  private cachedRange: Range | undefined;

  constructor(
    readonly text: string,
    readonly startOffset: number,
    readonly endOffset: number,
    private readonly runs: readonly number[] | undefined,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.startOffset, this.endOffset));
  }

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    return this.startOffset + rawOffsetIn(this.runs, Math.max(0, Math.floor(index)));
  }

  /** The same value `delta` characters further on in a new version of the file. */
  moved(delta: number, lines: LineIndex): XmlSourceText {
    return new XmlSourceText(this.text, this.startOffset + delta, this.endOffset + delta, this.runs, lines);
  }
}

/** Decodes `source[start, end)` and wraps it as a SourceText of that file; `shift` turns offsets in `source` into file offsets. */
export function xmlSourceText(source: string, start: number, end: number, lines: LineIndex, shift = 0): XmlSourceText {
  const decoded = decodeXml(source, start, end);
  return new XmlSourceText(decoded.text, start + shift, end + shift, decoded.offsets, lines);
}
