import * as assert from 'node:assert/strict';
import { triggerNames, usesAny } from '../../server/src/core/script/names';
import { readScript } from '../../server/src/core/script/read';

// Trigger names let a rule skip a code block: a wrong "no" would hide findings.

const LONG = ['def a = 1', 'def b = a + 2', 'def c = b * 3', 'def d = c - 4', 'def e = d / 5', 'def f = e + 6'].join('\n');

describe('script trigger names', () => {
  it('finds a trigger in a long block and in a short one (an interpolation)', () => {
    const verifier = triggerNames(['NoopHostnameVerifier', 'ignoreSSLIssues']);
    const long = readScript(`${LONG}\ndef v = NoopHostnameVerifier.INSTANCE`, 'groovy');
    assert.ok(long.code.tokens.length > 24);
    assert.equal(usesAny(long.code, verifier), true);
    assert.equal(usesAny(readScript(LONG, 'groovy').code, verifier), false);
    const short = readScript('x.ignoreSSLIssues()', 'groovy');
    assert.equal(usesAny(short.code, verifier), true);
  });

  it('sees keywords in name position and not text inside strings or comments', () => {
    const wanted = triggerNames(['in', 'secretMethod']);
    const script = readScript(`${LONG}\n// secretMethod\ndef s = "secretMethod"\nmessage.in`, 'groovy');
    assert.equal(usesAny(script.code, wanted), true);
    const without = readScript(`${LONG}\n// secretMethod\ndef s = 'secretMethod'`, 'groovy');
    assert.equal(usesAny(without.code, wanted), false);
  });

  it('looks again for triggers declared after a block was first asked about', () => {
    const script = readScript(`${LONG}\nlateName(1)`, 'groovy');
    assert.equal(usesAny(script.code, triggerNames(['earlyName'])), false);
    assert.equal(usesAny(script.code, triggerNames(['lateName'])), true);
  });
});
