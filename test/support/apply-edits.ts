import type { Fix, TextEdit } from '@cpi/common/findings';
import { LineIndex } from '@cpi/common/text/range';

/** Applies edits the way an editor does: all ranges refer to the original text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const ordered = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of ordered) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** A copy of the files with a fix applied (files it creates are added). */
export function applyFix(files: ReadonlyMap<string, string>, fix: Fix): Map<string, string> {
  const next = new Map(files);
  for (const change of fix.edits) {
    const current = change.create ? '' : next.get(change.uri);
    if (current === undefined) throw new Error(`fix "${fix.title}" edits ${change.uri}, which is not part of the case`);
    next.set(change.uri, applyTextEdits(current, change.edits));
  }
  return next;
}
