// An open document whose text lives in one growable buffer, edited in place.
// vscode-languageserver-textdocument keeps the text as a JS string and makes
// a new one for every edit: on a 5 MB iFlow that is a concatenation V8
// flattens (copies) at the next read, 13-20 ms per keystroke on a loaded
// machine, all of it on the V8 heap. Here an edit moves the buffer's tail
// and the text is decoded only when asked for, once per version; Node hands
// a large decoded text out as an external string (its characters outside
// the V8 heap), which costs a plain memory copy and nothing to the garbage
// collector's copying.
//
// Even that copy is made only now and then: the text of a new version is
// put together from slices of the last decoded one and the inserted texts
// (V8 joins them without copying), and the analysis reads the few stretches
// it needs of a version through `slice`, which decodes them from the buffer
// instead of making V8 copy the joined text into one. A 5 MB copy per
// keystroke was most of the memory an edit took, and what brought on full
// garbage collections every few edits.
//
// Positions and line offsets behave exactly as the library's (including how
// it treats a CRLF an edit splits or joins); open-document.test.ts checks
// this against the library with random edits.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/iflow/incremental';

/** Code units of the text: one byte each while all are Latin-1, else two (UTF-16LE). */
type Encoding = 'latin1' | 'utf16le';

const CR = 13;
const LF = 10;
/** Room left for growth when the buffer is (re)allocated. */
const SLACK = 64 * 1024;
const NOT_LATIN1 = /[^\u0000-\u00ff]/;
/** Ranged changes remembered for changeSince: more than an analysis ever lags behind by. */
const CHANGES_KEPT = 64;
/** Pieces a text may be joined from before the next version is decoded afresh (each is a small object to V8). */
const MAX_PIECES = 48;
/** Earlier versions whose pieces are kept for sliceAt: the analysis reads the version it read last. */
const EARLIER_KEPT = 4;

export class OpenDocument implements TextDocument {
  private buffer: Buffer;
  private encoding: Encoding;
  private length: number;
  /** The text of this version, once asked for: decoded, or joined from `pieces`. */
  private text: string | undefined;
  /** The text of this version as slices of the last decoded text and inserted texts; undefined when it is to be decoded. */
  private pieces: string[] | undefined;
  /** Whether `text` was decoded (or given) whole, rather than joined: only then is reading it character by character cheap. */
  private flat = false;
  /** The pieces of the latest earlier versions, by change count (see sliceAt). */
  private readonly earlier = new Map<number, readonly string[]>();
  private lineOffsets: number[] | undefined;
  private changes = 0;
  /** The latest ranged changes, oldest first; `recent[i]` is change number `changes - recent.length + i + 1`. */
  private readonly recent: TextChange[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.encoding = 'latin1';
    this.buffer = Buffer.alloc(0);
    this.length = 0;
    this.reset(content);
  }

  /** TextDocuments' create: a new document. */
  static create(uri: string, languageId: string, version: number, content: string): OpenDocument {
    return new OpenDocument(uri, languageId, version, content);
  }

  /** TextDocuments' update: applies `changes` in order, each to the text the previous one left. */
  static update(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): OpenDocument {
    if (!(document instanceof OpenDocument)) throw new Error('OpenDocument.update: the document was not made by OpenDocument.create');
    document.update(changes, version);
    return document;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  /** How many changes were applied so far: tells whether anything kept about the text is still current. */
  get changeCount(): number {
    return this.changes;
  }

  /**
   * The one stretch that covers every change since the document had seen
   * `count` changes (changeCount then): [start, oldEnd) of that text is
   * [start, newEnd) of this one, and the text around it is the same; an
   * empty stretch when nothing changed. Undefined when that is not known
   * (a change replaced the whole text, or it lies too far back): the
   * caller compares the texts instead. It may be wider than the stretch
   * that really differs (typing and deleting a character gives the
   * character's place, not nothing), never narrower.
   */
  changeSince(count: number): TextChange | undefined {
    const behind = this.changes - count;
    if (behind < 0 || behind > this.recent.length) return undefined;
    let merged: TextChange | undefined;
    for (let i = this.recent.length - behind; i < this.recent.length; i++) {
      const next = this.recent[i];
      merged = merged ? mergedChanges(merged, next) : next;
    }
    return merged ?? { start: 0, oldEnd: 0, newEnd: 0 };
  }

  /**
   * slice() of the version the document had after `count` changes: this one
   * or one of the latest before it; undefined when that version is not kept.
   */
  sliceAt(count: number, start: number, end: number): string | undefined {
    if (count === this.changes) return this.slice(start, end);
    const pieces = this.earlier.get(count);
    return pieces && slicePieces(pieces, start, end);
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.text !== undefined) return this.text;
    if (this.pieces) return (this.text = joined(this.pieces));
    return this.decoded();
  }

