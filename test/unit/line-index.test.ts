import * as assert from 'node:assert/strict';
import { LineIndex } from '@cpi/common/text/range';

describe('LineIndex', () => {
  it('maps offsets to positions across LF, CRLF and CR line ends', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
  });

  it('clamps positions outside the text', () => {
    const index = new LineIndex('abc');
    assert.deepEqual(index.positionAt(99), { line: 0, character: 3 });
    assert.equal(index.offsetAt({ line: 5, character: 0 }), 3);
  });
});
