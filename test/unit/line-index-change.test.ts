import * as assert from 'node:assert/strict';
import { LineIndex } from '@cpi/common/text/range';

// LineIndex finds line ends with indexOf and, after an edit, copies and
// shifts the line starts it already has; both must agree with the plain
// definition (LF, CRLF and a lone CR each end a line).

function naiveLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.offsetAt({ line, character: 0 }));
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'xyz'];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('LineIndex line starts', () => {
  it('agree with the definition for LF-only and mixed line ends', () => {
    const next = random(3);
    for (let n = 0; n < 200; n++) {
      const text = n % 2 ? randomText(next, n).replace(/\r/g, '') : randomText(next, n);
      assert.deepEqual(lineStarts(new LineIndex(text)), naiveLineStarts(text), JSON.stringify(text));
    }
  });

  it('are the same after an edit (afterChange) as for the new text read afresh', () => {
    const next = random(11);
    for (let n = 0; n < 500; n++) {
      const before = randomText(next, 1 + Math.floor(next() * 60));
      const start = Math.floor(next() * (before.length + 1));
      const oldEnd = Math.min(before.length, start + Math.floor(next() * 6));
      const inserted = randomText(next, Math.floor(next() * 5)).slice(0, Math.floor(next() * 5));
      const after = before.slice(0, start) + inserted + before.slice(oldEnd);
      const index = new LineIndex(before);
      assert.ok(index.lineCount >= 1); // line starts are found on first use; afterChange reuses them
      const updated = index.afterChange(after, start, oldEnd, start + inserted.length);
      const where = JSON.stringify([before, start, oldEnd, inserted]);
      assert.deepEqual(lineStarts(updated), naiveLineStarts(after), where);
      assert.equal(updated.text, after);
      for (let offset = 0; offset <= after.length; offset++)
        assert.deepEqual(updated.positionAt(offset), new LineIndex(after).positionAt(offset), where);
    }
  });
});
