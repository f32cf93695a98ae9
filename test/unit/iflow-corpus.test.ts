import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IflowModel } from '../../server/src/core/iflow/model';
import { readIflow } from '../../server/src/core/iflow/reader';
import { readTable } from '../../server/src/core/iflow/table';
import { LineIndex } from '@cpi/common/text/range';
import { allProperties, saxesDecode } from './iflow-support';

// Real iFlows next to the repository (never copied into it); absent on most machines.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.iflw'))
      .sort()
  : [];

const CUTS_PER_FILE = 20;

function flowEnd(text: string, id: string): number {
  const open = text.indexOf(`id="${id}"`);
  const close = text.indexOf('</bpmn2:messageFlow>', open);
  return close < 0 ? Infinity : close + '</bpmn2:messageFlow>'.length;
}

function summary(model: IflowModel, id: string) {
  const channel = model.channels.find((c) => c.id === id);
  return channel && [...channel.properties.values()].map((p) => [p.key, p.value?.text]);
}

describe('readIflow on the corpus', () => {
  if (files.length === 0) it.skip(`needs the corpus at ${CORPUS}`);

  for (const name of files) {
    describe(name, () => {
      const text = readFileSync(path.join(CORPUS, name), 'utf8');

      it('reads channels and exact key/value ranges', () => {
        const lines = new LineIndex(text);
        const model = readIflow(text, lines);
        assert.deepEqual(model.problems, []);
        assert.equal(model.channels.length, text.split('<bpmn2:messageFlow ').length - 1);
        for (const channel of model.channels) {
          if (channel.properties.has('ComponentType')) assert.notEqual(channel.adapter, '', channel.id);
          assert.ok(text.startsWith('<bpmn2:messageFlow', lines.offsetAt(channel.range.start)), channel.id);
        }
        for (const property of allProperties(model)) {
          const keyRaw = text.slice(lines.offsetAt(property.keyRange.start), lines.offsetAt(property.keyRange.end));
          assert.equal(property.key, saxesDecode(keyRaw));
          if (!property.value) continue;
          const value = property.value;
          const raw = text.slice(lines.offsetAt(value.range.start), lines.offsetAt(value.range.end));
          assert.equal(raw, text.slice(value.startOffset, value.endOffset), property.key);
          assert.equal(value.text, saxesDecode(raw), property.key);
          // Table cells map back into the raw value.
          for (const row of readTable(value.text)) {
            for (const cell of row) {
              const rawCell = text.slice(value.sourceOffsetAt(cell.start), value.sourceOffsetAt(cell.end));
              assert.equal(saxesDecode(saxesDecode(rawCell)), cell.text, `${property.key} ${cell.id}`);
            }
          }
        }
      });

      it(`survives ${CUTS_PER_FILE} truncations, keeping channels that ended before the cut`, () => {
        const full = readIflow(text);
        const ends = new Map(full.channels.map((c) => [c.id, flowEnd(text, c.id)]));
        for (let n = 1; n <= CUTS_PER_FILE; n++) {
          // Spread the cuts over the file, off the round offsets.
          const cut = Math.floor((text.length * n) / (CUTS_PER_FILE + 1)) + (n % 7);
          const model = readIflow(text.slice(0, cut));
          for (const channel of full.channels) {
            if (ends.get(channel.id)! > cut) continue;
            assert.deepEqual(summary(model, channel.id), summary(full, channel.id), `${channel.id} cut at ${cut}`);
          }
        }
      });
    });
  }
});
