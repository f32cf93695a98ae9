// The UTF-8 size of each open document, kept up to date through its edits.
// The size limit is checked before every analysis, and measuring a 5 MB text
// afresh scans all of it (a millisecond or more per keystroke); an edit only
// changes the size by what it removed and inserted.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OpenDocument } from './open-document';

export class DocumentSizes {
  /**
   * The size known per document, with the document's change count it is
   * for (a weak map: closed documents take theirs along). The count, not
   * the text, tells whether it is current: the text is decoded only when read.
   */
  private readonly known = new WeakMap<TextDocument, { changes: number; bytes: number }>();

  /** OpenDocument's create and update, the update also moving the document's known size along. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: OpenDocument.create,
      update: (document, changes, version) => {
        if (!(document instanceof OpenDocument)) throw new Error('DocumentSizes: the document was not made by OpenDocument.create');
        const size = this.known.get(document);
        if (!size || size.changes !== document.changeCount) {
          this.known.delete(document);
          return OpenDocument.update(document, changes, version);
        }
        let bytes = size.bytes;
        for (const change of changes) {
          // changes apply one after the other, each to the text the previous one left
          if ('range' in change) bytes += this.applyRange(document, change, version);
          else {
            OpenDocument.update(document, [change], version);
            bytes = Buffer.byteLength(change.text);
          }
        }
        this.known.set(document, { changes: document.changeCount, bytes });
        return document;
      },
    };
  }

  /** The UTF-8 size of `text` when it is the document's current text, measured once and then kept up to date. */
  utf8Size(document: TextDocument, text: string): number {
    const changes = document instanceof OpenDocument ? document.changeCount : -1;
    const size = this.known.get(document);
    if (size && size.changes === changes && changes >= 0 && text === document.getText()) return size.bytes;
    const bytes = Buffer.byteLength(text);
    if (changes >= 0 && text === document.getText()) this.known.set(document, { changes, bytes });
    return bytes;
  }

  /**
   * Applies one ranged change and returns how many bytes it added. The
   * stretch measured before and after reaches one character beyond the
   * change on each side: a surrogate pair the edit splits or joins lies
   * within it, and one cut by its edge is cut the same way both times.
   */
  private applyRange(document: OpenDocument, change: { range: Range; text: string }, version: number): number {
    let start = document.offsetAt(change.range.start);
    let end = document.offsetAt(change.range.end);
    if (end < start) [start, end] = [end, start];
    const from = Math.max(0, start - 1);
    const to = end + 1; // slice clamps it to the text's end
    const before = Buffer.byteLength(document.slice(from, to));
    OpenDocument.update(document, [change as TextDocumentContentChangeEvent], version);
    const after = Buffer.byteLength(document.slice(from, to + change.text.length - (end - start)));
    return after - before;
  }
}
