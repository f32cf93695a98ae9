import type { LineIndex, Range } from '../text/range';
import type { SourceText } from '../text/source-text';
import type { IflowProperty } from './model';

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
 */
export class PropertyRecord implements IflowProperty {
  private cache: { keyRange?: Range; range?: Range; keyElementRange?: Range; valueElementRange?: Range } = {};

  constructor(
    readonly key: string,
    readonly value: SourceText | undefined,
    private readonly offsets: PropertyOffsets,
    private readonly lines: LineIndex,
  ) {}

  get keyRange(): Range {
    return (this.cache.keyRange ??= this.lines.rangeOf(this.offsets.keyStart, this.offsets.keyEnd));
  }

  get range(): Range {
    return (this.cache.range ??= this.lines.rangeOf(this.offsets.start, this.offsets.end));
  }

  get keyElementRange(): Range {
    return (this.cache.keyElementRange ??= this.lines.rangeOf(this.offsets.keyElementStart, this.offsets.keyElementEnd));
  }

  get valueElementRange(): Range | undefined {
    const { valueElementStart, valueElementEnd } = this.offsets;
    if (valueElementStart < 0) return undefined;
    return (this.cache.valueElementRange ??= this.lines.rangeOf(valueElementStart, valueElementEnd));
  }

  /** Plain data for logs and snapshots (getters are not own properties). */
  toJSON(): object {
    return { key: this.key, keyRange: this.keyRange, value: this.value && { text: this.value.text, range: this.value.range }, range: this.range };
  }
}
