import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParameterEntry, ParameterFile } from '../../server/src/core/params/model';
import { escapePropertyKey, escapePropertyValue, readParameters } from '../../server/src/core/params/properties';
import { LineIndex } from '@cpi/common/text/range';
import { referenceUnescape } from './support/reference-unescape';

const FIXTURES = join(__dirname, '..', 'fixtures', 'params');

function entry(file: ParameterFile, key: string): ParameterEntry {
  const found = file.entries.get(key);
  assert.ok(found, `no entry ${JSON.stringify(key)}`);
  return found;
}

/** Every decoded character must come from exactly the raw characters its offsets point at. */
function assertMapping(text: string, e: ParameterEntry): void {
  const { value } = e;
  assert.equal(value.sourceOffsetAt(0), value.startOffset);
  assert.equal(value.sourceOffsetAt(value.text.length), value.endOffset);
  assert.equal(referenceUnescape(text.slice(value.startOffset, value.endOffset)), value.text, `value of ${e.key}`);
  for (let i = 0; i < value.text.length; i++) {
    const raw = text.slice(value.sourceOffsetAt(i), value.sourceOffsetAt(i + 1));
    assert.equal(referenceUnescape(raw), value.text[i], `character ${i} of ${e.key} from ${JSON.stringify(raw)}`);
  }
}

describe('readParameters', () => {
  const text = readFileSync(join(FIXTURES, 'java-syntax.prop'), 'utf8');
  const file = readParameters(text);

  it('reads every key and value the way java.util.Properties#load does', () => {
    // The expected file was produced by java.util.Properties#load on the same fixture.
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'java-syntax.expected.json'), 'utf8')) as Record<string, string>;
    const actual = Object.fromEntries([...file.entries].map(([key, e]) => [key, e.value.text]));
    assert.deepEqual(actual, expected);
    assert.deepEqual(file.problems, []);
  });

  it('maps every decoded character back to its raw characters', () => {
    for (const e of file.all) assertMapping(text, e);
  });

  it('keeps duplicates in file order and lets the last one win', () => {
    assert.deepEqual(
      file.all.filter((e) => e.key === 'Dup').map((e) => e.value.text),
      ['first', 'second'],
    );
    assert.equal(entry(file, 'Dup').value.text, 'second');
  });

  it('gives exact ranges across a continued value with CRLF and CR line ends', () => {
    const lines = new LineIndex(text);
    const multi = entry(file, 'Multi');
    const start = text.indexOf('Multi=');
    assert.deepEqual(multi.keyRange, lines.rangeOf(start, start + 5));
    assert.equal(multi.value.startOffset, start + 6);
    const third = text.indexOf('third');
    assert.equal(multi.value.endOffset, third + 5);
    assert.deepEqual(multi.range, lines.rangeOf(start, third + 5));
    assert.deepEqual(multi.value.range.end, { line: lines.positionAt(third).line, character: 6 });
    // "second" starts after the indentation of its line, "third" after a tab
    assert.equal(multi.value.sourceOffsetAt('first,'.length), text.indexOf('second,'));
    assert.equal(multi.value.sourceOffsetAt('first,second,'.length), third);
    // the ',' before a continuation is followed by the continuation itself
    assert.equal(text.slice(multi.value.sourceOffsetAt(5), multi.value.sourceOffsetAt(6)), ',\\\r\n      ');
  });

  it('maps escapes to the backslash that starts them', () => {
    const address = entry(file, 'Receiver Address');
    const raw = 'https\\://orders.example.com\\:8443/api';
    const start = text.indexOf(raw);
    assert.equal(address.value.startOffset, start);
    assert.equal(address.value.endOffset, start + raw.length);
    assert.equal(address.value.sourceOffsetAt(5), start + 5); // ':' comes from '\:'
    assert.equal(address.value.sourceOffsetAt(6), start + 7);
    const port = address.value.text.indexOf('8443');
    assert.equal(text.slice(address.value.sourceOffsetAt(port), address.value.sourceOffsetAt(port + 4)), '8443');
    const key = text.indexOf('Receiver\\ Address');
    assert.deepEqual(address.keyRange, new LineIndex(text).rangeOf(key, key + 'Receiver\\ Address'.length));

    const unicode = entry(file, 'Unicode');
    const u = text.indexOf('caf\\u00e9');
    assert.equal(unicode.value.sourceOffsetAt(3), u + 3);
    assert.equal(unicode.value.sourceOffsetAt(4), u + 9);
  });

  it('places the value of a key without value at the end of its line', () => {
    for (const key of ['KeyOnly', 'KeyOnlySpaces', 'EmptyValue']) {
      const e = entry(file, key);
      const lineEnd = text.indexOf('\n', text.indexOf(key + (key === 'KeyOnly' ? '\n' : '')));
      assert.equal(e.value.text, '');
      assert.equal(e.value.startOffset, lineEnd, key);
      assert.equal(e.value.endOffset, lineEnd, key);
    }
  });

  it('ends a value before a continuation that leads to a blank line', () => {
    const e = entry(file, 'ContinuationBlank');
    const end = text.indexOf('abc\\') + 4;
    assert.equal(e.value.endOffset, end); // the dangling backslash belongs to the value's raw text
    assert.equal(entry(file, 'AfterBlank').value.text, '1');
  });

  it('decodes a \\u escape split by a continuation, as Java does', () => {
    const e = entry(file, 'EscapeSplit');
    assert.equal(e.value.text, 'A joined');
    assert.equal(e.value.sourceOffsetAt(0), text.indexOf('\\u00\\'));
  });

  it('keeps a malformed \\u escape as written, reports it and reads on', () => {
    const source = 'bad=\\u12G4 rest\nshort=x\\u1\ngood=\\u0041\n';
    const parsed = readParameters(source);
    assert.equal(entry(parsed, 'bad').value.text, '\\u12G4 rest');
    assert.equal(entry(parsed, 'short').value.text, 'x\\u1');
    assert.equal(entry(parsed, 'good').value.text, 'A');
    assert.equal(parsed.problems?.length, 2);
    assert.deepEqual(parsed.problems?.[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } });
    assert.deepEqual(parsed.problems?.[1].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
    const bad = entry(parsed, 'bad').value;
    assert.equal(bad.sourceOffsetAt(0), 4);
    assert.equal(bad.sourceOffsetAt(1), 5);
    assert.equal(bad.sourceOffsetAt(2), 6);
  });

  it('drops a trailing backslash at the end of the file', () => {
    const parsed = readParameters('a=b\\');
    assert.equal(entry(parsed, 'a').value.text, 'b');
    assert.equal(entry(parsed, 'a').value.endOffset, 4);
  });

  it('treats an even number of trailing backslashes as text', () => {
    const parsed = readParameters('a=b\\\\\nc=d\\\\\\\ne\n');
    assert.equal(entry(parsed, 'a').value.text, 'b\\');
    assert.equal(entry(parsed, 'c').value.text, 'd\\e');
    assert.equal(parsed.all.length, 2);
  });

  it('does not continue a comment, and reads # inside a continued value', () => {
    const parsed = readParameters('# note \\\nk=v\\\n  #x\n');
    assert.deepEqual(
      parsed.all.map((e) => [e.key, e.value.text]),
      [['k', 'v#x']],
    );
  });

  it('copes with empty, comment-only and byte-order-marked files', () => {
    assert.equal(readParameters('').all.length, 0);
    assert.equal(readParameters('# only\n! comments\r\n\r\n   \n').all.length, 0);
    const bom = readParameters('\uFEFFkey=value');
    assert.equal(entry(bom, 'key').value.text, 'value');
    assert.deepEqual(entry(bom, 'key').keyRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
  });

  it('never throws on odd input', () => {
    const inputs = ['\\', '\\\\', '=', ':', ' = ', '\\u', 'a\\u', 'a=\\u\\', '\r\r\n\n', 'k\\', '\\\n\\\n', '=\\\n'];
    for (const input of inputs) assert.doesNotThrow(() => readParameters(input), JSON.stringify(input));
    assert.equal(entry(readParameters('=x'), '').value.text, 'x');
  });

  it('reads SAP-style lines', () => {
    const parsed = readParameters('#Wed Nov 09 15:49:13 UTC 2022\nS4\\ Address=http\\://host.example.com\\:443\nQuery=sap-client\\=100\n');
    assert.equal(entry(parsed, 'S4 Address').value.text, 'http://host.example.com:443');
    assert.equal(entry(parsed, 'Query').value.text, 'sap-client=100');
  });
});

