import type { LineIndex, Range } from '../text/range';
import type { IflowProperty } from './model';
import type { XmlSourceText } from './xml-text';

/** Raw offsets of one `ifl:property` and its `key` / `value` elements. */
export interface PropertyOffsets {
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly keyElementStart: number;
  readonly keyElementEnd: number;
  /** -1 when the property has no `<value>` element. */
  readonly valueElementStart: number;
  readonly valueElementEnd: number;
}

/**
 * An IflowProperty whose ranges are computed on first use. Rules read keys
 * and values of every property but ranges only of the few they report.
 * Offsets are kept as read plus a `shift`, so moving a property after an
 * edit elsewhere in the file shares everything but the shift.
 */
export class PropertyRecord implements IflowProperty {
  private cachedKeyRange: Range | undefined;
  private cachedRange: Range | undefined;
  private cachedKeyElementRange: Range | undefined;
  private cachedValueElementRange: Range | undefined;

  constructor(
    readonly key: string,
    readonly value: XmlSourceText | undefined,
    private readonly offsets: PropertyOffsets,
    private readonly lines: LineIndex,
    private readonly shift = 0,
  ) {}

  /** Offset of the `<ifl:property` start tag in the file. */
  get start(): number {
    return this.offsets.start + this.shift;
  }

  get keyRange(): Range {
    return (this.cachedKeyRange ??= this.rangeOf(this.offsets.keyStart, this.offsets.keyEnd));
  }

  get range(): Range {
    return (this.cachedRange ??= this.rangeOf(this.offsets.start, this.offsets.end));
  }

  get keyElementRange(): Range {
    return (this.cachedKeyElementRange ??= this.rangeOf(this.offsets.keyElementStart, this.offsets.keyElementEnd));
  }

  get valueElementRange(): Range | undefined {
    const { valueElementStart, valueElementEnd } = this.offsets;
    if (valueElementStart < 0) return undefined;
    return (this.cachedValueElementRange ??= this.rangeOf(valueElementStart, valueElementEnd));
  }

  /** The same property `delta` characters further on in a new version of the file. */
  moved(delta: number, lines: LineIndex): PropertyRecord {
    return new PropertyRecord(this.key, this.value?.moved(delta, lines), this.offsets, lines, this.shift + delta);
  }

  /** Plain data for logs and snapshots (getters are not own properties). */
  toJSON(): object {
    return { key: this.key, keyRange: this.keyRange, value: this.value && { text: this.value.text, range: this.value.range }, range: this.range };
  }

  private rangeOf(start: number, end: number): Range {
    return this.lines.rangeOf(start + this.shift, end + this.shift);
  }
}
