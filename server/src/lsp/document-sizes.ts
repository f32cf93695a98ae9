// The UTF-8 size of each open document, kept up to date through its edits.
// The size limit is checked before every analysis, and measuring a 5 MB text
// afresh scans all of it (a millisecond or more per keystroke); an edit only
// changes the size by what it removed and inserted.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { Range, TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export class DocumentSizes {
  /** The text whose size is known, per document (a weak map: closed documents take theirs along). */
  private readonly known = new WeakMap<TextDocument, { text: string; bytes: number }>();

  /** TextDocument's create and update, the update also moving the document's known size along. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: TextDocument.create,
      update: (document, changes, version) => {
        let size = this.known.get(document);
        if (!size || size.text !== document.getText()) {
          this.known.delete(document);
          return TextDocument.update(document, changes, version);
        }
        let bytes = size.bytes;
        for (const change of changes) {
          // changes apply one after the other, each to the text the previous one left
          if ('range' in change) bytes += this.applyRange(document, change, version);
          else {
            TextDocument.update(document, [change], version);
            bytes = Buffer.byteLength(change.text);
          }
        }
        size = { text: document.getText(), bytes };
        this.known.set(document, size);
        return document;
      },
    };
  }

  /** The UTF-8 size of `text` when it is the document's current text, measured once and then kept up to date. */
  utf8Size(document: TextDocument, text: string): number {
    const size = this.known.get(document);
    if (size && size.text === text) return size.bytes;
    const bytes = Buffer.byteLength(text);
    this.known.set(document, { text, bytes });
    return bytes;
  }

  /**
   * Applies one ranged change and returns how many bytes it added. The
   * stretch measured before and after reaches one character beyond the
   * change on each side: a surrogate pair the edit splits or joins lies
   * within it, and one cut by its edge is cut the same way both times.
   */
  private applyRange(document: TextDocument, change: { range: Range; text: string }, version: number): number {
    const old = document.getText();
    let start = document.offsetAt(change.range.start);
    let end = document.offsetAt(change.range.end);
    if (end < start) [start, end] = [end, start];
    const from = Math.max(0, start - 1);
    const to = Math.min(old.length, end + 1);
    const before = Buffer.byteLength(old.slice(from, to));
    TextDocument.update(document, [change as TextDocumentContentChangeEvent], version);
    const after = Buffer.byteLength(document.getText().slice(from, to + change.text.length - (end - start)));
    return after - before;
  }
}
