import * as assert from 'node:assert/strict';
import { readParameters } from '../../server/src/core/params/properties';

// Reproducers found by the fuzz suite (test/fuzz): input that made the
// parameters reader hang or exhaust memory. Each must simply be read; the
// unit-test timeout is what a relapse into quadratic time would run into
// (200,000 continued lines took the old reader about 30 s, now 0.1 s).

describe('readParameters on hostile input', () => {
  it('reads a value continued over 200,000 lines in linear time', () => {
    const lines = 200_000;
    const text = `k=${'ab\\\n    '.repeat(lines)}end\nnext=1\n`;
    const file = readParameters(text);
    const value = file.entries.get('k')!.value;
    assert.equal(value.text, `${'ab'.repeat(lines)}end`);
    // The last piece maps onto its own line, past the indentation.
    assert.equal(value.sourceOffsetAt(2 * lines), text.lastIndexOf('end'));
    assert.equal(value.sourceOffsetAt(2 * lines - 1), text.lastIndexOf('ab\\') + 1);
    assert.equal(file.entries.get('next')?.value.text, '1');
  });

  it('reads a 5 MB line of escapes, mapping each decoded character to its backslash', () => {
    const count = 2_500_000;
    const file = readParameters(`url=${'\\:'.repeat(count)}`);
    const value = file.entries.get('url')!.value;
    assert.equal(value.text, ':'.repeat(count));
    assert.equal(value.sourceOffsetAt(count - 1), 4 + 2 * (count - 1));
  });

  it('keeps at most 100 problems however many malformed escapes there are', () => {
    const file = readParameters(`bad=${'\\u12G4'.repeat(10_000)}\nok=1\n`);
    assert.equal(file.problems?.length, 100);
    assert.equal(file.entries.get('bad')?.value.text, '\\u12G4'.repeat(10_000));
    assert.equal(file.entries.get('ok')?.value.text, '1');
  });
});
