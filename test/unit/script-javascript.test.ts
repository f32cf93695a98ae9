import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EstreeNode, ScriptCode, ScriptModel } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { checkScriptModel } from './support/script-invariants';

const read = (text: string): ScriptModel => {
  const model = readScript(text, 'javascript');
  checkScriptModel(model);
  return model;
};
const kinds = (code: ScriptCode) => code.tokens.map((t) => `${t.kind}:${t.text}`);

describe('JavaScript reading', () => {
  it('gives tokens, comments and the syntax tree of a Script step', () => {
    const model = read(`importClass(com.sap.gateway.ip.core.customdev.util.Message);
// the step
function processData(message) {
  var body = message.getBody(java.lang.String);
  message.setHeader("x", 'y'); /* done */
  return message;
}`);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(
      model.comments.map((c) => [c.kind, c.text]),
      [
        ['line', '// the step'],
        ['block', '/* done */'],
      ],
    );
    assert.equal(model.javascriptAst?.type, 'Program');
    const body = (model.javascriptAst as EstreeNode & { body: EstreeNode[] }).body;
    assert.deepEqual(
      body.map((n) => n.type),
      ['ExpressionStatement', 'FunctionDeclaration'],
    );
    assert.equal(model.text.slice(body[1].start, body[1].end).split('\n')[0], 'function processData(message) {');
    const tokens = model.code.tokens;
    assert.deepEqual(
      tokens.slice(0, 3).map((t) => `${t.kind}:${t.text}`),
      ['identifier:importClass', 'punctuation:(', 'identifier:com'],
    );
    assert.equal(tokens.find((t) => t.text === 'function')?.kind, 'keyword');
    assert.equal(tokens.find((t) => t.text === 'function')?.newlineBefore, true);
    const strings = tokens.filter((t) => t.kind === 'string').map((t) => [t.string!.form, t.string!.value]);
    assert.deepEqual(strings, [
      ['double', 'x'],
      ['single', 'y'],
    ]);
  });

  it('reads template literals like GStrings: one string token, code parts with their own tokens', () => {
    const model = read('log(`a ${b + `n${c}`} \\u0041 ${ {x: 1}.x }`, /re{2}/g);');
    const s = model.code.tokens.find((t) => t.kind === 'string')!;
    assert.equal(s.string!.form, 'template');
    assert.equal(s.string!.interpolated, true);
    const parts = s.string!.parts;
    assert.deepEqual(
      parts.map((p) => p.kind),
      ['text', 'code', 'text', 'code'],
    );
    assert.equal(parts[2].kind === 'text' && parts[2].value, ' A ');
    const first = (parts[1] as { code: ScriptCode }).code;
    assert.deepEqual(kinds(first).slice(0, 2), ['identifier:b', 'punctuation:+']);
    assert.equal(first.tokens[2].string!.form, 'template');
    const second = (parts[3] as { code: ScriptCode }).code;
    assert.equal(second.pair[0], 4, 'the object literal braces pair inside the interpolation');
    assert.ok(model.code.tokens.some((t) => t.kind === 'regex' && t.text === '/re{2}/g'));
    assert.equal(read('x = `plain`').code.tokens[2].string!.value, 'plain');
  });

  it('keeps bracket pairs and parents', () => {
    const { code } = read('f(a, [b, {c: 1}])');
    assert.equal(code.pair[1], code.tokens.length - 1);
    const brace = code.tokens.findIndex((t) => t.text === '{');
    assert.equal(code.tokens[code.parent[brace]].text, '[');
  });

  describe('bad input: one notice, tokens for the rest', () => {
    it('an unterminated string ends at its line', () => {
      const model = read('var a = "open;\nfoo(1);');
      assert.deepEqual(
        model.problems.map((p) => p.code),
        ['unterminated-string'],
      );
      assert.equal(model.code.tokens[3].string!.terminated, false);
      assert.ok(model.code.tokens.some((t) => t.text === 'foo' && t.newlineBefore));
      assert.ok(model.javascriptAst, 'acorn-loose still gives a tree');
    });

    it('an unterminated comment', () => {
      const model = read('foo(1); /* open\nbar()');
      assert.deepEqual(
        model.problems.map((p) => p.code),
        ['unterminated-comment'],
      );
      assert.equal(model.comments[0].end, model.text.length);
    });

    it('a syntax error names what acorn found, without its line:column suffix', () => {
      const model = read('var = 1;\nmessage.setBody(x);');
      assert.equal(model.problems.length, 1);
      assert.equal(model.problems[0].code, 'syntax-error');
      assert.match(model.problems[0].message, /^JavaScript does not parse: Unexpected token$/);
      assert.ok(model.code.tokens.some((t) => t.text === 'setBody'));
    });

    it('100,000 nested brackets, or 600 nested templates: one notice, no tree, every token', () => {
      const depth = 100_000;
      const model = read('x = ' + '['.repeat(depth) + ']'.repeat(depth) + ';');
      assert.deepEqual(
        model.problems.map((p) => p.code),
        ['too-deep'],
      );
      assert.equal(model.problems[0].start, 4 + 256, 'on the bracket that went too deep');
      assert.equal(model.code.tokens.length, 2 * depth + 3);
      // acorn's recursion here would abort the process rather than throw: it must not be called.
      const templates = read('x = ' + '`${'.repeat(600) + '1' + '}`'.repeat(600));
      assert.deepEqual(
        templates.problems.map((p) => p.code),
        ['too-deep'],
      );
      assert.equal(templates.javascriptAst, undefined);
    });

    it('an unreadable character inside ${…}: the template goes on after its }, and its text holds no comment', () => {
      const model = read('x = `a ${ b # } /* text */ c`; /* real */');
      assert.deepEqual(
        model.comments.map((c) => c.text),
        ['/* real */'],
      );
      assert.deepEqual(kinds(model.code), ['identifier:x', 'punctuation:=', 'string:`a ${ b # } /* text */ c`', 'punctuation:;']);
      const template = model.code.tokens[2].string!;
      assert.equal(template.terminated, true);
      const [, code, tail] = template.parts;
      assert.equal(code.kind === 'code' && kinds(code.code).join(' '), 'identifier:b invalid:#');
      assert.equal(tail.kind === 'text' && tail.value, ' /* text */ c');
    });

    it('a stray ) inside ${…}: the template text goes on where acorn reads it', () => {
      // acorn's tokenizer lets the ) close the ${ (the parser then rejects it): what follows is template text.
      const model = read('x = `a ${ f) } /* text */ c`; /* real */');
      assert.deepEqual(kinds(model.code), ['identifier:x', 'punctuation:=', 'string:`a ${ f) } /* text */ c`', 'punctuation:;']);
      const [, code, tail] = model.code.tokens[2].string!.parts;
      assert.equal(code.kind === 'code' && kinds(code.code).join(' '), 'identifier:f punctuation:)');
      assert.equal(tail.kind === 'text' && tail.value, ' } /* text */ c');
      assert.deepEqual(
        model.comments.map((c) => c.text),
        ['/* real */'],
      );
    });

    it('texts the fuzz test found: every comment lies between tokens', () => {
      const texts = [
        // As reported, in both spellings.
        "var s = `a1}` }` + / ${h.get(\"x\")} ${ `n${re/x/g.source + 'q'';\n/* done */\n/* done */\n",
        "var s = `a1}` }` + / ${h.get(\"x\")} ${ `n${re\\/x/g.source + 'q\\'';\n/* done */\n/* done */\n",
        // A string inside ${…} that runs past its }, then a stray backslash: the restart came back to the template text.
        "var s = `a ${'h.get(\"x\")} ${ `n${1}` }` + /re\\/x/g.source + 'q\\'';\n  /* done */\n  return message;\n}\n  /* done */\n  return message;\n}\n",
        // A stray ) inside ${…}, then a template and a comment.
        "var s = `a ${+ 'q\\'';\"x\")} ${ `n${1}` }` + /re\\/x/g.source \n  return message;\r\n}\r\n\r\n  /* done */\rh.get(",
      ];
      for (const text of texts) {
        const model = read(text);
        assert.ok(
          model.comments.some((c) => c.text === '/* done */'),
          JSON.stringify(text),
        );
      }
    });

    it('parses nesting real scripts could have', () => {
      const model = read('x = ' + '`${'.repeat(60) + '[('.repeat(60) + '1' + ')]'.repeat(60) + '}`'.repeat(60));
      assert.deepEqual(model.problems, []);
      assert.ok(model.javascriptAst);
    });
  });

  it('covers the text exactly and never throws (property)', () => {
    const fragment = fc.constantFrom(
      '"',
      "'",
      '`',
      '${',
      '}',
      '{',
      '(',
      ')',
      '/',
      '/*',
      '*/',
      '//',
      '\n',
      ' ',
      'a',
      '1',
      '.',
      '=',
      ';',
      '\\',
      'function',
      'é',
      '#!',
      '#',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fragment, { maxLength: 30 }).map((p) => p.join('')),
          fc.string({ maxLength: 40 }),
        ),
        (text) => {
          checkScriptModel(readScript(text, 'javascript'));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
