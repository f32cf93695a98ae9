import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeBlocks } from '../../server/src/core/script/blocks';
import type { ScriptCode, ScriptModel, ScriptToken } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { checkScriptModel } from './support/script-invariants';

const read = (text: string): ScriptModel => {
  const model = readScript(text, 'groovy');
  checkScriptModel(model);
  return model;
};
const kinds = (code: ScriptCode) => code.tokens.map((t) => `${t.kind}:${t.text}`);
const strings = (model: ScriptModel) => model.code.tokens.filter((t) => t.kind === 'string');
const only = (model: ScriptModel): ScriptToken => {
  const found = strings(model);
  assert.equal(found.length, 1, `one string in ${model.text}`);
  return found[0];
};
const codeParts = (token: ScriptToken) => token.string!.parts.filter((p) => p.kind === 'code');

describe('Groovy lexer', () => {
  describe('string forms', () => {
    it("reads '…' with escapes decoded and no interpolation", () => {
      const s = only(read("x = 'a\\'b\\n$c ${d}'"));
      assert.equal(s.string!.form, 'single');
      assert.equal(s.string!.interpolated, false);
      assert.equal(s.string!.value, "a'b\n$c ${d}");
    });

    it('reads "…" with ${…} and $name.path interpolations', () => {
      const s = only(read('log.info("user $user.name has ${count + 1} items\\t")'));
      assert.equal(s.string!.form, 'double');
      assert.equal(s.string!.interpolated, true);
      assert.equal(s.string!.value, undefined);
      const parts = s.string!.parts;
      assert.deepEqual(
        parts.map((p) => p.kind),
        ['text', 'code', 'text', 'code', 'text'],
      );
      assert.equal(parts[0].kind === 'text' && parts[0].value, 'user ');
      assert.deepEqual(parts[1].kind === 'code' && [parts[1].form, kinds(parts[1].code)], [
        'path',
        ['identifier:user', 'punctuation:.', 'identifier:name'],
      ]);
      assert.deepEqual(parts[3].kind === 'code' && [parts[3].form, kinds(parts[3].code)], [
        'block',
        ['identifier:count', 'punctuation:+', 'number:1'],
      ]);
      assert.equal(parts[4].kind === 'text' && parts[4].value, ' items\t');
    });

    it('ends a $name path before a dot not followed by a name, and keeps a lone $ as text', () => {
      const s = only(read('x = "cost: $price. Or $5, $"'));
      const parts = s.string!.parts;
      assert.equal(codeParts(s).length, 1);
      assert.deepEqual(kinds((parts[1] as { code: ScriptCode }).code), ['identifier:price']);
      assert.equal(parts[2].kind === 'text' && parts[2].value, '. Or $5, $');
    });

    it('reads \'\'\'…\'\'\' and """…""" over several lines', () => {
      const model = read('a = \'\'\'one\n\'two\'\n\'\'\'\nb = """x "${y}"\n"""\nc = 1');
      const [a, b] = strings(model);
      assert.equal(a.string!.form, 'triple-single');
      assert.equal(a.string!.value, "one\n'two'\n");
      assert.equal(b.string!.form, 'triple-double');
      assert.equal(codeParts(b).length, 1);
      assert.deepEqual(kinds(model.code).slice(-3), ['identifier:c', 'punctuation:=', 'number:1']);
      assert.equal(model.code.tokens[model.code.tokens.length - 3].newlineBefore, true);
    });

    it('reads a backslash line continuation inside a string as nothing', () => {
      assert.equal(only(read('x = "one \\\ntwo"')).string!.value, 'one two');
    });

    it('decodes unicode and octal escapes', () => {
      assert.equal(only(read(String.raw`x = 'caf\u00e9 \uuu0041 \101\7'`)).string!.value, 'café A A\x07');
    });

    it('reads /slashy/ strings with \\/ and interpolation', () => {
      const s = only(read('if (name ==~ /^a\\/b[0-9]+$/) {}'));
      assert.equal(s.string!.form, 'slashy');
      assert.equal(s.string!.value, '^a/b[0-9]+$');
      const t = only(read('def p = /x${sep}\\d/'));
      assert.equal(t.string!.form, 'slashy');
      assert.deepEqual(
        t.string!.parts.map((p) => p.kind),
        ['text', 'code', 'text'],
      );
      assert.equal(t.string!.parts[2].kind === 'text' && t.string!.parts[2].value, '\\d');
    });

    it('reads $/dollar-slashy/$ strings with $$ and $/ escapes', () => {
      const s = only(read('def p = $/a/b $$ $/ "q" \\d ${x}/$; y = 1'));
      assert.equal(s.string!.form, 'dollar-slashy');
      assert.equal(s.text, '$/a/b $$ $/ "q" \\d ${x}/$');
      assert.equal(s.string!.parts[0].kind === 'text' && s.string!.parts[0].value, 'a/b $ / "q" \\d ');
      assert.equal(codeParts(s).length, 1);
    });

    it('reads empty strings of every quoted form', () => {
      const model = read(`a = ''; b = ""; c = ''''''; d = """"""`);
      assert.deepEqual(
        strings(model).map((s) => [s.string!.form, s.string!.value]),
        [
          ['single', ''],
          ['double', ''],
          ['triple-single', ''],
          ['triple-double', ''],
        ],
      );
    });
  });

  describe('interpolation', () => {
    it('nests GStrings inside closures inside GStrings', () => {
      const model = read('def s = "a ${b.collect { "${it} and ${it.x { "deep" }}" }.join(",")} c"\nnext()');
      const s = only(model);
      assert.equal(s.text, '"a ${b.collect { "${it} and ${it.x { "deep" }}" }.join(",")} c"');
      const outer = (codeParts(s)[0] as { code: ScriptCode }).code;
      assert.deepEqual(kinds(outer).slice(0, 4), ['identifier:b', 'punctuation:.', 'identifier:collect', 'punctuation:{']);
      const inner = outer.tokens.find((t) => t.kind === 'string' && t.string!.interpolated)!;
      assert.equal(inner.text, '"${it} and ${it.x { "deep" }}"');
      assert.equal(codeParts(inner).length, 2);
      const blocks = [...codeBlocks(model)];
      assert.equal(blocks.length, 4, 'script, outer ${…}, ${it}, ${it.x {…}}');
      assert.deepEqual(kinds(model.code).slice(-3), ['identifier:next', 'punctuation:(', 'punctuation:)']);
    });

    it('pairs braces of a closure inside ${…} without ending the interpolation early', () => {
      const s = only(read('x = "${ m.each { k, v -> [k: { v }] } }"'));
      const code = (codeParts(s)[0] as { code: ScriptCode }).code;
      const open = code.tokens.findIndex((t) => t.text === '{');
      assert.equal(code.tokens[code.pair[open]].text, '}');
      assert.equal(code.pair[open], code.tokens.length - 1);
    });

    it('reads comments inside ${…} as comments and quotes inside comments as comment text', () => {
      const model = read('x = "${ a /* "} */ + b // \' \n }" // "not a string\ny = \'/* no comment */\'');
      assert.equal(model.problems.length, 0);
      assert.deepEqual(
        model.comments.map((c) => c.text),
        ['/* "} */', "// ' ", '// "not a string'],
      );
      assert.equal(strings(model)[1].string!.value, '/* no comment */');
    });
  });

  describe('slashy string or division', () => {
    const first = (text: string) => read(text).code.tokens.filter((t) => t.text.startsWith('/'))[0];

    for (const [text, expected] of [
      ['a / b / c', 'punctuation:/'],
      ['x = (a) / 2 / 3', 'punctuation:/'],
      ['x = list[0] / 2 / 3', 'punctuation:/'],
      ['x = 10 / 2', 'punctuation:/'],
      ['x = "a" / 2 /', 'punctuation:/'],
      ['i++ / 2', 'punctuation:/'],
      ['x /= 2', 'punctuation:/='],
      ['x = /a b/', 'string:/a b/'],
      ['x ==~ /a b/', 'string:/a b/'],
      ['f(/a b/, 1)', 'string:/a b/'],
      ['return /a b/', 'string:/a b/'],
      ['[/a b/]', 'string:/a b/'],
    ] as const) {
      it(`${text} → ${expected}`, () => {
        const t = first(text);
        assert.equal(`${t.kind}:${t.text}`, expected);
      });
    }

    it('keeps // and /* as comments where a slashy string could start', () => {
      const model = read('x = // c\n1\ny = /* d */ 2');
      assert.deepEqual(
        model.comments.map((c) => c.kind),
        ['line', 'block'],
      );
      assert.deepEqual(kinds(model.code), ['identifier:x', 'punctuation:=', 'number:1', 'identifier:y', 'punctuation:=', 'number:2']);
    });
  });

  describe('tokens', () => {
    it('reads numbers with suffixes and ranges', () => {
      assert.deepEqual(kinds(read('0x1F 1_000L 1.5e-3G 07 0b101 1..5 3.times').code), [
        'number:0x1F',
        'number:1_000L',
        'number:1.5e-3G',
        'number:07',
        'number:0b101',
        'number:1',
        'punctuation:..',
        'number:5',
        'number:3',
        'punctuation:.',
        'identifier:times',
      ]);
    });

    it('reads Groovy operators longest first', () => {
      assert.deepEqual(
        read('a?.b*.c.&d ==~ e =~ f <=> g ?: h -> i ..< j >>>= k')
          .code.tokens.filter((t) => t.kind === 'punctuation')
          .map((t) => t.text),
        ['?.', '*.', '.&', '==~', '=~', '<=>', '?:', '->', '..<', '>>>='],
      );
    });

    it('tells keywords from identifiers and marks line breaks', () => {
      const tokens = read('def x = null\n  if (x in y) return').code.tokens;
      assert.deepEqual(
        tokens.map((t) => t.kind[0]),
        ['k', 'i', 'p', 'k', 'k', 'p', 'i', 'k', 'i', 'p', 'k'],
      );
      assert.deepEqual(
        tokens.filter((t) => t.newlineBefore).map((t) => t.text),
        ['if'],
      );
    });

    it('reads a shebang and a backslash line continuation', () => {
      const model = read('#!/usr/bin/env groovy\nx = 1 + \\\n  2');
      assert.equal(model.comments[0].kind, 'shebang');
      assert.deepEqual(kinds(model.code), ['identifier:x', 'punctuation:=', 'number:1', 'punctuation:+', 'number:2']);
      assert.equal(model.code.tokens[4].newlineBefore, false);
    });

    it('reads non-ASCII names', () => {
      assert.deepEqual(kinds(read('def größe = ñ1').code), ['keyword:def', 'identifier:größe', 'punctuation:=', 'identifier:ñ1']);
    });
  });

  describe('bad input: one notice each, the rest still read', () => {
    const codes = (model: ScriptModel) => model.problems.map((p) => p.code);

    it('ends an unterminated "…" at its line and reads the next lines', () => {
      const model = read('x = "open\ny = "fine"\nz = \'also open\n');
      assert.deepEqual(codes(model), ['unterminated-string']);
      assert.equal(model.problems[0].start, 4);
      assert.equal(strings(model)[0].string!.terminated, false);
      assert.equal(strings(model)[1].string!.value, 'fine');
      assert.ok(model.code.tokens.some((t) => t.text === 'z'));
    });

    it('reports an unterminated triple-quoted string and ${… once', () => {
      assert.deepEqual(codes(read('x = """never closed\n\n')), ['unterminated-string']);
      assert.deepEqual(
        codes(read('x = "${ a.b(')),
        ['unterminated-string', 'unbalanced-brackets'].sort((a, b) => (a < b ? 1 : -1)),
      );
    });

    it('reports an unterminated comment', () => {
      const model = read('x = 1 /* never closed\n y = 2');
      assert.deepEqual(codes(model), ['unterminated-comment']);
      assert.equal(model.comments[0].end, model.text.length);
    });

    it('reports unbalanced brackets once and still pairs the rest', () => {
      const model = read('f(a, (b) ] g(c) }');
      assert.deepEqual(codes(model), ['unbalanced-brackets']);
      const g = model.code.tokens.findIndex((t) => t.text === 'g');
      assert.equal(model.code.tokens[model.code.pair[g + 1]].text, ')');
    });

    it('reports a character no token starts with', () => {
      const model = read('x = 1 ` y = 2 #');
      assert.deepEqual(codes(model), ['invalid-character']);
      assert.deepEqual(
        model.code.tokens.filter((t) => t.kind === 'invalid').map((t) => t.text),
        ['`', '#'],
      );
    });

    it('reads 100,000 nested brackets without recursion and says so once', () => {
      const depth = 100_000;
      const model = read('x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth) + '\ny = 2');
      assert.deepEqual(codes(model), ['too-deep']);
      assert.equal(model.problems[0].start, 4 + 1000, 'on the bracket that went too deep');
      assert.equal(model.code.pair[2], model.code.tokens.length - 4);
    });

    it('reads 100,000 nested unclosed GStrings without recursion', () => {
      const model = read('x = ' + '"${'.repeat(100_000));
      assert.deepEqual(codes(model).sort(), ['too-deep', 'unterminated-string']);
      assert.equal(model.problems.find((p) => p.code === 'too-deep')!.start, 4 + 3 * 499 + 1, 'on the ${ that went too deep');
    });
  });

  it('covers the text exactly with tokens, comments and white space (property)', () => {
    const fragment = fc.constantFrom(
      "'",
      '"',
      "'''",
      '"""',
      '/',
      '$/',
      '/$',
      '$',
      '${',
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      '\\',
      '\n',
      '\r\n',
      ' ',
      '//',
      '/*',
      '*/',
      '#!',
      'a',
      'x1',
      'def',
      '1',
      '0x1F',
      '.',
      '?.',
      '==~',
      '->',
      ',',
      ';',
      'é',
      '😀',
      '\u2028',
      '`',
    );
    const texts = fc.oneof(
      fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        checkScriptModel(readScript(text, 'groovy'));
      }),
      { numRuns: 3000 },
    );
  });
});
