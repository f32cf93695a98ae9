import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lexGroovy } from '../../server/src/core/script/groovy/lexer';
import { relexGroovy, type GroovyReading } from '../../server/src/core/script/groovy/relex';

// Reading an edited script again from near the edit must give exactly what
// reading the whole new text gives: the same tokens (offsets, strings and
// their interpolations), comments and problems.

const PIECES = [
  'def a = 1',
  'def s = "x ${y.z} and $name.path"',
  "def t = '''multi\nline'''",
  'def r = /a+b\\/c/',
  'def d = $/dollar $$ slashy/$',
  'x = a / b / c',
  '// line comment',
  '/* block\ncomment */',
  'if (a >= 1.5e+3 && b != 0x1F) { log.info "v: ${a + b}" }',
  'def m = [user: "u", pw: "p"]',
  'headers.each { k, v -> println "$k=$v" }',
  'String g = """outer ${"inner ${deep}"} end"""',
  'c <<= 2; d >>>= 1; e ?= f',
  'def n = 10L + 1_000 + .5',
];
// Characters that change how the text around them reads.
const TYPED = ['a', '1', ' ', '\n', '"', "'", '/', '*', '$', '{', '}', '(', ')', '.', '=', '\\', 'e', '`'];

function reading(text: string): GroovyReading {
  return { text, ...lexGroovy(text) };
}

const script = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 }).map((lines) => lines.join('\n'));
const edit = fc.record({
  at: fc.nat(),
  removed: fc.nat({ max: 6 }),
  inserted: fc.array(fc.constantFrom(...TYPED), { maxLength: 4 }).map((chars) => chars.join('')),
});

function apply(text: string, change: { at: number; removed: number; inserted: string }): string {
  const at = change.at % (text.length + 1);
  return text.slice(0, at) + change.inserted + text.slice(Math.min(text.length, at + change.removed));
}

describe('Groovy re-reading after an edit', () => {
  it('gives what a full reading gives, edit after edit', () => {
    fc.assert(
      fc.property(script, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let previous = reading(text);
        for (const change of edits) {
          const next = apply(previous.text, change);
          const incremental = relexGroovy(previous, next);
          assert.deepStrictEqual(incremental, lexGroovy(next));
          previous = { text: next, ...incremental };
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives what a full reading gives on scripts longer than the chunks the texts are compared in', () => {
    const long = fc.array(fc.constantFrom(...PIECES), { minLength: 120, maxLength: 200 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(long, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let previous = reading(text);
        assert.ok(text.length > 2048);
        for (const change of edits) {
          const next = apply(previous.text, change);
          const incremental = relexGroovy(previous, next);
          assert.deepStrictEqual(incremental, lexGroovy(next));
          previous = { text: next, ...incremental };
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reuses the tokens before the edit and after it', () => {
    const text = Array.from({ length: 50 }, (_, i) => `def v${i} = "value ${i}"`).join('\n');
    const previous = reading(text);
    const oldLast = previous.code.tokens[previous.code.tokens.length - 1];
    const oldLastStart = oldLast.start;
    const at = text.indexOf('value 25') + 1;
    const next = relexGroovy(previous, text.slice(0, at) + 'x' + text.slice(at));
    assert.deepStrictEqual(next, lexGroovy(text.slice(0, at) + 'x' + text.slice(at)));
    // the first statement's tokens are the very same objects; the last ones too, moved in place by one character
    assert.equal(next.code.tokens[0], previous.code.tokens[0]);
    const last = next.code.tokens[next.code.tokens.length - 1];
    assert.equal(last, oldLast);
    assert.equal(last.start, oldLastStart + 1);
  });

  it('moves an interpolated string behind the edit into new objects, its plain neighbours in place', () => {
    const text = 'def first = 0\ndef second = 0\ndef a = 1\ndef b = "x ${y.z} w"\ndef c = "plain"\n';
    const previous = reading(text);
    const [interpolated, plain] = previous.code.tokens.filter((token) => token.kind === 'string');
    const at = text.indexOf('def a') + 'def a'.length;
    const edited = text.slice(0, at) + 'a' + text.slice(at);
    const next = relexGroovy(previous, edited);
    assert.deepStrictEqual(next, lexGroovy(edited));
    const [movedInterpolated, movedPlain] = next.code.tokens.filter((token) => token.kind === 'string');
    assert.notEqual(movedInterpolated, interpolated, 'its code may carry facts about the old reading');
    assert.equal(movedPlain, plain);
  });
});
