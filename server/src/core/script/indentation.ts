// Where a line starts and how it is indented, for fixes that insert or wrap
// whole statements and keep the script's own layout.

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** The spaces and tabs that open the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Whether only white space stands between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  return text.slice(start, offset).trim() === '';
}

/** The line break the script uses (its first one), `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
