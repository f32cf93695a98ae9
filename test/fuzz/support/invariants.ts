import * as assert from 'node:assert/strict';
import type { IflowModel, IflowProperty } from '../../../server/src/core/iflow/model';
import type { ParameterFile } from '../../../server/src/core/params/model';
import { LineIndex, type Position, type Range } from '@cpi/common/text/range';
import type { SourceText } from '../../../server/src/core/text/source-text';

// What every reading must satisfy, whatever the input: the promises the
// readers make in their doc comments (iflow/model.ts, params/model.ts,
// text/source-text.ts), checked against a line index of our own.

/** Checks positions and ranges against one text. */
export class TextChecker {
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** The offset of a position, which must lie in the text: a real line, a character within that line (its line end included). */
  offset(position: Position, what: string): number {
    const { line, character } = position;
    assert.ok(
      Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0,
      `${what}: bad position ${JSON.stringify(position)}`,
    );
    assert.ok(line < this.lines.lineCount, `${what}: line ${line} of ${this.lines.lineCount}`);
    const lineStart = this.lines.offsetAt({ line, character: 0 });
    const offset = this.lines.offsetAt(position);
    assert.equal(offset, lineStart + character, `${what}: character ${character} beyond line ${line}`);
    return offset;
  }

  /** [start, end) offsets of a range, which must be ordered and within the text. */
  span(range: Range, what: string): [number, number] {
    const start = this.offset(range.start, `${what} start`);
    const end = this.offset(range.end, `${what} end`);
    assert.ok(start <= end, `${what}: starts after its end ${JSON.stringify(range)}`);
    return [start, end];
  }

  /** `inner` lies within `outer`. */
  within(inner: Range, outer: Range, what: string): void {
    const [a, b] = this.span(inner, what);
    const [c, d] = this.span(outer, `${what} (outer)`);
    assert.ok(c <= a && b <= d, `${what}: ${JSON.stringify(inner)} outside ${JSON.stringify(outer)}`);
  }

  /**
   * A decoded value's mapping to the raw text: offsets in [startOffset,
   * endOffset], never going back, ending at endOffset, its range the range
   * of those offsets.
   */
  sourceText(value: SourceText, what: string): void {
    assert.ok(
      0 <= value.startOffset && value.startOffset <= value.endOffset && value.endOffset <= this.text.length,
      `${what}: offsets [${value.startOffset}, ${value.endOffset})`,
    );
    assert.deepEqual(value.range, this.lines.rangeOf(value.startOffset, value.endOffset), `${what}: range is not that of its offsets`);
    assert.equal(value.sourceOffsetAt(value.text.length), value.endOffset, `${what}: end of the text maps to endOffset`);
    let previous = value.startOffset;
    const step = Math.max(1, Math.floor(value.text.length / 2000)); // long values are sampled
    for (let i = 0; i < value.text.length; i += step) {
      const offset = value.sourceOffsetAt(i);
      assert.ok(
        Number.isInteger(offset) && offset >= previous && offset <= value.endOffset,
        `${what}: index ${i} maps to ${offset} (previous ${previous}, end ${value.endOffset})`,
      );
      previous = offset;
    }
  }
}

const AMP = 38;
const CR = 13;

/** Checks one iFlow reading of `text`. */
export function checkIflowModel(text: string, model: IflowModel): void {
  const t = new TextChecker(text);
  assert.ok(model.problems.length <= 100, `${model.problems.length} problems`);
  for (const problem of model.problems) {
    t.span(problem.range, `problem "${problem.message}"`);
    assert.equal(typeof problem.message, 'string');
  }
  for (const [id, participant] of model.participants) {
    assert.equal(participant.id, id);
    checkAttribute(t, participant.range, id, `participant ${id}`);
  }
  let previousStart = -1;
  model.channels.forEach((channel, n) => {
    const what = `channel ${n} (${channel.id})`;
    const [start] = t.span(channel.range, what);
    checkAttribute(t, channel.range, channel.id, `${what} id`);
    assert.ok(start > previousStart, `${what}: channels out of document order`);
    previousStart = start;
    assert.ok(text.startsWith('<', start), `${what}: range does not start at its start tag`);
    // Documented derivations (model.ts).
    const componentType = channel.properties.get('ComponentType');
    assert.equal(channel.adapter, componentType?.value?.text.trim() ?? '', `${what}: adapter`);
    const name = channel.properties.get('Name')?.value?.text.trim();
    if (name) assert.equal(channel.name, name, `${what}: name`);
    for (const [key, property] of channel.properties) {
      assert.equal(property.key, key, `${what}: map key`);
      checkProperty(t, property, `${what} property ${JSON.stringify(key)}`);
    }
  });
  model.otherProperties.forEach((property, n) => checkProperty(t, property, `loose property ${n} (${JSON.stringify(property.key)})`));
}

