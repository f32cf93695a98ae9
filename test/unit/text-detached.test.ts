import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../server/src/core/text/detached';

// A garbage collector to call: the test measures what survives one.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('detached', () => {
  it('returns an equal string, also for empty and short ones', () => {
    for (const text of ['', 'a', 'host', 'x'.repeat(12), 'x'.repeat(13), 'Grüße "ü" \u{1F600}'.repeat(40)])
      assert.equal(detached(text), text);
  });

  it('keeps nothing of the text it was sliced from', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 40; i++) {
      // 2 MB each; a plain slice would keep all 80 MB alive
      const file = `${i}${'y'.repeat(2_000_000)}${i}`;
      kept.push(detached(file.slice(1000 + i, 1050 + i)), detached(file.slice(1, 6)));
    }
    collectGarbage();
    const grownMB = (process.memoryUsage().heapUsed - before) / 1048576;
    assert.equal(kept.length, 80);
    assert.ok(grownMB < 10, `the heap grew by ${grownMB.toFixed(1)} MB`);
  });
});
