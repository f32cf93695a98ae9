import { LineIndex } from '../text/range';
import { MappedSourceText } from './mapped-text';
import type { ParameterEntry, ParameterFile, ParameterProblem } from './model';

// Reads parameters.prop with the syntax of java.util.Properties#load, which is
// what the runtime uses: logical lines (a line ending in an odd number of
// backslashes continues on the next, minus that line's leading whitespace),
// `#`/`!` comment lines, key terminators `=`, `:` or whitespace, and escapes.
// Every decoded character keeps the raw offset it came from, so fixes can
// edit exactly the characters behind a decoded slice.

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
export function readParameters(text: string, lines: LineIndex = new LineIndex(text)): ParameterFile {
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
      problems.push({ message: 'Malformed \\uXXXX escape: expected four hexadecimal digits after \\u.', range: lines.rangeOf(offset, rawEnd) });
      text += '\\u';
      out.push(offset, offsets[j - 1]);
    }
  }
  return { text, offsets: out };
}

/**
 * Escapes a value the way java.util.Properties#store writes it (and SAP's
 * parameters.prop looks): `\`, `=`, `:`, `#`, `!` get a backslash, a leading
 * space becomes `\ `, control characters their letter escape, and anything
 * outside printable ASCII `\uXXXX`. Reading the result gives the value back.
 */
export function escapePropertyValue(value: string): string {
  return escapeProperty(value, false);
}

/** Like escapePropertyValue, but every space is escaped, as keys need. */
export function escapePropertyKey(key: string): string {
  return escapeProperty(key, true);
}

function escapeProperty(s: string, escapeAllSpaces: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === ' ') out += i === 0 || escapeAllSpaces ? '\\ ' : ' ';
    else if (c === '\\' || c === '=' || c === ':' || c === '#' || c === '!') out += '\\' + c;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out;
}
