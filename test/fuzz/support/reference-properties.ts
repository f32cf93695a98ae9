// The straightforward reading of parameters.prop: one array entry per
// character, strings built character by character. It was the project's
// reader until it proved quadratic on long continued lines and needed
// gigabytes for a 50 MB line; kept here, for small inputs only, as the oracle
// the optimised reader (server/src/core/params/properties.ts) must agree with.

import type { ParameterEntry, ParameterFile, ParameterProblem } from '../../../server/src/core/params/model';
import { LineIndex } from '@cpi/common/text/range';
import type { SourceText } from '../../../server/src/core/text/source-text';

/** Per-character offsets, as the reader used to keep them. */
class MappedSourceText implements SourceText {
  constructor(
    readonly text: string,
    readonly range: SourceText['range'],
    readonly startOffset: number,
    readonly endOffset: number,
    private readonly offsets: readonly number[],
  ) {}

  sourceOffsetAt(index: number): number {
    if (index >= this.text.length) return this.endOffset;
    if (index <= 0) return this.startOffset;
    return this.offsets[index];
  }
}

/** One logical line: its characters (continuations removed) and where each sat in the file. */
interface LogicalLine {
  readonly chars: string;
  readonly offsets: readonly number[];
  /** Raw offset just past the line's last character (a dangling continuation backslash included). */
  readonly rawEnd: number;
}

interface Decoded {
  readonly text: string;
  readonly offsets: number[];
}

/** `lines` may be passed when the caller already indexes `text` (ranges need only one index). */
export function readParametersReference(text: string, lines: LineIndex = new LineIndex(text)): ParameterFile {
  const all: ParameterEntry[] = [];
  const entries = new Map<string, ParameterEntry>();
  const problems: ParameterProblem[] = [];
  for (const line of logicalLines(text)) {
    const entry = readEntry(line, lines, problems);
    all.push(entry);
    entries.set(entry.key, entry);
  }
  return { entries, all, problems };
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

function isLineEnd(c: string): boolean {
  return c === '\n' || c === '\r';
}

function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first key
  while (i < n) {
    // Blank lines and leading whitespace separate logical lines.
    while (i < n && (isBlank(text[i]) || isLineEnd(text[i]))) i++;
    if (i >= n) break;
    if (text[i] === '#' || text[i] === '!') {
      // A comment ends with its natural line, even after a trailing backslash.
      while (i < n && !isLineEnd(text[i])) i++;
      continue;
    }
    let chars = '';
    const offsets: number[] = [];
    let rawEnd = i;
    for (;;) {
      let oddBackslashes = false;
      const start = i;
      while (i < n && !isLineEnd(text[i])) {
        oddBackslashes = text[i] === '\\' ? !oddBackslashes : false;
        offsets.push(i);
        i++;
      }
      chars += text.slice(start, i);
      if (i > start) rawEnd = i;
      if (!oddBackslashes) break;
      // Continuation: drop the backslash, the line break and the next line's indentation.
      chars = chars.slice(0, -1);
      offsets.pop();
      if (i >= n) break;
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      while (i < n && isBlank(text[i])) i++;
      // An empty or whitespace-only continuation line ends the logical line.
      if (i >= n || isLineEnd(text[i])) break;
    }
    if (chars.length > 0) result.push({ chars, offsets, rawEnd });
  }
  return result;
}

function readEntry(line: LogicalLine, lines: LineIndex, problems: ParameterProblem[]): ParameterEntry {
  const { chars, offsets, rawEnd } = line;
  const len = chars.length;
  let keyEnd = 0;
  let valueStart = len;
  let hasSeparator = false;
  let escaped = false;
  while (keyEnd < len) {
    const c = chars[keyEnd];
    if (!escaped && (c === '=' || c === ':')) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (!escaped && isBlank(c)) {
      valueStart = keyEnd + 1;
      break;
    }
    escaped = c === '\\' ? !escaped : false;
    keyEnd++;
  }
  // Whitespace around the separator, and one `=`/`:` after whitespace, belong to neither side.
  while (valueStart < len) {
    const c = chars[valueStart];
    if (!isBlank(c)) {
      if (hasSeparator || (c !== '=' && c !== ':')) break;
      hasSeparator = true;
    }
    valueStart++;
  }

  const key = decode(line, 0, keyEnd, lines, problems);
  const value = decode(line, valueStart, len, lines, problems);
  const keyStartOffset = offsets[0];
  const keyEndOffset = keyEnd > 0 ? offsets[keyEnd - 1] + 1 : keyStartOffset;
  const valueStartOffset = valueStart < len ? offsets[valueStart] : rawEnd;
  return {
    key: key.text,
    keyRange: lines.rangeOf(keyStartOffset, keyEndOffset),
    value: new MappedSourceText(value.text, lines.rangeOf(valueStartOffset, rawEnd), valueStartOffset, rawEnd, value.offsets),
    range: lines.rangeOf(keyStartOffset, rawEnd),
  };
}

const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** Unescapes chars[from, to) of a logical line, keeping each character's raw offset. */
function decode(line: LogicalLine, from: number, to: number, lines: LineIndex, problems: ParameterProblem[]): Decoded {
  const { chars, offsets } = line;
  let text = '';
  const out: number[] = [];
  let j = from;
  while (j < to) {
    const c = chars[j];
    const offset = offsets[j];
    j++;
    if (c !== '\\') {
      text += c;
      out.push(offset);
      continue;
    }
    if (j >= to) break; // a lone trailing backslash means nothing
    const next = chars[j++];
    if (next !== 'u') {
      text += CONTROL_ESCAPES[next] ?? next; // unknown escapes just drop the backslash
      out.push(offset);
      continue;
    }
    const hex = chars.slice(j, j + 4);
    if (hex.length === 4 && /^[0-9a-fA-F]{4}$/.test(hex)) {
      text += String.fromCharCode(parseInt(hex, 16));
      out.push(offset);
      j += 4;
    } else {
      // Java refuses the whole file here; keeping the raw `\u` lets the rest still count.
      const rawEnd = j + 4 <= to ? offsets[j + 3] + 1 : offsets[to - 1] + 1;
      problems.push({
        message: 'Malformed \\uXXXX escape: expected four hexadecimal digits after \\u.',
        range: lines.rangeOf(offset, rawEnd),
      });
      text += '\\u';
      out.push(offset, offsets[j - 1]);
    }
  }
  return { text, offsets: out };
}
