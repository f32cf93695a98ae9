import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { decodeText } from '../../server/src/engine/text-decode';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import type { IflowModel } from '../../server/src/core/iflow/model';
import type { Position, Range } from '@cpi/common/text/range';
import { selfSignedRsa } from '../support/certs';
import { FIXTURE_TODAY } from '../support/fixture-cases';
import { withinBudget } from './support/budget';
import { FIXTURE_IFLOWS, generatedIflow, realisticIflow } from './support/iflow-arbitraries';
import { checkIflowModel, checkParameterFile } from './support/invariants';
import { fuzzParameters, suiteTimeout } from './support/settings';

// Inputs chosen to break parsers: extreme nesting, entity expansion bombs,
// one enormous line, bytes that are not UTF-8, every kind of line end. Each
// runs once (they are large), against the same soundness checks as the
// random cases, within a time budget proportionate to its size.

const NS = 'xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd"';
const MB = 1024 * 1024;
const URI = 'file:///fuzz/Flow.iflw';

const readIflow = (text: string) => withinBudget('parseIflow', text.length, () => parseIflow(URI, text));
const readParameters = (text: string) =>
  withinBudget('parseParameters', text.length, () => parseParameters('file:///fuzz/parameters.prop', text));
const analyse = (text: string) =>
  withinBudget('analyseArtifact', text.length, () =>
    analyseArtifact({ iflows: [parseIflow(URI, text)], config: DEFAULT_CONFIG, today: FIXTURE_TODAY }),
  );

function channel(id: string, address: string): string {
  return `<bpmn2:messageFlow id="${id}" name="${id}"><bpmn2:extensionElements><ifl:property><key>ComponentType</key><value>HTTP</value></ifl:property><ifl:property><key>direction</key><value>Receiver</value></ifl:property><ifl:property><key>httpAddressWithoutQuery</key><value>${address}</value></ifl:property><ifl:property><key>authenticationMethod</key><value>Basic</value></ifl:property></bpmn2:extensionElements></bpmn2:messageFlow>`;
}

/** Line and character of an offset, counted independently of LineIndex. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  // An offset between "\r" and "\n" is still on the line the "\r" ends.
  const inCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
  if (inCrlf) before.pop();
  return inCrlf
    ? { line: before.length - 1, character: before[before.length - 1].length + 1 }
    : { line: before.length - 1, character: before[before.length - 1].length };
}

/** The offset of a position, counted independently of LineIndex. */
function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = offset;
    const found = match.exec(text);
    assert.ok(found, `line ${position.line} beyond the text`);
    offset = found.index + found[0].length;
  }
  return offset + position.character;
}

const rawAt = (text: string, range: Range) => text.slice(offsetOf(text, range.start), offsetOf(text, range.end));

function heapGrowthDuring(call: () => unknown): number {
  const before = process.memoryUsage().heapUsed;
  const kept = call();
  const grown = process.memoryUsage().heapUsed - before;
  void kept;
  return grown;
}

