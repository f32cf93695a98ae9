import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import type { IflowModel, IflowProperty } from '../../server/src/core/iflow/model';
import { LineIndex, type Range } from '@cpi/common/text/range';
import type { SourceText } from '../../server/src/core/text/source-text';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'iflow');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Raw file text behind a range. */
export function rawAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Raw file text behind decoded indices [start, end) of a value. */
export function rawSlice(text: string, value: SourceText, start: number, end: number): string {
  return text.slice(value.sourceOffsetAt(start), value.sourceOffsetAt(end));
}

/**
 * Decodes raw element content with saxes itself, independently of the
 * reader's own decoder, so tests compare two implementations.
 */
export function saxesDecode(raw: string): string {
  const parser = new SaxesParser();
  let out = '';
  parser.on('text', (t) => (out += t));
  parser.on('cdata', (t) => (out += t));
  parser.on('error', () => undefined);
  parser.write(`<v>${raw}</v>`).close();
  return out;
}

export function allProperties(model: IflowModel): IflowProperty[] {
  return [...model.channels.flatMap((channel) => [...channel.properties.values()]), ...model.otherProperties];
}

export function channel(model: IflowModel, id: string) {
  const found = model.channels.find((c) => c.id === id);
  if (!found) throw new Error(`no channel ${id}; have ${model.channels.map((c) => c.id).join(', ')}`);
  return found;
}

export function prop(model: IflowModel, channelId: string, key: string): IflowProperty {
  const found = channel(model, channelId).properties.get(key);
  if (!found) throw new Error(`no property ${key} on ${channelId}`);
  return found;
}
