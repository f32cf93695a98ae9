import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ScriptCode, ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { hasIdentifier, indicesOf, indicesOfAny, stringIndices } from '../../server/src/core/script/token-index';

// The token index answers for rules that used to walk every token: it must
// give the same token indices as that walk, for long blocks (indexed) and
// short ones (walked) alike.

function walk(code: ScriptCode, texts: ReadonlySet<string>): number[] {
  const found: number[] = [];
  code.tokens.forEach((token, i) => {
    if ((token.kind === 'identifier' || token.kind === 'keyword' || token.kind === 'punctuation') && texts.has(token.text)) found.push(i);
  });
  return found;
}

const PIECES = [
  'def a = 1',
  'headers.put("k", v)',
  'map = [user: name, "pw": secret]',
  'text += "${a}:$b"',
  'sb << value',
  'for (x in list) { log.info(x) }',
  'String s = """x ${y ? z : w}"""',
  'def f(UserCredential c) { c.getPassword() }',
  '// comment = here',
  'x ?= y',
];

describe('script token index', () => {
  it('gives the indices a walk over every token gives, in long blocks and short ones', () => {
    const language: fc.Arbitrary<ScriptLanguage> = fc.constantFrom('groovy', 'javascript');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), language, (lines, lang) => {
        const model = readScript(lines.join('\n'), lang);
        const code = model.code;
        for (const texts of [new Set(['=', '+=', '?=']), new Set([':']), new Set(['<<']), new Set(['for', 'headers', 'getPassword'])]) {
          assert.deepEqual(indicesOfAny(code, texts), walk(code, texts));
          for (const text of texts) assert.deepEqual([...indicesOf(code, text)], walk(code, new Set([text])));
        }
        const strings = code.tokens.flatMap((token, i) => (token.kind === 'string' ? [i] : []));
        assert.deepEqual([...stringIndices(code)], strings);
        assert.deepEqual(
          [...stringIndices(code, true)],
          strings.filter((i) => code.tokens[i].string?.interpolated),
        );
        const names = new Set(code.tokens.filter((token) => token.kind === 'identifier').map((token) => token.text));
        for (const name of ['headers', 'getPassword', 'nothing'])
          assert.equal(
            hasIdentifier(code, (n) => n === name),
            names.has(name),
          );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to answer for an operator it does not keep, instead of answering "none"', () => {
    const code = readScript(Array(10).fill('log.info(a, b)').join('\n'), 'groovy').code;
    assert.ok(code.tokens.length > 24);
    assert.throws(() => indicesOf(code, '('), /keeps no '\('/);
  });
});
