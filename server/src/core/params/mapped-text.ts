import type { LineIndex, Range } from '@cpi/common/text/range';
import { lastPairAtOrBefore } from '../text/runs';
import type { SourceText } from '../text/source-text';

/**
 * A SourceText whose decoded characters each remember the raw offset they
 * were decoded from. Without `runs` the text is taken to be undecoded, so
 * index i sits at startOffset + i (most values have no escapes at all).
 * The range is worked out when asked for: a file can hold millions of
 * values, and only those with findings need one.
 */
export class MappedSourceText implements SourceText {
  constructor(
    readonly text: string,
    /** The line index of the file the offsets are in. */
    private readonly lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
    /**
     * Pairs [decoded index, raw offset], ascending, one per stretch that maps
     * one-to-one onto the raw text (an escape is a stretch of its own, and so
     * is each continued line): decoded index i of the stretch starting at
     * [d, o] came from raw offset o + (i - d).
     */
    private readonly runs?: readonly number[],
  ) {}

  get range(): Range {
    return this.lines.rangeOf(this.startOffset, this.endOffset);
  }

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    if (index <= 0) return this.startOffset;
    const runs = this.runs;
    if (!runs) return this.startOffset + Math.floor(index);
    const run = lastPairAtOrBefore(runs, index);
    return runs[run + 1] + Math.floor(index - runs[run]);
  }
}
