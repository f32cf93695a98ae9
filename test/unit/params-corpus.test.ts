import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHostPort, parseUrl } from '../../server/src/core/params/endpoint';
import { readParameters } from '../../server/src/core/params/properties';
import { locateSlice, resolveValue } from '../../server/src/core/params/resolve';
import { UNKNOWN } from '../../server/src/core/params/resolved-value';
import { fakeProperty } from './support/fake-property';
import { referenceUnescape } from './support/reference-unescape';

// Regression over real parameters.prop files (and the iFlows next to them)
// from ../shared/corpus; skipped where that folder does not exist.

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function corpusFiles(suffix: string): string[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith(suffix))
    .map((path) => join(CORPUS, path));
}

describe('parameters.prop corpus', function () {
  const files = corpusFiles('parameters.prop');

  before(function () {
    if (files.length === 0) this.skip();
  });

  it('reads every file, each value equal to a reference decoding of its raw text', () => {
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const file = readParameters(text);
      assert.ok(file.all.length > 0, path);
      assert.deepEqual(file.problems, [], path);
      for (const entry of file.all) {
        const { value } = entry;
        const raw = text.slice(value.startOffset, value.endOffset);
        assert.equal(value.text, referenceUnescape(raw), `${path}: ${entry.key}`);
        for (let i = 0; i < value.text.length; i++) {
          const piece = text.slice(value.sourceOffsetAt(i), value.sourceOffsetAt(i + 1));
          assert.equal(referenceUnescape(piece), value.text[i], `${path}: ${entry.key}[${i}]`);
        }
        // every logical line of a corpus file is `key=value` on one line
        const lineStart = text.lastIndexOf('\n', value.startOffset - 1) + 1;
        const keyRaw = text.slice(lineStart, value.startOffset - 1);
        assert.equal(entry.key, referenceUnescape(keyRaw), path);
      }
    }
  });

  it('resolves every property value of the iFlows beside them without breaking its invariants', () => {
    let references = 0;
    let resolved = 0;
    for (const path of files) {
      const params = readParameters(readFileSync(path, 'utf8'));
      const flows = join(dirname(path), 'scenarioflows', 'integrationflow');
      if (!existsSync(flows)) continue;
      for (const name of readdirSync(flows).filter((n) => n.endsWith('.iflw'))) {
        const xml = readFileSync(join(flows, name), 'utf8');
        for (const match of xml.matchAll(/<value>([^<]*)<\/value>/g)) {
          const property = fakeProperty('value', match[1], match.index! + '<value>'.length);
          const r = resolveValue(property, params);
          let at = 0;
          for (const s of r.segments) {
            assert.equal(s.textStart, at);
            at = s.textEnd;
            if (s.origin.kind !== 'unknown') assert.equal(r.text.slice(s.textStart, s.textEnd), s.raw);
            else assert.equal(r.text.slice(s.textStart, s.textEnd), UNKNOWN);
          }
          assert.equal(at, r.text.length);
          references += r.referencedNames.length;
          resolved += r.segments.filter((s) => s.origin.kind === 'parameter').length;
          const url = parseUrl(r.text);
          parseHostPort(r.text);
          if (url?.portRange) locateSlice(r, url.portRange[0], url.portRange[1]);
        }
      }
    }
    assert.ok(references > 0 && resolved > 0, `${references} references, ${resolved} resolved`);
  });
});
