import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSizes } from '../../server/src/lsp/document-sizes';

// The open document's UTF-8 size is moved along by each edit instead of
// measured afresh; it must always equal a fresh measurement, also when an
// edit splits or joins a surrogate pair or a CRLF.

const PIECES = ['a', 'é', '€', '😀', '\uD83D', '\uDE00', '\r', '\n', '\r\n', '<', 'xyz'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('lsp: DocumentSizes', () => {
  it('keeps the UTF-8 size equal to a fresh measurement through any sequence of edits', () => {
    const edit = fc.record({ a: fc.nat(), b: fc.nat(), insert: text, full: fc.boolean().map((full) => full && Math.random() < 0.1) });
    fc.assert(
      fc.property(text, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (initial, batches) => {
        const sizes = new DocumentSizes();
        const documents = sizes.documents();
        let document = documents.create('file:///x.iflw', 'cpi-iflow', 1, initial);
        assert.equal(sizes.utf8Size(document, document.getText()), Buffer.byteLength(initial));
        let version = 1;
        for (const batch of batches) {
          // ranges are taken on the text as each change finds it, as LSP orders them
          const expected = TextDocument.create('file:///y.iflw', 'cpi-iflow', version, document.getText());
          const changes = batch.map(({ a, b, insert, full }) => {
            if (full) {
              TextDocument.update(expected, [{ text: insert }], version + 1);
              return { text: insert };
            }
            const length = expected.getText().length;
            const range = { start: expected.positionAt(a % (length + 1)), end: expected.positionAt(b % (length + 1)) };
            TextDocument.update(expected, [{ range, text: insert }], version + 1);
            return { range, text: insert };
          });
          document = documents.update(document, changes, ++version);
          assert.equal(document.getText(), expected.getText());
          assert.equal(sizes.utf8Size(document, document.getText()), Buffer.byteLength(document.getText()));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("measures a text that is not the document's current one", () => {
    const sizes = new DocumentSizes();
    const document = sizes.documents().create('file:///x.iflw', 'cpi-iflow', 1, 'aé');
    assert.equal(sizes.utf8Size(document, document.getText()), 3);
    assert.equal(sizes.utf8Size(document, 'a€😀'), 8);
  });
});
