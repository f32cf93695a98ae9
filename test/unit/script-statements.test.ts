import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ScriptCode, ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { statementBefore, statementHolding, statementsIn } from '../../server/src/core/script/statements';

// statementHolding and statementBefore walk from one token to its
// statement's ends instead of splitting the whole block: they must give the
// statements statementsIn gives, for every token of every block level.

const PIECES = [
  'if (a) b()',
  'else',
  '{',
  '}',
  '(',
  ')',
  ';',
  ';;',
  '\n',
  '\n',
  'x = 1 +',
  '.call()',
  '?: y',
  'return',
  'def z = [a, b]',
  'log.info "m"',
  'try {',
  '} catch (e) {',
  'list.each { k, v ->',
  'c++',
  '// note\n',
  'new A()',
];

function check(code: ScriptCode): void {
  for (let open = -1; open < code.tokens.length; open++) {
    if (open >= 0 && code.pair[open] < 0 && code.tokens[open].text !== '{') continue;
    if (open >= 0 && !['{', '(', '['].includes(code.tokens[open].text)) continue;
    const statements = statementsIn(code, open);
    for (let at = 0; at < code.tokens.length; at++) {
      if (code.parent[at] !== open) continue;
      const which = statements.findIndex((s) => s.start <= at && at < s.end);
      const holding = statementHolding(code, open, at);
      assert.deepEqual(holding, which < 0 ? undefined : statements[which], `statement of token ${at} in block ${open}`);
      if (holding) assert.deepEqual(statementBefore(code, open, holding), statements[which - 1], `statement before token ${at}`);
    }
  }
}

describe('script statements', () => {
  it('finds the statement of a token, and the one before it, as a split of its block does', () => {
    const language: fc.Arbitrary<ScriptLanguage> = fc.constantFrom('groovy', 'javascript');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), language, (pieces, lang) => {
        check(readScript(pieces.join(' '), lang).code);
      }),
      { numRuns: 400 },
    );
  });

  it('gives no statement for a `;` and none before the first', () => {
    const code = readScript('a; ; b\nc', 'groovy').code;
    assert.equal(statementHolding(code, -1, 1), undefined);
    assert.deepEqual(statementHolding(code, -1, 3), { start: 3, end: 4 });
    assert.deepEqual(statementBefore(code, -1, { start: 3, end: 4 }), { start: 0, end: 1 });
    assert.equal(statementBefore(code, -1, { start: 0, end: 1 }), undefined);
  });
});