describe('fuzz: special inputs', function () {
  this.timeout(suiteTimeout(120_000));

  describe('100,000-deep nesting', () => {
    const depth = 100_000;

    it('unknown elements nested around and inside a channel', () => {
      const text = `<bpmn2:definitions ${NS}>${'<a>'.repeat(depth)}${channel('Deep', 'http://{{x}}')}${'</a>'.repeat(depth)}</bpmn2:definitions>`;
      const { model } = readIflow(text);
      checkIflowModel(text, model);
      assert.deepEqual(
        model.channels.map((c) => c.adapter),
        ['HTTP'],
      );
      assert.deepEqual(model.problems, []);
    });

    it('inside a value, and never closed', () => {
      const inValue = `<bpmn2:definitions ${NS}><bpmn2:messageFlow id="M"><ifl:property><key>address</key><value>${'<b>'.repeat(depth)}v${'</b>'.repeat(depth)}</value></ifl:property></bpmn2:messageFlow></bpmn2:definitions>`;
      const { model } = readIflow(inValue);
      checkIflowModel(inValue, model);
      assert.equal(model.channels[0].properties.get('address')?.value?.text, 'v');
      const unclosed = `<bpmn2:definitions ${NS}>${'<bpmn2:extensionElements>'.repeat(depth)}`;
      checkIflowModel(unclosed, readIflow(unclosed).model);
    });

    it('channels and properties nested in themselves', () => {
      const channels = `<bpmn2:definitions ${NS}>${Array.from({ length: depth }, (_, i) => `<bpmn2:messageFlow id="M${i}">`).join('')}${'</bpmn2:messageFlow>'.repeat(depth)}</bpmn2:definitions>`;
      const read = readIflow(channels).model;
      checkIflowModel(channels, read);
      assert.equal(read.channels.length, depth);
      const properties = `<bpmn2:definitions ${NS}><bpmn2:messageFlow id="M">${'<ifl:property><key>k</key><value>v'.repeat(depth)}${'</value></ifl:property>'.repeat(depth)}</bpmn2:messageFlow></bpmn2:definitions>`;
      checkIflowModel(properties, readIflow(properties).model);
      // The rules over 100,000 channels too.
      analyse(channels);
    });
  });

  describe('entity expansion (billion laughs)', () => {
    // lol9 would expand to 10^9 "lol"s: 3 GB.
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n');
    const dtd = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${levels}\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n`;
    const text = `${dtd}<bpmn2:definitions ${NS}><bpmn2:collaboration id="C">${channel('Bomb', '&lol9;')}<bpmn2:extensionElements><ifl:property><key>&lol9;</key><value>&xxe;&lol5;</value></ifl:property></bpmn2:extensionElements></bpmn2:collaboration></bpmn2:definitions>`;

    it('keeps references as written, reports them, and stays small', () => {
      let model: IflowModel | undefined;
      const grown = heapGrowthDuring(() => (model = readIflow(text).model));
      assert.ok(model);
      checkIflowModel(text, model);
      assert.equal(model.channels[0].properties.get('httpAddressWithoutQuery')?.value?.text, '&lol9;');
      assert.equal(model.otherProperties[0].key, '&lol9;');
      assert.equal(model.otherProperties[0].value?.text, '&xxe;&lol5;');
      assert.ok(
        model.problems.some((p) => /entity/.test(p.message)),
        'the undefined reference is reported',
      );
      assert.ok(grown < 64 * MB, `reading grew the heap by ${(grown / MB).toFixed(0)} MB`);
    });

    it('analyses the file without expanding either', () => {
      const grown = heapGrowthDuring(() => analyse(text));
      assert.ok(grown < 64 * MB, `analysis grew the heap by ${(grown / MB).toFixed(0)} MB`);
    });

    it('many references to one large entity (quadratic blowup) stay references', () => {
      const big = `<!DOCTYPE d [<!ENTITY a "${'x'.repeat(100_000)}">]>\n`;
      const many = `${big}<bpmn2:definitions ${NS}>${channel('Q', '&a;'.repeat(100_000))}</bpmn2:definitions>`;
      const { model } = readIflow(many);
      assert.equal(model.channels[0].properties.get('httpAddressWithoutQuery')?.value?.text, '&a;'.repeat(100_000));
    });
  });

  describe('a single 50 MB line', () => {
    it('an iFlow of 50 MB on one line', () => {
      const parts = [`<bpmn2:definitions ${NS}><bpmn2:collaboration id="C">`];
      let length = parts[0].length;
      let count = 0;
      while (length < 50 * MB) {
        const piece = channel(`M${count}`, `http://h${count++}.example.com/a?x=1&amp;y=2`);
        parts.push(piece);
        length += piece.length;
      }
      parts.push('</bpmn2:collaboration></bpmn2:definitions>');
      const text = parts.join('');
      const { model } = readIflow(text);
      assert.equal(model.channels.length, count);
      assert.deepEqual(model.problems, []);
      const last = model.channels[count - 1];
      const start = text.lastIndexOf('<bpmn2:messageFlow');
      assert.deepEqual(last.range.start, { line: 0, character: start });
      const address = last.properties.get('httpAddressWithoutQuery')!.value!;
      assert.equal(address.text, `http://h${count - 1}.example.com/a?x=1&y=2`);
      assert.equal(text.slice(address.startOffset, address.endOffset), `http://h${count - 1}.example.com/a?x=1&amp;y=2`);
    });

    it('a 50 MB value, a 50 MB run of "<", and 50 MB of text that is no XML', () => {
      const value = `<bpmn2:definitions ${NS}><bpmn2:messageFlow id="M"><ifl:property><key>k</key><value>${'x'.repeat(50 * MB)}</value></ifl:property></bpmn2:messageFlow></bpmn2:definitions>`;
      const { model } = readIflow(value);
      assert.equal(model.channels[0].properties.get('k')?.value?.text.length, 50 * MB);
      for (const text of ['<'.repeat(50 * MB), 'x'.repeat(50 * MB), '<a b="'.repeat(9 * MB)]) {
        const read = readIflow(text).model;
        assert.ok(read.problems.length > 0 && read.problems.length <= 100);
      }
    });

    it('a parameters.prop with a 50 MB line: a value, escapes, a key, continuation backslashes', () => {
      const plain = readParameters(`key=${'v'.repeat(50 * MB)}\nnext=1\n`).file;
      assert.equal(plain.entries.get('key')?.value.text.length, 50 * MB);
      assert.equal(plain.entries.get('next')?.value.text, '1');
      const escapes = readParameters(`url=${'\\:'.repeat(25 * MB)}`).file;
      const url = escapes.entries.get('url')!.value;
      assert.equal(url.text.length, 25 * MB);
      assert.equal(url.sourceOffsetAt(25 * MB - 1), 4 + 50 * MB - 2);
      const malformed = readParameters(`bad=${'\\u'.repeat(25 * MB)}`).file;
      assert.equal(malformed.problems?.length, 100, 'problems are capped');
      readParameters('k'.repeat(50 * MB));
      readParameters('\\'.repeat(50 * MB));
    });

    it('a parameters.prop at the default size limit made only of the shortest entries (5 million lines)', () => {
      // About 100 bytes kept per entry; it once took 50 s and 4 GB, and ran out of memory at 50 MB.
      const text = Buffer.from('a=b\n'.repeat(5 * MB)).toString();
      let file: ReturnType<typeof readParameters>['file'] | undefined;
      const grown = heapGrowthDuring(() => (file = readParameters(text).file));
      assert.equal(file!.all.length, 5 * MB);
      assert.equal(file!.entries.get('a')?.value.text, 'b');
      assert.deepEqual(file!.all[5 * MB - 1].range, { start: { line: 5 * MB - 1, character: 0 }, end: { line: 5 * MB - 1, character: 3 } });
      assert.ok(grown < 1024 * MB, `reading grew the heap by ${(grown / MB).toFixed(0)} MB`);
    });

    it('a certificate file of 50 MB on one line', () => {
      const pem = selfSignedRsa().pem.replace(/\n/g, '');
      const bytes = new Uint8Array(Buffer.from(pem.repeat(Math.ceil((50 * MB) / pem.length))));
      const file = withinBudget('readCertificateFile', bytes.length, () => readCertificateFile(bytes, 'bundle.pem'));
      assert.ok(file.problems.length <= 51);
    });
  });

  describe('bytes that are not UTF-8', () => {
    const INVALID = [[0xff], [0xc3, 0x28], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xfe, 0xfe], [0xe2, 0x82]];

    it('are refused for iFlows by the command line, and read with replacement characters by the editor', () => {
      const strict = new TextDecoder('utf-8', { fatal: true });
      let refused = 0;
      let cases = 0;
      fc.assert(
        fc.property(
          realisticIflow,
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVALID)), { minLength: 1, maxLength: 4 }),
          (text, insertions) => {
            let bytes = Buffer.from(text, 'utf8');
            for (const [at, sequence] of insertions) {
              const i = at % (bytes.length + 1);
              bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(sequence), bytes.subarray(i)]);
            }
            // Insertions can also meet and make a valid character (E2 82 then 80 is U+2080).
            let valid = true;
            try {
              strict.decode(bytes);
            } catch {
              valid = false;
            }
            cases++;
            const decoded = decodeText(new Uint8Array(bytes), 'iflow');
            if ('error' in decoded) refused++;
            assert.equal('error' in decoded, !valid, valid ? 'valid UTF-8 refused' : 'invalid UTF-8 accepted as an iFlow');
            // What an editor holds for such a file: U+FFFD for every bad sequence.
            const lossy = new TextDecoder('utf-8').decode(bytes);
            checkIflowModel(lossy, readIflow(lossy).model);
          },
        ),
        fuzzParameters(100),
      );
      assert.ok(refused > cases * 0.9, `${refused} of ${cases} refused`);
    });

    it('are read as ISO-8859-1 for parameters.prop, one character per byte', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (random) => {
          const bytes = new Uint8Array(
            Buffer.concat([Buffer.from('Host=caf'), Buffer.from([0xe9]), Buffer.from('\n'), Buffer.from(random)]),
          );
          const decoded = decodeText(bytes, 'parameters');
          if ('error' in decoded) {
            assert.ok(bytes.includes(0), 'refused without NUL bytes');
            return;
          }
          assert.equal(decoded.text.length, bytes.length);
          const file = readParameters(decoded.text).file;
          checkParameterFile(decoded.text, file);
          assert.equal(file.all[0].value.text, 'café');
        }),
        fuzzParameters(200),
      );
    });
  });

  describe('mixed line endings', () => {
    const mixed = (text: string, seed: number) => {
      let state = seed >>> 0;
      return text.replace(/\r\n|\r|\n/g, () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return ['\n', '\r\n', '\r'][(state >>> 16) % 3];
      });
    };

    it('iFlow ranges point at the same text whatever the line ends', () => {
      fc.assert(
        fc.property(fc.oneof(generatedIflow, fc.constantFrom(...FIXTURE_IFLOWS.map((f) => f.text))), fc.nat(), (original, seed) => {
          const text = mixed(original, seed);
          const { model } = readIflow(text);
          checkIflowModel(text, model);
          const lf = parseIflow(URI, original.replace(/\r\n?/g, '\n')).model;
          assert.equal(model.channels.length, lf.channels.length);
          for (const channel of model.channels) {
            assert.ok(rawAt(text, channel.range).startsWith('<'), 'channel range starts at its tag');
            for (const property of channel.properties.values()) {
              assert.deepEqual(property.keyRange.start, positionOf(text, offsetOf(text, property.keyRange.start)));
              const rawKey = rawAt(text, property.keyRange);
              if (!/[&<\r]/.test(rawKey)) assert.equal(rawKey, property.key);
              const value = property.value;
              if (!value) continue;
              assert.deepEqual(value.range.start, positionOf(text, value.startOffset), 'value start position');
              assert.deepEqual(value.range.end, positionOf(text, value.endOffset), 'value end position');
              const raw = text.slice(value.startOffset, value.endOffset);
              if (!/[&<]/.test(raw)) assert.equal(raw.replace(/\r\n?/g, '\n'), value.text);
            }
          }
        }),
        fuzzParameters(150),
      );
    });

    it('parameters ranges point at the same text whatever the line ends', () => {
      const source =
        'Host=backend.example.com\nReceiver\\ Address=https\\://a.example.com\\:8443/x\nMulti=first,\\\n    second,\\\n\tthird\n# comment \\\nLast=1\n';
      fc.assert(
        fc.property(fc.nat(), (seed) => {
          const text = mixed(source, seed);
          const file = readParameters(text).file;
          checkParameterFile(text, file);
          assert.deepEqual(
            file.all.map((e) => [e.key, e.value.text]),
            [
              ['Host', 'backend.example.com'],
              ['Receiver Address', 'https://a.example.com:8443/x'],
              ['Multi', 'first,second,third'],
              ['Last', '1'],
            ],
          );
          for (const entry of file.all) {
            assert.deepEqual(entry.value.range.start, positionOf(text, entry.value.startOffset));
            assert.deepEqual(entry.value.range.end, positionOf(text, entry.value.endOffset));
          }
          assert.equal(rawAt(text, file.entries.get('Host')!.value.range), 'backend.example.com');
          const multi = file.entries.get('Multi')!.value;
          assert.equal(text.slice(multi.sourceOffsetAt('first,second,'.length), multi.endOffset), 'third');
        }),
        fuzzParameters(100),
      );
    });
  });
});
