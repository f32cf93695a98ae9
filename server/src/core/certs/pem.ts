// PEM blocks in a text, found by plain string search: every search resumes
// where the previous one stopped, so the scan stays linear even on large or
// hostile input (thousands of BEGIN lines without END).

export interface PemBlock {
  readonly label: string;
  /** Offset of `-----BEGIN`. */
  readonly start: number;
  /** Offset just past the closing `-----` of the END line (or where the incomplete block stops). */
  readonly end: number;
  /** Text between the BEGIN and END lines. */
  readonly body: string;
  /** Set when the block is incomplete or malformed. */
  readonly error?: string;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
/** Longest label we accept; real ones are under 30 characters. */
const MAX_LABEL = 64;

export function scanPem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let nextEnd = -2; // cached result of the last END search; -2 = not searched yet
  const findEnd = (from: number): number => {
    if (nextEnd === -1 || nextEnd >= from) return nextEnd;
    nextEnd = text.indexOf(END, from);
    return nextEnd;
  };

  let begin = text.indexOf(BEGIN);
  while (begin >= 0) {
    const labelStart = begin + BEGIN.length;
    const labelEnd = indexWithin(text, DASHES, labelStart, MAX_LABEL);
    const lineEnd = endOfLine(text, begin);
    const label = labelEnd >= 0 ? text.slice(labelStart, labelEnd) : undefined;
    if (label === undefined || label.includes('\n') || label.includes('\r')) {
      blocks.push({ label: '', start: begin, end: lineEnd, body: '', error: 'malformed BEGIN line (expected -----BEGIN LABEL-----)' });
      begin = text.indexOf(BEGIN, lineEnd);
      continue;
    }
    const bodyStart = labelEnd + DASHES.length;
    const following = text.indexOf(BEGIN, bodyStart);
    const end = findEnd(bodyStart);
    if (end < 0 || (following >= 0 && following < end)) {
      const stop = following >= 0 ? trimEndOffset(text, following) : trimEndOffset(text, text.length);
      blocks.push({
        label,
        start: begin,
        end: Math.max(stop, lineEnd),
        body: text.slice(bodyStart, stop),
        error: `BEGIN ${label} without an END ${label} line`,
      });
      begin = following;
      continue;
    }
    const endLabelStart = end + END.length;
    const endLabelEnd = indexWithin(text, DASHES, endLabelStart, MAX_LABEL);
    const endLabel = endLabelEnd >= 0 ? text.slice(endLabelStart, endLabelEnd) : '';
    const blockEnd = endLabelEnd >= 0 && endLabel !== '' ? endLabelEnd + DASHES.length : endOfLine(text, end);
    const body = text.slice(bodyStart, end);
    if (endLabel !== label) {
      blocks.push({ label, start: begin, end: blockEnd, body, error: `BEGIN ${label} ends with END ${endLabel || '(malformed)'}` });
    } else {
      blocks.push({ label, start: begin, end: blockEnd, body });
    }
    begin = text.indexOf(BEGIN, blockEnd);
  }
  return blocks;
}

/** `indexOf` that looks no further than `limit` characters past `from`. */
function indexWithin(text: string, search: string, from: number, limit: number): number {
  const found = text.slice(from, from + limit + search.length).indexOf(search);
  return found < 0 ? -1 : from + found;
}

/** End of the line holding `from`, looking at most one label's length ahead (a huge single line stays cheap). */
function endOfLine(text: string, from: number): number {
  const stop = Math.min(text.length, from + BEGIN.length + MAX_LABEL + DASHES.length);
  let i = from;
  while (i < stop && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset before any line breaks and spaces that precede `offset`. */
function trimEndOffset(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

export type PemBodyResult = { readonly der: Buffer } | { readonly error: string };

/** The DER bytes of a PEM body; RFC 1421 header lines (`Proc-Type:`) are skipped. */
export function decodePemBody(body: string): PemBodyResult {
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.some((line) => line.includes(':'))) {
    const blank = lines.findIndex((line, n) => n > 0 && line.trim() === '');
    lines.splice(0, blank < 0 ? lines.length : blank + 1);
  }
  const base64 = lines.join('').replace(/\s+/g, '');
  if (base64 === '') return { error: 'the block is empty' };
  const bad = /[^A-Za-z0-9+/=]/.exec(base64);
  if (bad) return { error: `the block holds "${bad[0]}", which is not base64` };
  const padding = base64.indexOf('=');
  if (padding >= 0 && !/^=*$/.test(base64.slice(padding))) return { error: 'base64 padding in the middle of the block' };
  if (base64.length % 4 !== 0) return { error: 'the base64 text is truncated (its length is not a multiple of 4)' };
  return { der: Buffer.from(base64, 'base64') };
}

/** Headerless base64 (some .cer exports): only base64 characters and whitespace. */
export function looksLikeBareBase64(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const base64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
    if (base64) count++;
    else if (c !== 10 && c !== 13 && c !== 32 && c !== 9) return false;
  }
  return count >= 64;
}