  /**
   * The text in [start, end) (clamped, as String.prototype.substring), read
   * without decoding the whole text, nor making V8 copy a joined one into one
   * string (which reading any character of it would).
   */
  slice(start: number, end: number): string {
    let from = Math.max(0, Math.min(start, this.length));
    let to = Math.max(0, Math.min(end, this.length));
    if (to < from) [from, to] = [to, from];
    return this.text !== undefined && this.flat ? this.text.substring(from, to) : this.decode(from, to);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      this.changes++;
      if (isIncremental(change)) this.remember(this.applyRange(change.range, change.text));
      else if (isFull(change)) {
        this.reset(change.text);
        this.recent.length = 0; // no stretch covers a replaced text
      } else throw new Error('Unknown change event received');
    }
    this.currentVersion = version;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    // substring, as the library: the same result also for the offsets a range past the end leaves
    return this.slice(this.beforeEol(next, lineOffsets[line]), next);
  }

  private reset(content: string): void {
    this.encoding = NOT_LATIN1.test(content) ? 'utf16le' : 'latin1';
    const unit = this.unit;
    this.buffer = Buffer.allocUnsafe(content.length * unit + SLACK);
    this.buffer.write(content, 0, content.length * unit, this.encoding);
    this.length = content.length;
    this.text = content;
    this.pieces = content.length > 0 ? [content] : [];
    this.flat = true;
    this.lineOffsets = undefined;
  }

  /** The whole text decoded afresh: the base of the next versions' pieces. */
  private decoded(): string {
    const text = this.decode(0, this.length);
    this.text = text;
    this.pieces = text.length > 0 ? [text] : [];
    this.flat = true;
    return text;
  }

  private remember(change: TextChange): void {
    if (this.recent.length === CHANGES_KEPT) this.recent.shift();
    this.recent.push(change);
  }

  /** Replaces the range with `inserted`, keeping line offsets up to date as the library does; returns the offsets it changed. */
  private applyRange(given: Range, inserted: string): TextChange {
    const range = wellFormed(given);
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    this.splice(startOffset, endOffset, inserted);
    const insertedEnd = startOffset + inserted.length;
    const change = { start: startOffset, oldEnd: endOffset, newEnd: insertedEnd };
    const crlfAtStart = this.codeAt(startOffset - 1) === CR && this.codeAt(startOffset) === LF;
    const crlfAtEnd = this.codeAt(insertedEnd - 1) === CR && this.codeAt(insertedEnd) === LF;
    if (crlfAtStart || crlfAtEnd) {
      this.lineOffsets = undefined; // a line break was split or joined: counted afresh when next needed
      return change;
    }
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    let lineOffsets = this.lineOffsets!; // computed by offsetAt above
    const added = lineOffsetsOf(inserted, false, startOffset);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
    } else if (added.length < 10000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      // too many arguments for splice
      this.lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
    }
    const diff = inserted.length - (endOffset - startOffset);
    if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] += diff;
    return change;
  }

  /** The text's [start, end) becomes `inserted`: the tail moves within the buffer, which grows when full. */
  private splice(start: number, end: number, inserted: string): void {
    if (this.encoding === 'latin1' && NOT_LATIN1.test(inserted)) this.widen();
    const unit = this.unit;
    const length = this.length - (end - start) + inserted.length;
    if (length * unit > this.buffer.length) {
      const grown = Buffer.allocUnsafe(length * unit + Math.max(SLACK, length >> 3) * unit);
      this.buffer.copy(grown, 0, 0, this.length * unit);
      this.buffer = grown;
    }
    this.buffer.copyWithin((start + inserted.length) * unit, end * unit, this.length * unit);
    if (inserted.length > 0) this.buffer.write(inserted, start * unit, inserted.length * unit, this.encoding);
    this.length = length;
    this.text = undefined;
    this.flat = false;
    if (this.pieces) {
      // the version before this change (update counted it already)
      this.earlier.set(this.changes - 1, this.pieces);
    }
    for (const count of this.earlier.keys()) if (count < this.changes - EARLIER_KEPT) this.earlier.delete(count);
    const pieces = this.pieces && replaced(this.pieces, start, end, inserted);
    this.pieces = pieces && pieces.length <= MAX_PIECES ? pieces : undefined;
  }

  /** From one byte per code unit to two: a character beyond Latin-1 was typed. */
  private widen(): void {
    const text = this.flatText(); // the text and line offsets stay as they are
    this.encoding = 'utf16le';
    this.buffer = Buffer.allocUnsafe(text.length * 2 + SLACK * 2);
    this.buffer.write(text, 0, text.length * 2, 'utf16le');
  }

  private get unit(): number {
    return this.encoding === 'latin1' ? 1 : 2;
  }

  private decode(start: number, end: number): string {
    return this.buffer.toString(this.encoding, start * this.unit, end * this.unit);
  }

  /** The code unit at `index`; NaN outside the text, as String.prototype.charCodeAt. */
  private codeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    return this.encoding === 'latin1' ? this.buffer[index] : this.buffer.readUInt16LE(index * 2);
  }

  private getLineOffsets(): number[] {
    return (this.lineOffsets ??= lineOffsetsOf(this.flatText(), true));
  }

  /** The text as one string, to be read character by character: decoded rather than a joined text copied by V8. */
  private flatText(): string {
    return this.text !== undefined && this.flat ? this.text : this.decoded();
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.codeAt(offset - 1))) offset--;
    return offset;
  }
}