/**
 * An attribute value read from a start tag is in that tag's text (unless
 * references or line ends were decoded; saxes drops a "<" in a value).
 */
function checkAttribute(t: TextChecker, tag: Range, value: string, what: string): void {
  const [start, end] = t.span(tag, what);
  const raw = t.text.slice(start, end).replace(/</g, '');
  if (!/[&\r\n\t]/.test(raw))
    assert.ok(raw.includes(value), `${what}: ${JSON.stringify(value)} is not in its start tag ${JSON.stringify(raw.slice(0, 200))}`);
}

function checkProperty(t: TextChecker, property: IflowProperty, what: string): void {
  t.span(property.range, what);
  if (property.keyElementRange) {
    t.within(property.keyElementRange, property.range, `${what} key element`);
    t.within(property.keyRange, property.keyElementRange, `${what} key`);
  } else {
    t.within(property.keyRange, property.range, `${what} key`);
  }
  const [keyStart, keyEnd] = t.span(property.keyRange, `${what} key`);
  const rawKey = t.text.slice(keyStart, keyEnd);
  // Without references, markup or carriage returns a key is its raw text.
  if (!/[&<\r]/.test(rawKey)) assert.equal(property.key, rawKey, `${what}: key is not its raw text`);
  const value = property.value;
  if (property.valueElementRange) {
    t.within(property.valueElementRange, property.range, `${what} value element`);
    assert.ok(value, `${what}: a value element but no value`);
    t.within(value.range, property.valueElementRange, `${what} value`);
  }
  if (!value) return;
  t.sourceText(value, `${what} value`);
  // Each decoded character is the raw character it maps to, unless that one
  // starts a reference ("&...;") or is a carriage return read as a line feed.
  const step = Math.max(1, Math.floor(value.text.length / 2000));
  for (let i = 0; i < value.text.length; i += step) {
    const at = value.sourceOffsetAt(i);
    const raw = t.text.charCodeAt(at);
    const decoded = value.text.charCodeAt(i);
    if (raw === AMP || (raw === CR && decoded === 10)) continue;
    assert.equal(
      decoded,
      raw,
      `${what}: value character ${i} (${JSON.stringify(value.text[i])}) maps to ${JSON.stringify(t.text[at])} at ${at}`,
    );
  }
}

/** Checks one parameters.prop reading of `text`. */
export function checkParameterFile(text: string, file: ParameterFile): void {
  const t = new TextChecker(text);
  assert.ok((file.problems?.length ?? 0) <= 100, `${file.problems?.length} problems`);
  for (const problem of file.problems ?? []) t.span(problem.range, `problem "${problem.message}"`);
  let previousEnd = 0;
  file.all.forEach((entry, n) => {
    const what = `entry ${n} (${JSON.stringify(entry.key)})`;
    const [start, end] = t.span(entry.range, what);
    assert.ok(start >= previousEnd, `${what}: overlaps the entry before it`);
    previousEnd = end;
    t.within(entry.keyRange, entry.range, `${what} key`);
    t.within(entry.value.range, entry.range, `${what} value`);
    assert.ok(t.span(entry.keyRange, what)[1] <= entry.value.startOffset, `${what}: value starts inside the key`);
    t.sourceText(entry.value, `${what} value`);
  });
  // Like java.util.Properties, the last duplicate wins.
  const last = new Map(file.all.map((entry) => [entry.key, entry]));
  assert.deepEqual([...file.entries.keys()].sort(), [...last.keys()].sort());
  for (const [key, entry] of file.entries) assert.equal(entry, last.get(key), `entry ${JSON.stringify(key)} is not the last one`);
}

export { iflowSnapshot } from '../../support/iflow-snapshot';

/** A parameters reading as plain data, every decoded character's offset included. */
export function parametersSnapshot(file: ParameterFile): unknown {
  return {
    problems: (file.problems ?? []).map((p) => ({ message: p.message, range: p.range })),
    all: file.all.map((e) => ({
      key: e.key,
      keyRange: e.keyRange,
      range: e.range,
      value: {
        text: e.value.text,
        range: e.value.range,
        startOffset: e.value.startOffset,
        endOffset: e.value.endOffset,
        offsets: Array.from({ length: e.value.text.length + 1 }, (_, i) => e.value.sourceOffsetAt(i)),
      },
    })),
    entries: [...file.entries.keys()],
  };
}
