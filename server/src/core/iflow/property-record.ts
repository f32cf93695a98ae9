import type { LineIndex, Range } from '@cpi/common/text/range';
import type { IflowProperty } from './model';
import { xmlSourceText, type XmlSourceText } from './xml-text';

/** File offsets of one `ifl:property` and its `key` / `value` elements. */
export interface PropertyOffsets {
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly keyElementStart: number;
  readonly keyElementEnd: number;
  /** Content of the `<value>` element; -1 when the property has none. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** -1 when the property has no `<value>` element. */
  readonly valueElementStart: number;
  readonly valueElementEnd: number;
}

/**
 * An IflowProperty holding offsets, its ranges computed on each use: rules
 * read keys and values of every property but ranges only of the few they
 * report. A large iFlow has tens of thousands of records, so they are kept
 * small (plain fields, no cache): what survives a minor garbage collection
 * is copied, and that copying is much of the time a large file takes.
 */
export class PropertyRecord implements IflowProperty, PropertyOffsets {
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly keyElementStart: number;
  readonly keyElementEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly valueElementStart: number;
  readonly valueElementEnd: number;
  /**
   * The value once decoded; most are never read (rules look at a few keys).
   * Given up front for a property read from a fragment (an incremental
   * update), so its strings are slices of that small fragment: taken from
   * the file's text, they would keep that whole version of the file alive
   * for as long as the channel lives on, unchanged, in later versions.
   */
  private decoded: XmlSourceText | undefined;

  /** `offsets` plus `shift` are file offsets (the reader's draft, or the record being moved). */
  constructor(
    readonly key: string,
    offsets: PropertyOffsets,
    shift: number,
    private readonly lines: LineIndex,
    decoded?: XmlSourceText,
  ) {
    this.decoded = decoded;
    this.start = offsets.start + shift;
    this.end = offsets.end + shift;
    this.keyStart = offsets.keyStart + shift;
    this.keyEnd = offsets.keyEnd + shift;
    this.keyElementStart = offsets.keyElementStart + shift;
    this.keyElementEnd = offsets.keyElementEnd + shift;
    const hasValue = offsets.valueElementStart >= 0;
    this.valueStart = hasValue ? offsets.valueStart + shift : -1;
    this.valueEnd = hasValue ? offsets.valueEnd + shift : -1;
    this.valueElementStart = hasValue ? offsets.valueElementStart + shift : -1;
    this.valueElementEnd = hasValue ? offsets.valueElementEnd + shift : -1;
  }

  /** Decoded from the file text on first use (the line index holds the version these offsets are in). */
  get value(): XmlSourceText | undefined {
    if (this.valueStart < 0) return undefined;
    return (this.decoded ??= xmlSourceText(this.lines.text, this.valueStart, this.valueEnd, this.lines));
  }

  get keyRange(): Range {
    return this.lines.rangeOf(this.keyStart, this.keyEnd);
  }

  get range(): Range {
    return this.lines.rangeOf(this.start, this.end);
  }

  get keyElementRange(): Range {
    return this.lines.rangeOf(this.keyElementStart, this.keyElementEnd);
  }

  get valueElementRange(): Range | undefined {
    return this.valueElementStart < 0 ? undefined : this.lines.rangeOf(this.valueElementStart, this.valueElementEnd);
  }

  /** The line index its ranges and value are read with: it keeps that version of the text alive. */
  get boundTo(): LineIndex {
    return this.lines;
  }

  /** The same property `delta` characters further on in a new version of the file. */
  moved(delta: number, lines: LineIndex): PropertyRecord {
    return new PropertyRecord(this.key, this, delta, lines, this.decoded?.moved(delta, lines));
  }

  /** Plain data for logs and snapshots (getters are not own properties). */
  toJSON(): object {
    return {
      key: this.key,
      keyRange: this.keyRange,
      value: this.value && { text: this.value.text, range: this.value.range },
      range: this.range,
    };
  }
}
