import type { Range } from '../text/range';
import type { SourceText } from '../text/source-text';

/**
 * A SourceText whose decoded characters each remember the raw offset they
 * were decoded from. Without `offsets` the text is taken to be undecoded, so
 * index i sits at startOffset + i (most values have no escapes at all).
 */
export class MappedSourceText implements SourceText {
  constructor(
    readonly text: string,
    readonly range: Range,
    readonly startOffset: number,
    readonly endOffset: number,
    /** Raw offset of the first raw character behind each decoded character. */
    private readonly offsets?: readonly number[],
  ) {}

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    if (index <= 0) return this.startOffset;
    return this.offsets ? this.offsets[index] : this.startOffset + index;
  }
}
