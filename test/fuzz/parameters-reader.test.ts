import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseParameters } from '../../server/src/core/analysis/parsed';
import { escapePropertyKey, escapePropertyValue, readParameters } from '../../server/src/core/params/properties';
import { filesUnder } from '../support/files';
import { referenceUnescape } from '../unit/support/reference-unescape';
import { withinBudget } from './support/budget';
import { checkParameterFile, parametersSnapshot } from './support/invariants';
import { mutatedText } from './support/mutations';
import { readParametersReference } from './support/reference-properties';
import { fuzzParameters, suiteTimeout } from './support/settings';

// parameters.prop is read with java.util.Properties#load syntax. The reader
// is total and linear, every decoded character maps back onto the raw
// characters it came from, and what escapePropertyKey/Value write reads back
// as the same key and value.

const FIXTURES = join(__dirname, '..', 'fixtures');
const FIXTURE_FILES = filesUnder(FIXTURES)
  .filter((path) => path.endsWith('.prop'))
  .sort()
  .map((path) => readFileSync(path, 'utf8'));

const LINE_ENDS = ['\n', '\r\n', '\r'];

/** Lines in the shapes Java's syntax allows: separators, escapes, continuations, comments, blank lines. */
const line = fc.oneof(
  fc
    .record({
      key: fc.constantFrom('Host', 'Receiver\\ Address', 'a\\=b', 'Key\\:With\\=Seps', 'caf\\u00e9', '', 'Password', 'x'),
      separator: fc.constantFrom('=', ':', ' ', ' = ', '\t', '  :  ', '= ', ' =='),
      value: fc.array(
        fc.constantFrom(
          'https',
          '\\://',
          'host.example.com',
          '\\:8443',
          '/api',
          ' ',
          '\\\\',
          '\\t',
          '\\n',
          '\\u20AC',
          '\\u00',
          '\\uD83D\\uDE00',
          '{{x}}',
          '#',
          '!',
          '=',
          ':',
          'é',
          '\\ ',
          '\\',
        ),
        { maxLength: 8 },
      ),
      continuation: fc.array(fc.tuple(fc.constantFrom(...LINE_ENDS), fc.constantFrom('', ' ', '\t ', '      ')), { maxLength: 3 }),
    })
    .map(({ key, separator, value, continuation }) => {
      // Continuations go between value pieces: "\" + line end + indentation.
      let text = `${key}${separator}`;
      value.forEach((piece, i) => {
        text += piece;
        const [end, indent] = continuation[i] ?? ['', ''];
        if (end) text += `\\${end}${indent}`;
      });
      return text;
    }),
  fc.constantFrom('# comment', '! comment \\', '#Wed Nov 09 15:49:13 UTC 2022', '', '   ', '\t', 'KeyOnly', '\\', '\\\\', '='),
);

const generatedParameters = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom(...LINE_ENDS)), { maxLength: 12 }))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([text, end]) => text + end).join(''));

const realisticParameters = fc.oneof(
  { weight: 3, arbitrary: generatedParameters },
  { weight: 1, arbitrary: fc.constantFrom(...FIXTURE_FILES) },
);

const anyParametersText = fc.oneof(
  { weight: 2, arbitrary: realisticParameters },
  { weight: 4, arbitrary: mutatedText(realisticParameters) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('\\', 'u', '0', 'a', '=', ':', ' ', '\t', '\n', '\r', '#', '!', 'F'), maxLength: 200 }),
  },
);

const read = (text: string) =>
  withinBudget('parseParameters', text.length, () => parseParameters('file:///fuzz/parameters.prop', text).file);

describe('fuzz: parameters reader', function () {
  this.timeout(suiteTimeout(120_000));

  it('gives sound entries for realistic, damaged and arbitrary text', () => {
    fc.assert(
      fc.property(anyParametersText, (text) => {
        checkParameterFile(text, read(text));
      }),
      fuzzParameters(800),
    );
  });

  it('maps every decoded character back to the raw characters it came from', () => {
    fc.assert(
      fc.property(fc.oneof(realisticParameters, mutatedText(realisticParameters, 2)), (text) => {
        const file = read(text);
        // A malformed \u escape is kept as written, which an unescaping of its raw text cannot reproduce.
        fc.pre((file.problems ?? []).length === 0);
        for (const entry of file.all) {
          const { value } = entry;
          assert.equal(
            referenceUnescape(text.slice(value.startOffset, value.endOffset)),
            value.text,
            `value of ${JSON.stringify(entry.key)}`,
          );
          for (let i = 0; i < value.text.length; i++) {
            const raw = text.slice(value.sourceOffsetAt(i), value.sourceOffsetAt(i + 1));
            assert.equal(
              referenceUnescape(raw),
              value.text[i],
              `character ${i} of ${JSON.stringify(entry.key)} from ${JSON.stringify(raw)}`,
            );
          }
        }
      }),
      fuzzParameters(400),
    );
  });

  it('reads exactly as the straightforward per-character reader does', () => {
    fc.assert(
      fc.property(anyParametersText, (text) => {
        assert.deepEqual(parametersSnapshot(readParameters(text)), parametersSnapshot(readParametersReference(text)));
      }),
      fuzzParameters(500),
    );
  });

  it('reads back what escapePropertyKey and escapePropertyValue write', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)); // lone surrogates too
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: anyUnit, maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(' ', '\\', '=', ':', '#', '!', '\n', '\r', 'u', 'a'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), fc.constantFrom(...LINE_ENDS), (pairs, end) => {
        const source = pairs.map(([key, value]) => `${escapePropertyKey(key)}=${escapePropertyValue(value)}`).join(end);
        const file = read(source);
        assert.deepEqual(
          file.all.map((e) => [e.key, e.value.text]),
          pairs,
        );
        assert.deepEqual(file.problems, []);
        checkParameterFile(source, file);
      }),
      fuzzParameters(400),
    );
  });
});
