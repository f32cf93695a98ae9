import type { LineIndex, Range } from '../text/range';
import type { SourceText } from '../text/source-text';

/**
 * Element content decoded as an XML parser would (predefined and numeric
 * entities, CDATA, line-end normalisation), with the raw offset of every
 * decoded index. `offsets` is absent when decoding changed nothing, which is
 * the common case, so plain values cost no per-character work.
 */
export interface DecodedXml {
  readonly text: string;
  /** offsets[i] = raw offset of decoded index i; absent means rawStart + i. */
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

  const offsets: number[] = [];
  for (let k = start; k < i; k++) offsets.push(k);
  let text = source.slice(start, i);
  let runStart = i;

  const flushRun = (runEnd: number): void => {
    if (runEnd <= runStart) return;
    text += source.slice(runStart, runEnd);
    for (let k = runStart; k < runEnd; k++) offsets.push(k);
  };

  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === CR) {
      flushRun(i);
      text += '\n';
      offsets.push(i);
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
      text += resolved;
      for (let k = 0; k < resolved.length; k++) offsets.push(i);
      i = semi + 1;
      runStart = i;
    } else if (c === LT) {
      flushRun(i);
      if (source.startsWith('<![CDATA[', i)) {
        const contentStart = i + 9;
        const close = findEnd(source, ']]>', contentStart, end);
        appendCdata(source, contentStart, close, (s, at) => {
          text += s;
          offsets.push(at);
        });
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
  return { text, offsets };
}

/** Just the decoded text (keys, cells); no offsets kept for plain content. */
export function decodeXmlText(source: string, start: number, end: number): string {
  return decodeXml(source, start, end).text;
}

function findEnd(source: string, marker: string, from: number, end: number): number {
  const at = source.indexOf(marker, from);
  return at < 0 || at > end ? end : at;
}

/** CDATA content is literal except for line-end normalisation. */
function appendCdata(source: string, from: number, to: number, emit: (s: string, at: number) => void): void {
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (c === CR) {
      emit('\n', k);
      if (k + 1 < to && source.charCodeAt(k + 1) === LF) k++;
    } else {
      emit(source[k], k);
    }
  }
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
class XmlSourceText implements SourceText {
  private cachedRange: Range | undefined;

  constructor(
    readonly text: string,
    readonly startOffset: number,
    readonly endOffset: number,
    private readonly offsets: readonly number[] | undefined,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.startOffset, this.endOffset));
  }

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    const i = Math.max(0, Math.floor(index));
    return this.offsets ? this.offsets[i] : this.startOffset + i;
  }
}

/** Decodes `source[start, end)` and wraps it as a SourceText of that file. */
export function xmlSourceText(source: string, start: number, end: number, lines: LineIndex): SourceText {
  const decoded = decodeXml(source, start, end);
  return new XmlSourceText(decoded.text, start, end, decoded.offsets, lines);
}
