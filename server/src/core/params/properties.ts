import { LineIndex, type Range } from '@cpi/common/text/range';
import { lastPairAtOrBefore } from '../text/runs';
import { MappedSourceText } from './mapped-text';
import type { ParameterEntry, ParameterFile, ParameterProblem } from './model';

// Reads parameters.prop with the syntax of java.util.Properties#load, which is
// what the runtime uses: logical lines (a line ending in an odd number of
// backslashes continues on the next, minus that line's leading whitespace),
// `#`/`!` comment lines, key terminators `=`, `:` or whitespace, and escapes.
// Every decoded character keeps the raw offset it came from, so fixes can
// edit exactly the characters behind a decoded slice.

/** Enough to show what is wrong; a hostile file could otherwise hold millions. */
const MAX_PROBLEMS = 100;

/** One logical line: its characters (continuations removed) and where they sat in the file. */
interface LogicalLine {
  readonly chars: string;
  /**
   * Pairs [index in chars, raw offset], one per physical line that
   * contributed characters: index i of the piece starting at pair [c, o]
   * sat at raw offset o + (i - c). Per-character offsets would cost
   * gigabytes on a 50 MB line.
   */
  readonly pieces: readonly number[];
  /** Raw offset just past the line's last character (a dangling continuation backslash included). */
  readonly rawEnd: number;
}

interface Decoded {
  readonly text: string;
  /** Runs as MappedSourceText takes them; absent when the text is the raw text of one piece. */
  readonly runs?: number[];
}

/** `lines` may be passed when the caller already indexes `text` (ranges need only one index). */
export function readParameters(text: string, lines: LineIndex = new LineIndex(text)): ParameterFile {
  const all: ParameterEntry[] = [];
  const entries = new Map<string, ParameterEntry>();
  const problems: ParameterProblem[] = [];
  const unescaper = new Unescaper(lines, problems);
  // Lines are read one at a time and entries kept small: a file of millions of tiny lines must fit in memory.
  for (const line of logicalLines(text)) {
    const entry = readEntry(line, lines, unescaper);
    all.push(entry);
    entries.set(entry.key, entry);
  }
  return { entries, all, problems };
}

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BACKSLASH = 92;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === FF;
}

function isLineEnd(c: number): boolean {
  return c === LF || c === CR;
}

function* logicalLines(text: string): Generator<LogicalLine> {
  const n = text.length;
  // The next "\n" and "\r" at or after the last search start: each is searched
  // for again only once passed, so finding line ends stays linear.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  const lineEnd = (from: number): number => {
    if (lf >= 0 && lf < from) lf = text.indexOf('\n', from);
    if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
    return Math.min(lf < 0 ? n : lf, cr < 0 ? n : cr);
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first key
  while (i < n) {
    // Blank lines and leading whitespace separate logical lines.
    while (i < n && (isBlank(text.charCodeAt(i)) || isLineEnd(text.charCodeAt(i)))) i++;
    if (i >= n) break;
    const first = text.charCodeAt(i);
    if (first === 35 /* # */ || first === 33 /* ! */) {
      // A comment ends with its natural line, even after a trailing backslash.
      i = lineEnd(i);
      continue;
    }
    // Pieces are joined once at the end: appending and then dropping the
    // continuation backslash would copy the line so far for every piece.
    const parts: string[] = [];
    const pieces: number[] = [];
    let length = 0;
    let rawEnd = i;
    for (;;) {
      const start = i;
      const end = lineEnd(i);
      let backslashes = 0;
      while (end - backslashes > start && text.charCodeAt(end - backslashes - 1) === BACKSLASH) backslashes++;
      const continued = backslashes % 2 === 1;
      // Continuation: drop the backslash, the line break and the next line's indentation.
      const kept = continued ? end - 1 : end;
      if (kept > start) {
        pieces.push(length, start);
        parts.push(text.slice(start, kept));
        length += kept - start;
      }
      if (end > start) rawEnd = end;
      i = end;
      if (!continued || i >= n) break;
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      // An empty or whitespace-only continuation line ends the logical line.
      if (i >= n || isLineEnd(text.charCodeAt(i))) break;
    }
    if (length > 0) yield { chars: parts.length === 1 ? parts[0] : parts.join(''), pieces, rawEnd };
  }
}

/** Raw offset of chars[index] of a logical line. */
function rawOffset(line: LogicalLine, index: number): number {
  const at = line.pieces.length === 2 ? 0 : lastPairAtOrBefore(line.pieces, index);
  return line.pieces[at + 1] + (index - line.pieces[at]);
}

function readEntry(line: LogicalLine, lines: LineIndex, unescaper: Unescaper): ParameterEntry {
  const { chars, rawEnd } = line;
  const len = chars.length;
  let keyEnd = 0;
  let valueStart = len;
  let hasSeparator = false;
  let escaped = false;
  while (keyEnd < len) {
    const c = chars.charCodeAt(keyEnd);
    if (!escaped && (c === 61 /* = */ || c === 58) /* : */) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (!escaped && isBlank(c)) {
      valueStart = keyEnd + 1;
      break;
    }
    escaped = c === BACKSLASH ? !escaped : false;
    keyEnd++;
  }
  // Whitespace around the separator, and one `=`/`:` after whitespace, belong to neither side.
  while (valueStart < len) {
    const c = chars.charCodeAt(valueStart);
    if (!isBlank(c)) {
      if (hasSeparator || (c !== 61 /* = */ && c !== 58) /* : */) break;
      hasSeparator = true;
    }
    valueStart++;
  }

  const key = unescaper.decode(line, 0, keyEnd);
  const value = unescaper.decode(line, valueStart, len);
  const keyStartOffset = rawOffset(line, 0);
  const keyEndOffset = keyEnd > 0 ? rawOffset(line, keyEnd - 1) + 1 : keyStartOffset;
  const valueStartOffset = valueStart < len ? rawOffset(line, valueStart) : rawEnd;
  return new ParameterRecord(
    key.text,
    keyStartOffset,
    keyEndOffset,
    { text: value.text, runs: value.runs, start: valueStartOffset, end: rawEnd },
    lines,
  );
}

