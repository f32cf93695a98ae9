import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { readIflow } from '../../server/src/core/iflow/reader';
import { LineIndex, type Range } from '@cpi/common/text/range';
import { withinBudget } from './support/budget';
import { anyIflowText, FIXTURE_IFLOWS, generatedIflow, mutatedIflow } from './support/iflow-arbitraries';
import { mutatedText } from './support/mutations';
import { checkIflowModel, iflowSnapshot } from './support/invariants';
import { fuzzParameters, suiteTimeout } from './support/settings';

// The iFlow reader is total: any text gives a model (never an exception),
// in bounded time, with every range inside the text and every value mapped
// back onto the raw characters it came from.

const read = (text: string) => withinBudget('parseIflow', text.length, () => parseIflow('file:///fuzz/Flow.iflw', text));

describe('fuzz: iFlow reader', function () {
  this.timeout(suiteTimeout(120_000));

  it('reads every fixture and generated iFlow without problems (the seeds are sound)', () => {
    let withChannels = 0;
    for (const { text } of FIXTURE_IFLOWS) {
      const { model } = read(text);
      checkIflowModel(text, model);
      if (model.channels.length > 0) withChannels++;
    }
    assert.ok(
      FIXTURE_IFLOWS.length > 20 && withChannels > FIXTURE_IFLOWS.length * 0.9,
      `${withChannels} of ${FIXTURE_IFLOWS.length} fixtures have channels`,
    );
    fc.assert(
      fc.property(generatedIflow, (text) => {
        const { model } = read(text);
        assert.deepEqual(model.problems, [], 'a generated iFlow is well-formed');
        checkIflowModel(text, model);
      }),
      fuzzParameters(150),
    );
  });

  it('returns a sound model for damaged and arbitrary text', () => {
    fc.assert(
      fc.property(anyIflowText, (text) => {
        checkIflowModel(text, read(text).model);
      }),
      fuzzParameters(1200),
    );
  });

  it('reads the same text the same way every time', () => {
    fc.assert(
      fc.property(mutatedIflow, (text) => {
        assert.deepEqual(iflowSnapshot(readIflow(text)), iflowSnapshot(read(text).model));
      }),
      fuzzParameters(150),
    );
  });

  it('never expands a DTD entity, however the document around it is damaged', () => {
    const withDtd = generatedIflow.map((text) => {
      const dtd =
        '<!DOCTYPE d [\n<!ENTITY inner "EXPANDED-INNER">\n<!ENTITY outer "EXPANDED-&inner;&inner;">\n<!ENTITY file SYSTEM "file:///etc/passwd">\n<!ENTITY % p "EXPANDED-PARAM">\n]>\n';
      const declared = text.startsWith('<?xml') ? text.replace(/\?>\s*/, `?>\n${dtd}`) : dtd + text;
      // References where values and keys go.
      return declared
        .replace(/<value>/g, '<value>&outer;')
        .replace(/<key>Name<\/key>/g, '<key>Name&inner;</key>')
        .replace('<value/>', '<value>&file;</value>');
    });
    fc.assert(
      fc.property(fc.oneof(withDtd, mutatedText(withDtd, 2)), (text) => {
        const { model } = read(text);
        checkIflowModel(text, model);
        const lines = new LineIndex(text);
        const raw = (range: Range) => text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
        const properties = [...model.channels.flatMap((c) => [...c.properties.values()]), ...model.otherProperties];
        // A mutation may move DTD text into a value: then it is the value's own text.
        const pairs = properties.flatMap((p) => [
          [p.key, raw(p.keyRange)],
          [p.value?.text ?? '', p.value ? raw(p.value.range) : ''],
        ]);
        for (const [decoded, source] of pairs) {
          for (const marker of ['EXPANDED-', 'root:']) {
            assert.ok(
              !decoded.includes(marker) || source.includes(marker),
              `entity expanded into ${JSON.stringify(decoded.slice(0, 200))}`,
            );
          }
        }
      }),
      fuzzParameters(200),
    );
  });
});
