import * as assert from 'node:assert/strict';
import { assignedCallName, nameAssignments } from '../../server/src/core/script/assigned-names';
import { callSites } from '../../server/src/core/script/call-index';
import { conditionsAround, insideIf } from '../../server/src/core/script/conditions';
import { indentationAt, lineBreakOf, startsLine } from '../../server/src/core/script/indentation';
import type { ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';

// The small navigation helpers the risky-code script rules share: which
// ifs a token runs under, plain assignments to names, and indentation.

/** The index of the first token with this text. */
function tokenIndex(
  text: string,
  word: string,
  language: ScriptLanguage = 'groovy',
  nth = 0,
): { script: ReturnType<typeof readScript>; index: number } {
  const script = readScript(text, language);
  const indices = script.code.tokens.flatMap((token, i) => (token.text === word ? [i] : []));
  assert.ok(indices[nth] !== undefined, `no ${word} #${nth}`);
  return { script, index: indices[nth] };
}

describe('script conditions', () => {
  it('sees a braced if, its else, and ifs at any depth', () => {
    const text = 'if (debug) {\n  list.each { go() }\n} else {\n  stop()\n}\nrun()\n';
    for (const [word, kind] of [
      ['go', 'if'],
      ['stop', 'else'],
    ] as const) {
      const { script, index } = tokenIndex(text, word);
      assert.deepEqual(
        conditionsAround(script.code, index).map((c) => c.kind),
        [kind],
      );
    }
    const { script, index } = tokenIndex(text, 'run');
    assert.equal(insideIf(script.code, index), false);
  });

  it('sees ifs without braces, on the same line or the next', () => {
    const sameLine = tokenIndex('if (a) go()\nrun()\n', 'go');
    assert.equal(insideIf(sameLine.script.code, sameLine.index), true);
    const nextLine = tokenIndex('if (a)\n    go()\nrun()\n', 'go');
    assert.equal(insideIf(nextLine.script.code, nextLine.index), true);
    const after = tokenIndex('if (a)\n    go()\nrun()\n', 'run');
    assert.equal(insideIf(after.script.code, after.index), false);
    const elseLine = tokenIndex('if (a) stay()\nelse go()\n', 'go');
    assert.deepEqual(
      conditionsAround(elseLine.script.code, elseLine.index).map((c) => c.kind),
      ['else'],
    );
  });

  it('names nested conditions innermost first, with the if condition opening', () => {
    const text = 'function f() {\n  if (outer) {\n    if (inner) { go(); }\n  }\n}\n';
    const { script, index } = tokenIndex(text, 'go', 'javascript');
    const conditions = conditionsAround(script.code, index);
    assert.deepEqual(
      conditions.map((c) => script.code.tokens[c.at + 1].text),
      ['inner', 'outer'],
    );
  });

  it('counts each condition once: a braced else is not also under its if, a closure body is under the if before it', () => {
    const elseBody = tokenIndex('if (a) { stay() } else { go() }\n', 'go');
    assert.deepEqual(
      conditionsAround(elseBody.script.code, elseBody.index).map((c) => c.kind),
      ['else'],
    );
    const chained = tokenIndex('if (x) if (y) { go() }\n', 'go');
    assert.deepEqual(
      conditionsAround(chained.script.code, chained.index).map((c) => chained.script.code.tokens[c.at + 1].text),
      ['y', 'x'],
    );
    const closure = tokenIndex('if (a) list.each { go() }\n', 'go');
    assert.deepEqual(
      conditionsAround(closure.script.code, closure.index).map((c) => closure.script.code.tokens[c.at + 1].text),
      ['a'],
    );
  });

  it('does not take the condition itself or a function body for a branch', () => {
    const condition = tokenIndex('if (check()) { go() }\n', 'check');
    assert.equal(insideIf(condition.script.code, condition.index), false);
    const body = tokenIndex('def f() {\n  go()\n}\n', 'go');
    assert.equal(insideIf(body.script.code, body.index), false);
  });
});

describe('script name assignments', () => {
  it('reads def, typed, var and bare assignments, not properties', () => {
    const script = readScript('def a = 1\nString b = x.y()\nc = new Z()\nthis.d = 2\nobj.e = 3\n', 'groovy');
    assert.deepEqual(
      nameAssignments(script.code).map((a) => a.name),
      ['a', 'b', 'c'],
    );
  });

  it('names the variable a call is assigned to only when the call is the whole value', () => {
    const script = readScript('def f = Factory.newInstance()\ndef g = Factory.newInstance().newBuilder()\n', 'groovy');
    const calls = callSites(script.code, 'groovy').filter((call) => call.method === 'newInstance');
    assert.deepEqual(
      calls.map((call) => assignedCallName(script.code, call)?.name),
      ['f', undefined],
    );
  });
});

describe('script indentation', () => {
  it('reads the indentation, line starts and line breaks of the text', () => {
    const text = 'a\r\n\t  b = c\r\n';
    const at = text.indexOf('b');
    assert.equal(indentationAt(text, at), '\t  ');
    assert.equal(startsLine(text, at), true);
    assert.equal(startsLine(text, text.indexOf('c')), false);
    assert.equal(lineBreakOf(text), '\r\n');
    assert.equal(lineBreakOf('one line'), '\n');
  });
});
