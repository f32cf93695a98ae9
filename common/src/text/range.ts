// Positions and ranges in the LSP convention (0-based line, UTF-16 character),
// so the language server can pass them through unchanged. The core never
// imports LSP packages; these shapes are structurally identical.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps string offsets to positions for one text; built once per document.
 * The line starts are found on first use: a file without findings or
 * problems never needs them.
 */
export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(
    readonly text: string,
    /** Precomputed line starts of `text` (see afterChange). */
    lineStarts?: Uint32Array,
  ) {
    this.starts = lineStarts;
  }

  private get lineStarts(): Uint32Array {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /**
   * The index of `text`, a later version of this index's text that differs
   * only in [start, oldEnd), now [start, newEnd). Line starts before the
   * change are copied and those after it shifted; only the changed stretch
   * is searched, so a small edit to a large file costs a copy, not a scan.
   * `read` gives text[from, to): a caller that has the text elsewhere spares
   * reading this (possibly joined) string character by character, which
   * would make V8 copy all of it into one.
   */
  afterChange(
    text: string,
    start: number,
    oldEnd: number,
    newEnd: number,
    read: (from: number, to: number) => string = (from, to) => text.slice(from, to),
  ): LineIndex {
    const old = this.starts;
    if (!old) return new LineIndex(text); // never needed so far: stay lazy
    const delta = newEnd - oldEnd;
    // A line starts at s because of the characters at s - 1 and s: starts
    // below `start` are unaffected, those above `oldEnd` only move.
    const kept = firstAtLeast(old, Math.max(1, start));
    const moved = firstAtLeast(old, oldEnd + 1);
    const found: number[] = [];
    const from = Math.max(0, start - 1);
    const stretch = read(from, newEnd + 1); // one more: a "\r" at the end needs the character after it
    for (let i = 0; i < newEnd - from; i++) {
      const c = stretch.charCodeAt(i);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && stretch.charCodeAt(i + 1) !== 10)) found.push(from + i + 1);
    }
    const starts = new Uint32Array(kept + found.length + (old.length - moved));
    starts.set(old.subarray(0, kept));
    let at = kept;
    for (const lineStart of found) starts[at++] = lineStart;
    for (let i = moved; i < old.length; i++) starts[at++] = old[i] + delta;
    return new LineIndex(text, starts);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineAt(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineEnd = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Index of the first entry >= value in ascending `values` (values.length when none). */
/** The line holding `offset`: the last of `lineStarts` (ascending, the first 0) at or before it. */
export function lineAt(lineStarts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function firstAtLeast(values: Uint32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Offsets where lines start. Line ends are found with indexOf, several
 * times faster than a loop over every character, and kept in a typed array
 * that doubles as needed (half the time of pushing onto a plain array). A
 * text without '\r' (most files) needs only the '\n' search.
 */
function lineStartsOf(text: string): Uint32Array {
  let starts = new Uint32Array(Math.max(16, text.length >> 6));
  let count = 1; // starts[0] = 0
  const add = (start: number) => {
    if (count === starts.length) {
      const grown = new Uint32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = start;
  };
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) add(at + 1);
    return starts.subarray(0, count);
  }
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // "\r\n" ends one line, at the "\n"; a lone "\r" ends a line itself.
      if (cr + 1 !== lf) add(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      add(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts.subarray(0, count);
}

export function containsPosition(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character
  );
}
