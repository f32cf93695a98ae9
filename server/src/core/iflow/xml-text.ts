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
const LT = 60; // <
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
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === AMP || c === LT || c === CR) break;
    i++;
  }
  if (i >= end) return { text: source.slice(start, end) };

  // Runs record where the one-to-one mapping restarts; consecutive raw text
  // needs no new entry, so a value with a few references has a few pairs.
  const runs: number[] = [0, 0];
  const parts: string[] = [source.slice(start, i)];
  let length = i - start;
  let runStart = i;
  const mark = (rawOffset: number): void => {
    runs.push(length, rawOffset - start);
  };
  const flushRun = (runEnd: number): void => {
    if (runEnd <= runStart) return;
    mark(runStart);
    parts.push(source.slice(runStart, runEnd));
    length += runEnd - runStart;
  };
  const emit = (decoded: string, rawOffset: number): void => {
    // Every character of a replacement maps to the start of what it replaced.
    for (let k = 0; k < decoded.length; k++) {
      mark(rawOffset);
      length++;
    }
    parts.push(decoded);
  };

  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === CR) {
      flushRun(i);
      emit('\n', i);
      i += i + 1 < end && source.charCodeAt(i + 1) === LF ? 2 : 1;
      runStart = i;
    } else if (c === AMP) {
      const semi = source.indexOf(';', i + 1);
      const resolved = semi > i && semi < end && semi - i <= 32 ? resolveEntity(source.slice(i + 1, semi)) : undefined;
      if (resolved === undefined) {
        i++;
        continue;
      }
      flushRun(i);
      emit(resolved, i);
      i = semi + 1;
      runStart = i;
    } else if (c === LT) {
      flushRun(i);
      if (source.startsWith('<![CDATA[', i)) {
        const contentStart = i + 9;
        const close = findEnd(source, ']]>', contentStart, end);
        appendCdata(source, contentStart, close, (from, to) => {
          runStart = from;
          flushRun(to);
        }, emit);
        i = Math.min(close + 3, end);
      } else if (source.startsWith('<!--', i)) {
        i = Math.min(findEnd(source, '-->', i + 4, end) + 3, end);
      } else if (source.startsWith('<?', i)) {
        i = Math.min(findEnd(source, '?>', i + 2, end) + 2, end);
      } else {
        i = Math.min(findEnd(source, '>', i + 1, end) + 1, end);
      }
      runStart = i;
    } else {
      i++;
    }
  }
  flushRun(end);
  return { text: parts.join(''), offsets: runs };
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
function appendCdata(source: string, from: number, to: number, literal: (from: number, to: number) => void, emit: (decoded: string, rawOffset: number) => void): void {
  let runStart = from;
  for (let k = source.indexOf('\r', from); k >= 0 && k < to; k = source.indexOf('\r', k + 1)) {
    literal(runStart, k);
    emit('\n', k);
    if (k + 1 < to && source.charCodeAt(k + 1) === LF) k++;
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
