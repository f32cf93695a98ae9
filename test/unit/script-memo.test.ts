import { strict as assert } from 'node:assert';
import { Memo } from '../../server/src/core/script/memo';

describe('script facts kept on their object (Memo)', () => {
  it('gives back what was set on the same object, and nothing for another', () => {
    const memo = new Memo<object, number>('test');
    const owner = {};
    assert.equal(memo.get(owner), undefined);
    memo.set(owner, 1);
    assert.equal(memo.get(owner), 1);
    memo.set(owner, 2);
    assert.equal(memo.get(owner), 2);
    assert.equal(memo.get({}), undefined);
  });

  it('keeps two memos on one object apart', () => {
    const calls = new Memo<object, string>('calls');
    const scopes = new Memo<object, string>('scopes');
    const owner = {};
    calls.set(owner, 'calls');
    scopes.set(owner, 'scopes');
    assert.equal(calls.get(owner), 'calls');
    assert.equal(scopes.get(owner), 'scopes');
  });

  it('is not copied by spreading, so a re-read copy of a code block starts without the facts of the old one', () => {
    const memo = new Memo<{ tokens: number[] }, string>('index');
    const code = { tokens: [1, 2] };
    memo.set(code, 'facts of the old tokens');
    const moved = { ...code, tokens: [3, 4] };
    assert.equal(memo.get(moved), undefined);
    assert.deepEqual(Object.keys(code), ['tokens']);
    assert.equal(JSON.stringify(code), '{"tokens":[1,2]}');
  });

  it('refuses a second kind of fact under a name already taken (they would share one field)', () => {
    new Memo<object, number>('a kind named once');
    assert.throws(() => new Memo<object, number>('a kind named once'), /two kinds of script fact are named "a kind named once"/);
  });
});
