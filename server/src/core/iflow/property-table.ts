import type { LineIndex } from '@cpi/common/text/range';
import { PropertyRecord, type PropertyOffsets } from './property-record';

/** Offsets kept per property, in PropertyOffsets order. */
const FIELDS = 10;

/**
 * The properties of one channel as keys and offsets, bound to no version of
 * the file. A channel that an edit elsewhere moves keeps its properties in
 * this form, shared by every later copy of the channel, and each copy makes
 * records bound to its own version only when a rule or hover asks for them.
 * Records bound to an older version would keep that version's text and line
 * index alive, and freeing those meant moving every record of the file
 * every few keystrokes; a table holds no text, so nothing ever has to move.
 * Values are decoded again from the copy's text when read (the channel's
 * text is unchanged, so they decode the same).
 */
export class PropertyTable {
  private constructor(
    private readonly keys: readonly string[],
    /** FIELDS offsets per property, relative to the channel's start; -1 stays -1 (no value). */
    private readonly offsets: Int32Array,
  ) {}

  /** The table of `properties`, whose offsets are file offsets in which the channel starts at `base`. */
  static of(properties: ReadonlyMap<string, PropertyRecord>, base: number): PropertyTable {
    const keys: string[] = [];
    const offsets = new Int32Array(properties.size * FIELDS);
    let at = 0;
    for (const [key, record] of properties) {
      keys.push(key);
      for (const offset of offsetsOf(record)) offsets[at++] = offset < 0 ? -1 : offset - base;
    }
    return new PropertyTable(keys, offsets);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Records bound to `lines`, in a version of the file where the channel starts at `base`. */
  records(base: number, lines: LineIndex): Map<string, PropertyRecord> {
    const records = new Map<string, PropertyRecord>();
    const o = this.offsets;
    for (let i = 0; i < this.keys.length; i++) {
      const at = i * FIELDS;
      const hasValue = o[at + 8] >= 0;
      const offsets: PropertyOffsets = {
        start: o[at],
        end: o[at + 1],
        keyStart: o[at + 2],
        keyEnd: o[at + 3],
        keyElementStart: o[at + 4],
        keyElementEnd: o[at + 5],
        valueStart: hasValue ? o[at + 6] : -1,
        valueEnd: hasValue ? o[at + 7] : -1,
        valueElementStart: hasValue ? o[at + 8] : -1,
        valueElementEnd: hasValue ? o[at + 9] : -1,
      };
      records.set(this.keys[i], new PropertyRecord(this.keys[i], offsets, base, lines));
    }
    return records;
  }
}

function offsetsOf(p: PropertyOffsets): number[] {
  return [
    p.start,
    p.end,
    p.keyStart,
    p.keyEnd,
    p.keyElementStart,
    p.keyElementEnd,
    p.valueStart,
    p.valueEnd,
    p.valueElementStart,
    p.valueElementEnd,
  ];
}
