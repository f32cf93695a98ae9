import type { Range } from '@cpi/common/text/range';

/**
 * A piece of decoded text taken from a file, with the means to map any index
 * of the decoded text back to an offset in the raw file. Decoding (XML
 * entities, Java-properties escapes and continuations) changes lengths, and
 * fixes must still edit exactly the raw characters behind a decoded slice.
 */
export interface SourceText {
  /** Decoded text, as the runtime sees it. */
  readonly text: string;
  /** Range of the raw text in its file (the whole encoded value). */
  readonly range: Range;
  /** Raw file offset of the start of the value. */
  readonly startOffset: number;
  /** Raw file offset just past the end of the value. */
  readonly endOffset: number;
  /**
   * Raw file offset for a decoded index in [0, text.length]. Index
   * text.length maps to endOffset.
   */
  sourceOffsetAt(index: number): number;
}
