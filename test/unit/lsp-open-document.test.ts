import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../server/src/lsp/open-document';

// OpenDocument keeps the text in a buffer edited in place instead of a new
// string per edit; everything the server reads of it must stay as the
// library's TextDocument has it, through any sequence of edits: the text,
// the line offsets (lineCount, line ranges, line breaks), positionAt and
// offsetAt, also when an edit splits or joins a CRLF or a surrogate pair,
// or types the first character beyond Latin-1.

const PIECES = ['a', 'é', 'ÿ', '€', '😀', '\uD83D', '\uDE00', '\r', '\n', '\r\n', '<', 'xyz', ''];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
// Positions as an editor sends them: on a line of the document, the character possibly past the line's end.
// (Lines past the end leave the library's line offsets with holes; no editor sends them.)
const position = fc.record({ line: fc.nat(), character: fc.integer({ min: -1, max: 40 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ start: position, end: position, text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
type Change = { start: { line: number; character: number }; end: { line: number; character: number }; text: string } | { text: string };

/** The change on the document as it is now: lines taken modulo its line count. */
function onDocument(change: Change, document: TextDocument) {
  if (!('start' in change)) return change;
  const on = (at: { line: number; character: number }) => ({ line: at.line % document.lineCount, character: at.character });
  return { range: { start: on(change.start), end: on(change.end) }, text: change.text };
}

function assertSame(actual: OpenDocument, expected: TextDocument): void {
  const content = expected.getText();
  assert.equal(actual.getText(), content);
  assert.equal(actual.version, expected.version);
  assert.equal(actual.lineCount, expected.lineCount);
  for (let line = -1; line <= expected.lineCount; line++) {
    assert.deepEqual(actual.getLineRange(line), expected.getLineRange(line), `line range ${line}`);
    assert.equal(actual.getEOLCharacters(line), expected.getEOLCharacters(line), `line break ${line}`);
    for (let character = -1; character <= 6; character++) {
      const at = { line, character };
      assert.equal(actual.offsetAt(at), expected.offsetAt(at), `offsetAt ${line}:${character}`);
    }
  }
  for (let offset = -1; offset <= content.length + 1; offset++)
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt ${offset}`);
  const end = expected.positionAt(content.length);
  const middle = expected.positionAt(content.length >> 1);
  assert.equal(actual.getText({ start: middle, end }), expected.getText({ start: middle, end }));
  assert.equal(actual.getText({ start: end, end: middle }), expected.getText({ start: end, end: middle }));
}

describe('lsp: OpenDocument', () => {
  it('reads the same as the library TextDocument through any sequence of edits', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        fc.boolean(),
        (initial, batches, readBetween) => {
          const actual = OpenDocument.create('file:///x.iflw', 'cpi-iflow', 1, initial);
          const expected = TextDocument.create('file:///x.iflw', 'cpi-iflow', 1, initial);
          assertSame(actual, expected);
          let version = 1;
          for (const batch of batches) {
            version++;
            for (const each of batch) {
              // ranges are taken on the text as each change finds it, as LSP orders them
              const applied = onDocument(each, expected);
              assert.equal(OpenDocument.update(actual, [applied], version), actual);
              TextDocument.update(expected, [applied], version);
            }
            // reading between versions decodes the text; not reading leaves only the buffer to edit
            if (readBetween) assertSame(actual, expected);
          }
          assertSame(actual, expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('knows the stretch that covers every change since an earlier count, through any sequence of edits', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        fc.nat(12),
        (initial, batches, back) => {
          const document = OpenDocument.create('file:///x.iflw', 'cpi-iflow', 1, initial);
          const texts = [initial]; // the text after each change, by change count
          let replaced = -1; // the count at the latest whole-text change
          let version = 1;
          for (const batch of batches) {
            version++;
            for (const each of batch) {
              const applied = onDocument(each, document);
              document.update([applied], version);
              if (!('range' in applied)) replaced = document.changeCount;
              texts.push(document.getText());
            }
          }
          const now = document.getText();
          assert.deepEqual(document.changeSince(document.changeCount), { start: 0, oldEnd: 0, newEnd: 0 });
          const since = Math.max(0, document.changeCount - back);
          const known = document.changeSince(since);
          if (replaced > since) return assert.equal(known, undefined, 'a whole-text change lies in between');
          assert.ok(known);
          const before = texts[since];
          assert.ok(known.start <= known.oldEnd && known.start <= known.newEnd && known.oldEnd <= before.length);
          assert.equal(before.length - known.oldEnd, now.length - known.newEnd);
          assert.equal(before.slice(0, known.start), now.slice(0, known.start));
          assert.equal(before.slice(known.oldEnd), now.slice(known.newEnd));
        },
      ),
      { numRuns: 400 },
    );
    const document = OpenDocument.create('file:///x.iflw', 'cpi-iflow', 1, 'abc');
    assert.equal(document.changeSince(1), undefined, 'a count it has not reached');
    for (let i = 0; i < 70; i++)
      document.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x' }], i + 2);
    assert.deepEqual(document.changeSince(10), { start: 1, oldEnd: 1, newEnd: 61 });
    assert.equal(document.changeSince(0), undefined, 'changes too far back are not kept');
  });

  it('grows its buffer for long insertions and keeps the text of every version apart', () => {
    const actual = OpenDocument.create('file:///x.iflw', 'cpi-iflow', 1, 'ab');
    const expected = TextDocument.create('file:///x.iflw', 'cpi-iflow', 1, 'ab');
    const before = actual.getText();
    const long = 'x\r\n'.repeat(50_000);
    const at = { line: 0, character: 1 };
    OpenDocument.update(actual, [{ range: { start: at, end: at }, text: long }], 2);
    TextDocument.update(expected, [{ range: { start: at, end: at }, text: long }], 2);
    assert.equal(actual.getText(), expected.getText());
    for (const offset of [0, 1, 2, 3, 77_777, 150_000, 150_001, 150_002, 150_003])
      assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt ${offset}`);
    const typed = { line: 3, character: 1 };
    OpenDocument.update(actual, [{ range: { start: typed, end: typed }, text: '€' }], 3);
    TextDocument.update(expected, [{ range: { start: typed, end: typed }, text: '€' }], 3);
    assert.equal(actual.getText(), expected.getText());
    assert.deepEqual(actual.positionAt(12), expected.positionAt(12));
    assert.equal(before, 'ab');
    assert.equal(actual.lineCount, 50_001);
  });

  it('joins the text of a new version from slices of the last one decoded, through many edits, and reads stretches from its buffer', () => {
    const initial = 'line one\r\nline two é\n'.repeat(40);
    const actual = OpenDocument.create('file:///x.iflw', 'cpi-iflow', 1, initial);
    const expected = TextDocument.create('file:///x.iflw', 'cpi-iflow', 1, initial);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const texts = [initial]; // by change count
    const asked = new Set([0]);
    for (let version = 2; version < 300; version++) {
      const text = expected.getText();
      const start = next(text.length + 1);
      const end = Math.min(text.length, start + next(4));
      const change = {
        range: { start: expected.positionAt(start), end: expected.positionAt(end) },
        text: ['', 'x', 'long inserted text', '\n', '€'][next(5)],
      };
      OpenDocument.update(actual, [change], version);
      TextDocument.update(expected, [change], version);
      const now = expected.getText();
      const from = next(now.length + 1);
      assert.equal(actual.slice(from, from + 30), now.substring(from, from + 30), `slice at version ${version}`);
      if (version % 3 === 0) assert.equal(actual.getText(), now, `text at version ${version}`);
      if (version % 7 === 0) assert.deepEqual(actual.positionAt(from), expected.positionAt(from));
      texts.push(now);
      // the latest versions before this one are read from their pieces (kept at least for those whose text was asked for); older ones are not kept
      const count = actual.changeCount;
      if (version % 3 === 0) asked.add(count);
      for (let back = 1; back <= 4 && back <= count; back++) {
        const earlier = texts[count - back];
        const at = next(earlier.length + 1);
        const slice = actual.sliceAt(count - back, at, at + 40);
        if (slice !== undefined || asked.has(count - back))
          assert.equal(slice, earlier.substring(at, at + 40), `version ${count - back} at ${version}`);
      }
      if (count > 6) assert.equal(actual.sliceAt(count - 6, 0, 10), undefined);
      assert.equal(actual.sliceAt(count, from, from + 30), now.substring(from, from + 30));
    }
    assertSame(actual, expected);
  });

  it('refuses to update a document it did not make', () => {
    assert.throws(() => OpenDocument.update(TextDocument.create('file:///x', 'xml', 1, ''), [{ text: 'a' }], 2), /OpenDocument\.create/);
  });
});
