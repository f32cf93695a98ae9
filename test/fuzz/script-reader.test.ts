import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeBlocks } from '../../server/src/core/script/blocks';
import { callSites } from '../../server/src/core/script/call-index';
import type { ScriptLanguage, ScriptModel } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { statementsIn } from '../../server/src/core/script/statements';
import { checkScriptModel } from '../unit/support/script-invariants';
import { withinBudget } from './support/budget';
import { mutatedText } from './support/mutations';
import { fuzzParameters, suiteTimeout } from './support/settings';

// The script readers are total: whatever the text, they return a model
// whose tokens cover it, with at most one notice of each kind, in time
// proportionate to its size, and the helpers rules walk it with (call
// sites, statements) never throw on it either.

const GROOVY = `import com.sap.gateway.ip.core.customdev.util.Message
def Message processData(Message message) {
    def log = messageLogFactory.getMessageLog(message) // the MPL
    def map = message.getHeaders()
    /* every form */
    def s = 'a\\'b' + "c \${map.collect { "\${it.key}=$it.value" }.join(',')}" + '''x''' + """y \${1}"""
    def r = /a\\/b$s/ ; def d = $/c/$$ \${s}/$
    int half = map.size() / 2 / 1
    map.each { k, v -> if (k != 'Authorization') log?.setStringProperty(k, v as String) }
    println "done"
    return message
}
`;

const JAVASCRIPT = `importClass(com.sap.gateway.ip.core.customdev.util.Message);
function processData(message) {
  var h = message.getHeaders(); // all of them
  var s = \`a \${h.get("x")} \${ \`n\${1}\` }\` + /re\\/x/g.source + 'q\\'';
  /* done */
  return message;
}
`;

const PIECES = [
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
  '\r',
  '//',
  '/*',
  '*/',
  '#!',
  '`',
  'a',
  '.',
  '?.',
  '->',
  ',',
  ';',
  '\u0000',
  '\uD83D',
  '\u2028',
];

function read(text: string, language: ScriptLanguage): ScriptModel {
  const model = withinBudget(`readScript (${language})`, text.length, () => readScript(text, language));
  checkScriptModel(model);
  const codes = model.problems.map((p) => p.code);
  assert.equal(new Set(codes).size, codes.length, `one notice of each kind: ${codes.join(', ')}`);
  for (const problem of model.problems)
    assert.ok(
      problem.start >= 0 && problem.end <= text.length && problem.start <= problem.end,
      `notice range ${problem.start}-${problem.end}`,
    );
  withinBudget('call sites and statements', text.length, () => {
    for (const { code } of codeBlocks(model)) {
      callSites(code, language);
      statementsIn(code, -1);
    }
  });
  return model;
}

const arbitraryText = (base: string) =>
  fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    mutatedText(fc.constant(base), 6),
  );

describe('script readers under fuzzing', function () {
  this.timeout(suiteTimeout(120_000));

  for (const [language, base] of [
    ['groovy', GROOVY],
    ['javascript', JAVASCRIPT],
  ] as const) {
    it(`${language}: any text reads without throwing, covered by tokens, one notice per kind`, () => {
      fc.assert(
        fc.property(arbitraryText(base), (text) => {
          read(text, language);
        }),
        fuzzParameters(2000),
      );
    });
  }

  describe('hostile inputs, once each', () => {
    const MB = 1024 * 1024;
    const cases: [string, () => string, ScriptLanguage[], string[]][] = [
      ['100,000 nested brackets', () => 'x = ' + '({['.repeat(33_334) + ']})'.repeat(33_334), ['groovy', 'javascript'], ['too-deep']],
      ['100,000 unclosed brackets', () => 'f' + '('.repeat(100_000), ['groovy'], ['too-deep', 'unbalanced-brackets']],
      ['100,000 nested GStrings', () => 'x = ' + '"${'.repeat(100_000) + '1' + '}"'.repeat(100_000), ['groovy'], ['too-deep']],
      // Past the parse limit (256) the path is the same at any depth; acorn's tokenizer makes each level dear, so 20,000.
      ['20,000 nested templates', () => 'x = ' + '`${'.repeat(20_000) + '1' + '}`'.repeat(20_000), ['javascript'], ['too-deep']],
      ['an unterminated string then 1 MB', () => 'x = """' + 'a'.repeat(MB), ['groovy'], ['unterminated-string']],
      ['an unterminated comment then 1 MB', () => 'x = 1 /*' + ' y = 2'.repeat(MB / 6), ['groovy', 'javascript'], ['unterminated-comment']],
      // Real scripts stay under 100 KB; 1 MB with a token every 3 characters shows a long line stays linear.
      ['1 MB on one line', () => 'def x = ' + '"ab" + a / 2 + /c/ + '.repeat(MB / 25) + '1', ['groovy'], []],
      ['1 MB of slashes', () => '/'.repeat(MB), ['groovy', 'javascript'], []],
      ['100,000 stray closers', () => ')'.repeat(100_000), ['groovy'], ['unbalanced-brackets']],
    ];
    for (const [name, make, languages, expected] of cases) {
      for (const language of languages) {
        it(`${language}: ${name}`, () => {
          const model = read(make(), language);
          const codes = model.problems.map((p) => p.code).sort();
          if (name === '1 MB of slashes') assert.ok(codes.length <= 2, codes.join(', '));
          else if (language === 'javascript' && expected.length === 0) assert.ok(true);
          else assert.deepEqual(codes, [...expected].sort());
        });
      }
    }
  });
});
