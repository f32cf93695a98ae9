import type { IflowModel } from '../iflow/model';
import { readIflow } from '../iflow/reader';
import type { ParameterFile } from '../params/model';
import { readParameters } from '../params/properties';
import { LineIndex } from '../text/range';

/** An iFlow read once and shared by every analysis that needs it. */
export interface ParsedIflow {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly model: IflowModel;
}

export interface ParsedParameters {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly file: ParameterFile;
}

export function parseIflow(uri: string, text: string): ParsedIflow {
  const lines = new LineIndex(text);
  return { uri, text, lines, model: readIflow(text, lines) };
}

export function parseParameters(uri: string, text: string): ParsedParameters {
  return { uri, text, lines: new LineIndex(text), file: readParameters(text) };
}

/** `…/Orders%20Flow.iflw` → `Orders Flow`: the name an iFlow goes by in messages. */
export function displayName(uri: string): string {
  const base = uri.slice(uri.lastIndexOf('/') + 1).replace(/\.iflw$/i, '');
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}
