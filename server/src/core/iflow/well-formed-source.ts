// Drives the iFlow reader (reader.ts) with the fast reader (well-formed.ts).
// It accepts only XML that saxes reads without a problem, so every element
// it reports is closed by its own end tag with nothing pending.
import { EndTag, StartTag, type ElementSink } from './element-sink';
import { scanWellFormed } from './well-formed';

/** Reads `text` into `sink`; false (possibly after some elements) when the fast reader gives up on it. */
export function readWellFormed(text: string, sink: ElementSink): boolean {
  let attributesOf: () => Record<string, string>;
  const startTag = new StartTag(() => attributesOf());
  const endTag = new EndTag();
  return scanWellFormed(text, {
    open(name, start, end, selfClosing, attributes) {
      attributesOf = attributes;
      startTag.name = name;
      startTag.start = start;
      startTag.end = end;
      startTag.selfClosing = selfClosing;
      // an element is known by where its start tag begins (see close)
      startTag.element = start;
      sink.open(startTag);
    },
    close(name, start, end, openedAt) {
      endTag.name = name;
      endTag.start = start;
      endTag.end = end;
      endTag.element = openedAt;
      sink.close(endTag);
    },
  });
}