/**
 * A ParameterEntry holding offsets: its ranges are computed on each use and
 * its value object made on first use, since a file may hold millions of
 * entries (a megabytes-long run of tiny lines) while rules read a few.
 */
class ParameterRecord implements ParameterEntry {
  private mapped: MappedSourceText | undefined;

  private readonly valueText: string;
  private readonly valueRuns: number[] | undefined;
  private readonly valueStart: number;
  private readonly valueEnd: number;

  constructor(
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    value: Decoded & { readonly start: number; readonly end: number },
    private readonly lines: LineIndex,
  ) {
    this.valueText = value.text;
    this.valueRuns = value.runs;
    this.valueStart = value.start;
    this.valueEnd = value.end;
  }

  get value(): MappedSourceText {
    return (this.mapped ??= new MappedSourceText(this.valueText, this.lines, this.valueStart, this.valueEnd, this.valueRuns));
  }

  get keyRange(): Range {
    return this.lines.rangeOf(this.keyStart, this.keyEnd);
  }

  get range(): Range {
    return this.lines.rangeOf(this.keyStart, this.valueEnd);
  }

  /** Plain data for logs and snapshots (getters are not own properties). */
  toJSON(): object {
    return { key: this.key, keyRange: this.keyRange, value: { text: this.value.text, range: this.value.range }, range: this.range };
  }
}

const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/**
 * Unescapes parts of logical lines, keeping where each character came from.
 * One per file (methods, not closures made per value: it runs twice for
 * every entry, and a file may hold millions).
 */
class Unescaper {
  private parts: string[] = [];
  private runs: number[] = [];
  private length = 0;

  constructor(
    private readonly lines: LineIndex,
    private readonly problems: ParameterProblem[],
  ) {}

  /**
   * chars[from, to) of `line`, unescaped. Text between escapes is copied in
   * slices, not character by character: values can be megabytes long.
   */
  decode(line: LogicalLine, from: number, to: number): Decoded {
    const { chars } = line;
    this.parts = [];
    this.runs = [];
    this.length = 0;
    let plain = from; // start of the raw stretch not yet copied
    let j = from;
    for (;;) {
      const slash = chars.indexOf('\\', j);
      if (slash < 0 || slash >= to) break;
      j = slash + 1;
      if (j >= to) {
        // a lone trailing backslash means nothing
        this.copy(line, plain, slash);
        plain = to;
        break;
      }
      const next = chars[j++];
      if (next !== 'u') {
        this.copy(line, plain, slash);
        this.escape(line, CONTROL_ESCAPES[next] ?? next, slash); // unknown escapes just drop the backslash
        plain = j;
        continue;
      }
      const hex = chars.slice(j, Math.min(j + 4, to));
      if (hex.length === 4 && /^[0-9a-fA-F]{4}$/.test(hex)) {
        this.copy(line, plain, slash);
        this.escape(line, String.fromCharCode(parseInt(hex, 16)), slash);
        j += 4;
        plain = j;
      } else if (this.problems.length < MAX_PROBLEMS) {
        // Java refuses the whole file here; keeping the raw `\u` (as part of the
        // stretch being copied) lets the rest still count.
        const problemEnd = j + 4 <= to ? rawOffset(line, j + 3) + 1 : rawOffset(line, to - 1) + 1;
        this.problems.push({
          message: 'Malformed \\uXXXX escape: expected four hexadecimal digits after \\u.',
          range: this.lines.rangeOf(rawOffset(line, slash), problemEnd),
        });
      }
    }
    this.copy(line, plain, to);
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    // One run from the first character: the raw text of one piece, no table needed.
    return this.runs.length <= 2 ? { text } : { text, runs: this.runs };
  }

  /** Copies chars[a, b) as they are: a run where it starts and at every piece that starts inside it. */
  private copy(line: LogicalLine, a: number, b: number): void {
    if (b <= a) return;
    const { pieces } = line;
    let at = lastPairAtOrBefore(pieces, a);
    this.runs.push(this.length, pieces[at + 1] + (a - pieces[at]));
    for (at += 2; at < pieces.length && pieces[at] < b; at += 2) this.runs.push(this.length + pieces[at] - a, pieces[at + 1]);
    this.parts.push(line.chars.slice(a, b));
    this.length += b - a;
  }

  /** One decoded character standing for the escape at chars[at]. */
  private escape(line: LogicalLine, decoded: string, at: number): void {
    this.runs.push(this.length, rawOffset(line, at));
    this.parts.push(decoded);
    this.length += 1;
  }
}

/**
 * Escapes a value the way java.util.Properties#store writes it (and SAP's
 * parameters.prop looks): `\`, `=`, `:`, `#`, `!` get a backslash, a leading
 * space becomes `\ `, control characters their letter escape, and anything
 * outside printable ASCII `\uXXXX`. Reading the result gives the value back.
 */
export function escapePropertyValue(value: string): string {
  return escapeProperty(value, false);
}

/** Like escapePropertyValue, but every space is escaped, as keys need. */
export function escapePropertyKey(key: string): string {
  return escapeProperty(key, true);
}

function escapeProperty(s: string, escapeAllSpaces: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === ' ') out += i === 0 || escapeAllSpaces ? '\\ ' : ' ';
    else if (c === '\\' || c === '=' || c === ':' || c === '#' || c === '!') out += '\\' + c;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out;
}
