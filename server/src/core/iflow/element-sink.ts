// What the two XML readers (well-formed-source.ts, saxes-source.ts) report
// to the iFlow reader: start and end tags with their offsets, and problems.
// One tag object per reader, refilled for every tag: a large iFlow has
// hundreds of thousands of elements, and an object each would be garbage.

/** A start tag at [start, end) in the text being read. */
export class StartTag {
  name = '';
  start = 0;
  end = 0;
  selfClosing = false;
  /** Identifies the element until its end tag (the XML reader's own token for it). */
  element: unknown = undefined;
  /** The parser holds no stray text from an earlier mistake. */
  nothingPending = true;

  constructor(
    /** The attributes of the tag being reported, decoded; only while it is. */
    readonly attributes: () => Record<string, string>,
  ) {}
}

/** The end of an element: by its own end tag at [start, end) when `ownTag`. */
export class EndTag {
  name = '';
  start = 0;
  end = 0;
  /** The `element` of its start tag. */
  element: unknown = undefined;
  nothingPending = true;
  /** saxes also ends elements without a tag of their own while it unwinds after a mistake. */
  ownTag = true;
}

/** A channel or property ended by its own end tag with nothing pending. */
export type CleanClose = 'channel' | 'property';

/** What the reader does with the elements and problems of a document. */
export interface ElementSink {
  open(tag: StartTag): void;
  /** Says what it took as closed cleanly, which revokeCleanClose can take back. */
  close(tag: EndTag): CleanClose | undefined;
  /** Takes back the last close's clean ending: saxes found its end tag unexpected after all. */
  revokeCleanClose(what: CleanClose): void;
  /** An end tag saxes could not match to an open element (it may still end a channel or property). */
  strayClose(name: string, start: number, end: number): void;
  problem(message: string, start: number, end: number): void;
}
