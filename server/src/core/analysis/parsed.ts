import { rereadIflow, textChange, type TextChange } from '../iflow/incremental';
import type { IflowModel } from '../iflow/model';
import { readIflowWithLayout, type IflowLayout } from '../iflow/reader';
import type { ParameterFile } from '../params/model';
import { readParameters } from '../params/properties';
import { LineIndex } from '@cpi/common/text/range';
import { decodeSegment, lastSegment } from './artifact-layout';

/** An iFlow read once and shared by every analysis that needs it. */
export interface ParsedIflow {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly model: IflowModel;
  /** What an incremental update (updateParsedIflow) needs; absent on hand-made instances. */
  readonly layout?: IflowLayout;
  /** Read again only in part, where an edit changed it (updateParsedIflow), rather than whole. */
  readonly inPart?: boolean;
}

export interface ParsedParameters {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly file: ParameterFile;
}

export function parseIflow(uri: string, text: string): ParsedIflow {
  const lines = new LineIndex(text);
  const { model, layout } = readIflowWithLayout(text, lines);
  return { uri, text, lines, model, layout };
}

/**
 * The same as parseIflow(previous.uri, text), derived from the previous
 * version where an edit allows it: an edit inside one channel re-reads only
 * that channel, and the other channels keep their identity (see
 * ChannelRecord.facts), which lets analysis reuse their findings.
 * `known` is where `text` differs from `previous.text` when the caller
 * knows it (an editor's document records its edits): any stretch outside
 * which the two texts are the same, so comparing 5 MB texts is left out.
 */
export function updateParsedIflow(
  previous: ParsedIflow,
  text: string,
  known?: TextChange,
  /** text[from, to), where the caller reads it more cheaply than from `text` (a joined string V8 would copy into one). */
  read?: (from: number, to: number) => string,
  /** The same of previous.text. */
  readBefore?: (from: number, to: number) => string,
): ParsedIflow {
  const trusted = known && previous.text.length + known.newEnd - known.oldEnd === text.length ? known : undefined;
  const change = trusted ? (isEmpty(trusted) ? undefined : trusted) : textChange(previous.text, text);
  if (!change) return previous;
  const lines =
    previous.lines.text === previous.text
      ? previous.lines.afterChange(text, change.start, change.oldEnd, change.newEnd, read)
      : new LineIndex(text);
  const reading =
    previous.layout &&
    rereadIflow({ text: previous.text, model: previous.model, layout: previous.layout }, text, lines, change, read, readBefore);
  const { model, layout } = reading ?? readIflowWithLayout(text, lines);
  return { uri: previous.uri, text, lines, model, layout, ...(reading ? { inPart: true } : {}) };
}

function isEmpty(change: TextChange): boolean {
  return change.start === change.oldEnd && change.start === change.newEnd;
}

export function parseParameters(uri: string, text: string): ParsedParameters {
  const lines = new LineIndex(text);
  return { uri, text, lines, file: readParameters(text, lines) };
}

/** `…/Orders%20Flow.iflw` → `Orders Flow`: the name an iFlow goes by in messages. */
export function displayName(uri: string): string {
  return decodeSegment(lastSegment(uri).replace(/\.iflw$/i, ''));
}