/** Offsets (plus `textOffset`) at which a line starts after a CR, LF or CRLF in `text`; with 0 first when `atLineStart`. */
function lineOffsetsOf(text: string, atLineStart: boolean, textOffset = 0): number[] {
  const result = atLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isEol(code)) {
      if (code === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

/** The text of `pieces` with [start, end) replaced by `inserted`, as pieces: slices of the old ones, which V8 makes without copying. */
function replaced(pieces: readonly string[], start: number, end: number, inserted: string): string[] {
  const result: string[] = [];
  let placed = inserted.length === 0;
  let at = 0;
  for (const piece of pieces) {
    const pieceEnd = at + piece.length;
    if (pieceEnd <= start) result.push(piece);
    else {
      if (at < start) result.push(piece.slice(0, start - at));
      if (pieceEnd > end) {
        if (!placed) result.push(inserted);
        placed = true;
        result.push(at >= end ? piece : piece.slice(end - at));
      }
    }
    at = pieceEnd;
  }
  if (!placed) result.push(inserted);
  return result;
}

/** [start, end) of the text of `pieces` (clamped, as String.prototype.substring), made of slices of them. */
function slicePieces(pieces: readonly string[], start: number, end: number): string {
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  let from = Math.max(0, Math.min(start, length));
  let to = Math.max(0, Math.min(end, length));
  if (to < from) [from, to] = [to, from];
  let result = '';
  let at = 0;
  for (const piece of pieces) {
    const pieceEnd = at + piece.length;
    if (pieceEnd > from && at < to) result += piece.slice(Math.max(0, from - at), Math.min(piece.length, to - at));
    if (pieceEnd >= to) break;
    at = pieceEnd;
  }
  return result;
}

/** The pieces as one string: V8 joins strings of a dozen characters or more without copying them. */
function joined(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/**
 * `first` then `second` (whose offsets are in the text `first` left) as one
 * stretch of the text before both: from the earlier start to the later end,
 * that end taken in the text between them and mapped out to either side.
 */
function mergedChanges(first: TextChange, second: TextChange): TextChange {
  const end = Math.max(first.newEnd, second.oldEnd);
  return {
    start: Math.min(first.start, second.start),
    oldEnd: end - (first.newEnd - first.oldEnd),
    newEnd: end + (second.newEnd - second.oldEnd),
  };
}

function isEol(code: number): boolean {
  return code === CR || code === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; rangeLength?: number; text: string } {
  const candidate = change as { range?: Range; rangeLength?: number; text?: unknown };
  return (
    typeof candidate.text === 'string' &&
    candidate.range !== undefined &&
    (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number')
  );
}

function isFull(change: TextDocumentContentChangeEvent): change is { text: string } {
  const candidate = change as { range?: Range; rangeLength?: number; text?: unknown };
  return typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
}