describe('escapePropertyValue', () => {
  it('writes values in the style of SAP parameters.prop files', () => {
    assert.equal(escapePropertyValue('https://s4.example.com:443/path?a=b'), 'https\\://s4.example.com\\:443/path?a\\=b');
    assert.equal(escapePropertyValue('C:\\temp'), 'C\\:\\\\temp');
    assert.equal(escapePropertyValue('  two'), '\\  two');
    assert.equal(escapePropertyValue('a b '), 'a b ');
    assert.equal(escapePropertyValue('#!'), '\\#\\!');
    assert.equal(escapePropertyValue('line1\nline2\r\t\f'), 'line1\\nline2\\r\\t\\f');
    assert.equal(escapePropertyValue('café €'), 'caf\\u00E9 \\u20AC');
    assert.equal(escapePropertyValue(''), '');
  });

  it('escapes every space of a key', () => {
    assert.equal(escapePropertyKey('S4 Address'), 'S4\\ Address');
    assert.equal(escapePropertyKey('a=b:c'), 'a\\=b\\:c');
  });

  it('round-trips through the reader', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      ' ',
      '\\',
      ':',
      '=',
      '#',
      '!',
      '\t',
      '\n',
      '\r',
      '\f',
      'é',
      '€',
      '\uD83D\uDE00',
      'u',
      '{',
      '}',
      '$',
      '<',
      '>',
      '&',
      '\u0000',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const samples = ['', ' ', '  lead', 'trail  ', '\\', '\\u0041', '# not a comment', '! nor this', 'key=value', 'a\\\nb'];
    for (let i = 0; i < 300; i++) {
      let s = '';
      const length = next(12);
      for (let j = 0; j < length; j++) s += alphabet[next(alphabet.length)];
      samples.push(s);
    }
    for (const value of samples) {
      for (const key of ['k', 'key with spaces', ' lead=:#', '']) {
        const parsed = readParameters(`${escapePropertyKey(key)}=${escapePropertyValue(value)}\n`);
        assert.equal(parsed.all.length, 1, JSON.stringify([key, value]));
        assert.equal(parsed.all[0].key, key);
        assert.equal(parsed.all[0].value.text, value, JSON.stringify(value));
      }
    }
  });

  it('round-trips when the value follows a separator written with spaces', () => {
    const parsed = readParameters(`k = ${escapePropertyValue('  = x')}`);
    assert.equal(entry(parsed, 'k').value.text, '  = x');
  });
});
