// Drives the iFlow reader (reader.ts) with saxes, for whatever the fast
// reader (well-formed.ts) gives up on: broken, half-typed or unusual XML.
// saxes keeps going after every mistake; this module turns its events and
// its quirks after a mistake into plain element events and problems.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EndTag, StartTag, type CleanClose, type ElementSink } from './element-sink';

export function readWithSaxes(text: string, sink: ElementSink): void {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  // saxes keeps the text of a close tag it could not match in its buffer, and
  // outside the root nothing clears it, so it leaks into the next attribute
  // value. A text handler would clear it but costs a string per text node;
  // clearing the buffer only after such an error is cheap. (saxes 6 field.)
  let staleText = false;
  const saxesText = (): string => (parser as unknown as { text: string }).text;
  const startTag: StartTag = new StartTag(() => (startTag.element as SaxesTagPlain).attributes);
  const endTag = new EndTag();
  // saxes pops its tags one by one while looking for the one a close tag
  // names, and reports each that is not it right after popping it: an element
  // popped so was not closed by its own close tag, whatever the text there.
  let lastCleanClose: CleanClose | undefined;

  parser.on('opentagstart', (tag) => {
    if (staleText) {
      (parser as unknown as { text: string }).text = '';
      staleText = false;
    }
    // The position is past the name and the one character that ended it.
    const guess = parser.position - tag.name.length - 2;
    startTag.start = text.charCodeAt(guess) === 60 /* < */ ? guess : Math.max(0, text.lastIndexOf('<', guess));
  });

  parser.on('opentag', (tag) => {
    startTag.name = tag.name;
    startTag.end = parser.position;
    startTag.selfClosing = tag.isSelfClosing;
    startTag.element = tag;
    startTag.nothingPending = saxesText() === '';
    sink.open(startTag);
  });

  parser.on('closetag', (tag) => {
    lastCleanClose = undefined;
    if (tag.isSelfClosing) return; // ended with its start tag
    const end = parser.position;
    const start = Math.max(0, text.lastIndexOf('<', end - 1));
    endTag.name = tag.name;
    endTag.start = start;
    endTag.end = end;
    endTag.element = tag;
    endTag.nothingPending = saxesText() === '';
    // Closes that saxes invents while unwinding after an error have no tag of their own.
    endTag.ownTag = isCloseTagOf(text, start, tag.name);
    lastCleanClose = sink.close(endTag);
  });

  // saxes reports every problem through `fail`, a public method meant to be
  // called (and here replaced) by its users. Replacing it rather than
  // listening to 'error' events skips building an Error with a formatted
  // message per problem, which on garbage input is one per character.
  parser.fail = function (message: string) {
    const position = parser.position;
    let start = Math.max(0, position - 1);
    if (lastCleanClose && message === 'unexpected close tag.') sink.revokeCleanClose(lastCleanClose);
    lastCleanClose = undefined;
    if (message.startsWith('unmatched closing tag: ')) {
      // saxes drops a close tag it cannot match; it may still close our channel or property.
      staleText = true;
      start = Math.max(0, text.lastIndexOf('<', position - 1));
      sink.strayClose(message.slice(23, message.endsWith('.') ? -1 : undefined), start, position);
    } else if (message === 'weird empty close tag.') {
      // saxes keeps "</>" in its buffer too.
      staleText = true;
    } else if (message.endsWith('entity.')) {
      // Point at the whole reference, e.g. "&host;".
      const amp = text.lastIndexOf('&', position - 1);
      if (amp >= 0 && position - amp <= 64) start = amp;
    }
    sink.problem(message, start, position);
    return this;
  };

  try {
    parser.write(text).close();
  } catch (error) {
    // saxes reports through `fail`; this only guards against surprises.
    sink.problem(`XML reader stopped: ${(error as Error).message}`, text.length, text.length);
  }
}

/** Whether `text` at `start` really is `</name>` (possibly with white space before `>`). */
function isCloseTagOf(text: string, start: number, name: string): boolean {
  if (text.charCodeAt(start + 1) !== 47 /* / */ || !text.startsWith(name, start + 2)) return false;
  const next = text.charCodeAt(start + 2 + name.length);
  return next === 62 /* > */ || next === 32 || next === 9 || next === 10 || next === 13;
}
