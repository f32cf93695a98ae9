import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ScriptCode, ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { holdsAny, indexedTexts, indicesOf, indicesOfAny, stringIndices } from '../../server/src/core/script/token-index';

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

const ASKED = [
  indexedTexts(['=', '+=', '?=']),
  indexedTexts([':']),
  indexedTexts(['<<']),
  indexedTexts(['for', 'headers', 'getPassword', 'UserCredential']),
  // More texts than a block holds: the index's own entries are walked instead.
  indexedTexts(['=', 'def', 'a', 'put', 'log', 'info', 'x', 'y', 'z', 'w', 'sb', 'value', 'text', 'b', 'c', 'f', 'in', 'list', 'map']),
];

describe('script token index', () => {
  it('gives the indices a walk over every token gives, in long blocks and short ones', () => {
    const language: fc.Arbitrary<ScriptLanguage> = fc.constantFrom('groovy', 'javascript');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), language, (lines, lang) => {
        const model = readScript(lines.join('\n'), lang);
        const code = model.code;
        for (const texts of ASKED) {
          assert.deepEqual(indicesOfAny(code, texts), walk(code, texts));
          assert.equal(holdsAny(code, texts), walk(code, texts).length > 0);
          for (const text of texts) assert.deepEqual([...indicesOf(code, text)], walk(code, new Set([text])));
        }
        const strings = code.tokens.flatMap((token, i) => (token.kind === 'string' ? [i] : []));
        assert.deepEqual([...stringIndices(code)], strings);
        assert.deepEqual(
          [...stringIndices(code, true)],
          strings.filter((i) => code.tokens[i].string?.interpolated),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to answer for a text no one declared, instead of answering "none"', () => {
    const code = readScript(Array(10).fill('log.info(a, b)').join('\n'), 'groovy').code;
    assert.ok(code.tokens.length > 24);
    assert.throws(() => indicesOf(code, 'undeclaredNameOfThisTest'), /not declared/);
  });

  it('indexes a block again when a text is declared after the block was first asked about', () => {
    const code = readScript(Array(10).fill('lateName.info(a, b)').join('\n'), 'groovy').code;
    assert.equal(indicesOf(code, 'headers').length, 0);
    indexedTexts(['lateName']);
    assert.equal(indicesOf(code, 'lateName').length, 10);
  });
});
