// A fast reader for the XML that iFlows are made of: well-formed, ASCII
// element and attribute names, no DTD, CDATA or processing instructions.
// saxes, a general parser, visits every character through a state machine;
// this one jumps from markup to markup with indexOf, which reads a file
// about twice as fast. Anything outside that plain subset, and anything not
// well-formed, makes it give up at once (returning false): the caller then
// reads the file with saxes, which also reports the problems. So it only
// ever accepts documents saxes reads without a problem, and reports the same
// elements at the same offsets (test/fuzz/well-formed.test.ts compares both).
import { resolveEntity } from './xml-text';

export interface WellFormedHandler {
  /**
   * An element's start tag, [start, end) in the text. `attributes` gives
   * its attributes decoded as saxes decodes them; it may only be called
   * during this call.
   */
  open(name: string, start: number, end: number, selfClosing: boolean, attributes: () => Record<string, string>): void;
  /** The end tag at [start, end) of the element whose start tag began at `openedAt`. */
  close(name: string, start: number, end: number, openedAt: number): void;
}

// Characters XML 1.0 does not allow, and surrogates (valid pairs too: they are left to saxes).
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

// The declaration as tools write it; any other form is left to saxes.
const XML_DECLARATION = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)?\?>/;

/** iFlow elements have a handful; a start tag with more is left to saxes. */
const MAX_ATTRIBUTES = 64;

const NAME_START = 1;
const NAME_CHAR = 2;
/** ASCII name characters: letters, '_' and ':' may start a name; digits, '.' and '-' only follow. */
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  if (letter) NAME_CLASS[c] = NAME_START | NAME_CHAR;
  else if ((c >= 48 && c <= 57) || c === 46 || c === 45) NAME_CLASS[c] = NAME_CHAR;
}

const isNameChar = (c: number) => c < 128 && (NAME_CLASS[c] & NAME_CHAR) !== 0;
const isWhitespace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Reads `text` with `handler`; false, possibly after some calls, when the text is not in the subset described above. */
export function scanWellFormed(text: string, handler: WellFormedHandler): boolean {
  return new WellFormedScan(text, handler).run();
}

class WellFormedScan {
  private i = 0;
  /** Names and start offsets of the open elements. */
  private readonly names: string[] = [];
  private readonly starts: number[] = [];
  /** The next '&' at or after the text being checked (-1: none left). */
  private amp = 0;
  /** The next '<' after the current one, once a start tag has been searched for it. */
  private nextLt = -1;
  /** Per attribute of the current start tag: name start, name end, value start, value end, whether the value needs decoding. */
  private readonly attributeParts: number[] = [];
  private attributeCount = 0;
  /** The last name seen of each length: names repeat, and reusing the string spares a copy per element. */
  private readonly namesByLength: string[] = [];
  readonly attributes = (): Record<string, string> => this.decodeAttributes();

  constructor(
    private readonly text: string,
    private readonly handler: WellFormedHandler,
  ) {}

  run(): boolean {
    const text = this.text;
    if (DISALLOWED.test(text) || text.includes(']]>')) return false;
    if (text.startsWith('<?')) {
      const declaration = XML_DECLARATION.exec(text);
      if (!declaration) return false;
      this.i = declaration[0].length;
    }
    this.amp = text.indexOf('&');
    let sawRoot = false;
    for (;;) {
      const lt = this.nextLt >= 0 ? this.nextLt : text.indexOf('<', this.i);
      this.nextLt = -1;
      const textEnd = lt < 0 ? text.length : lt;
      if (this.names.length === 0 ? !this.onlyWhitespace(this.i, textEnd) : !this.referencesValid(this.i, textEnd)) return false;
      if (lt < 0) break;
      const next = text.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        if (!this.endTag(lt)) return false;
      } else if (next === 33 /* ! */) {
        if (!this.comment(lt)) return false;
      } else {
        // a second root is an error; '<?' and other characters are left to saxes
        if (sawRoot && this.names.length === 0) return false;
        if (!(next < 128 && (NAME_CLASS[next] & NAME_START) !== 0) || !this.startTag(lt)) return false;
        sawRoot = true;
      }
    }
    return sawRoot && this.names.length === 0;
  }

  private startTag(lt: number): boolean {
    const text = this.text;
    let j = lt + 2;
    while (isNameChar(text.charCodeAt(j))) j++;
    const name = this.nameAt(lt + 1, j);
    // No '<' may occur inside a start tag, not even in an attribute value.
    const nextLt = text.indexOf('<', j);
    this.attributeCount = 0;
    let selfClosing = false;
    for (;;) {
      const beforeSpace = j;
      while (isWhitespace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */) {
        if (text.charCodeAt(j + 1) !== 62) return false;
        selfClosing = true;
        j += 2;
        break;
      }
      // an attribute, which must follow white space
      if (j === beforeSpace || !(c < 128 && (NAME_CLASS[c] & NAME_START) !== 0)) return false;
      j = this.attribute(j, nextLt);
      if (j < 0) return false;
    }
    if (nextLt >= 0 && nextLt < j) return false;
    this.nextLt = nextLt;
    this.i = j;
    if (!selfClosing) {
      this.names.push(name);
      this.starts.push(lt);
    }
    this.handler.open(name, lt, j, selfClosing, this.attributes);
    return true;
  }

  /** Reads one `name="value"` from `start`; the offset after it, or -1. */
  private attribute(start: number, nextLt: number): number {
    const text = this.text;
    let j = start + 1;
    while (isNameChar(text.charCodeAt(j))) j++;
    const nameEnd = j;
    while (isWhitespace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 61 /* = */) return -1;
    j++;
    while (isWhitespace(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== 34 && quote !== 39) return -1;
    const valueStart = j + 1;
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", valueStart);
    if (valueEnd < 0 || (nextLt >= 0 && nextLt < valueEnd)) return -1;
    // saxes reports a repeated attribute; comparing with each earlier one is
    // quadratic, so an element with very many is left to saxes
    if (this.attributeCount >= MAX_ATTRIBUTES) return -1;
    const parts = this.attributeParts;
    for (let k = 0; k < this.attributeCount; k++) {
      if (sameText(text, parts[k * 5], parts[k * 5 + 1], start, nameEnd)) return -1;
    }
    let needsDecoding = 0;
    for (let k = valueStart; k < valueEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 38 /* & */) {
        const semicolon = this.referenceEnd(k, valueEnd);
        if (semicolon < 0) return -1;
        k = semicolon;
        needsDecoding = 1;
      } else if (c === 9 || c === 10 || c === 13) needsDecoding = 1;
    }
    const at = this.attributeCount++ * 5;
    parts[at] = start;
    parts[at + 1] = nameEnd;
    parts[at + 2] = valueStart;
    parts[at + 3] = valueEnd;
    parts[at + 4] = needsDecoding;
    return valueEnd + 1;
  }

  private endTag(lt: number): boolean {
    const text = this.text;
    const name = this.names.pop();
    const openedAt = this.starts.pop();
    if (name === undefined || openedAt === undefined || !text.startsWith(name, lt + 2)) return false;
    let j = lt + 2 + name.length;
    while (isWhitespace(text.charCodeAt(j))) j++;
    // also catches a longer name: its next character is neither white space nor '>'
    if (text.charCodeAt(j) !== 62 /* > */) return false;
    this.i = j + 1;
    this.handler.close(name, lt, j + 1, openedAt);
    return true;
  }

  /** `<!-- ... -->` without `--` inside; CDATA sections and DOCTYPE are left to saxes. */
  private comment(lt: number): boolean {
    if (!this.text.startsWith('<!--', lt)) return false;
    const dashes = this.text.indexOf('--', lt + 4);
    if (dashes < 0 || this.text.charCodeAt(dashes + 2) !== 62 /* > */) return false;
    this.i = dashes + 3;
    return true;
  }

  private onlyWhitespace(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!isWhitespace(this.text.charCodeAt(k))) return false;
    return true;
  }

  /** Whether every '&' in character data [from, to) starts a reference saxes accepts. */
  private referencesValid(from: number, to: number): boolean {
    if (this.amp >= 0 && this.amp < from) this.amp = this.text.indexOf('&', from);
    while (this.amp >= 0 && this.amp < to) {
      const semicolon = this.referenceEnd(this.amp, to);
      if (semicolon < 0) return false;
      this.amp = this.text.indexOf('&', semicolon + 1);
    }
    return true;
  }

  /** The ';' ending a known reference that starts at `amp` and ends before `limit`, or -1. */
  private referenceEnd(amp: number, limit: number): number {
    const semicolon = this.text.indexOf(';', amp + 1);
    // the longest known reference is "&#x10FFFF;"
    if (semicolon < 0 || semicolon >= limit || semicolon - amp > 9) return -1;
    return resolveEntity(this.text.slice(amp + 1, semicolon)) === undefined ? -1 : semicolon;
  }

  /** The name at [start, end), the same string as last time when it repeats. */
  private nameAt(start: number, end: number): string {
    const length = end - start;
    const known = this.namesByLength[length];
    if (known !== undefined && this.text.startsWith(known, start)) return known;
    const name = this.text.slice(start, end);
    this.namesByLength[length] = name;
    return name;
  }

  private decodeAttributes(): Record<string, string> {
    // no prototype, as saxes makes them: an attribute may be called "constructor"
    const attributes = Object.create(null) as Record<string, string>;
    const parts = this.attributeParts;
    for (let k = 0; k < this.attributeCount; k++) {
      const at = k * 5;
      const raw = this.text.slice(parts[at + 2], parts[at + 3]);
      attributes[this.text.slice(parts[at], parts[at + 1])] = parts[at + 4] ? decodeAttributeValue(raw) : raw;
    }
    return attributes;
  }
}

function sameText(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (text.charCodeAt(aStart + k) !== text.charCodeAt(bStart + k)) return false;
  return true;
}

/** As saxes: each tab, line feed, carriage return or CR LF becomes one space; references are replaced (already checked). */
function decodeAttributeValue(raw: string): string {
  return raw.replace(/\r\n|[\t\n\r]|&([^;]*);/g, (_match, reference: string | undefined) =>
    reference === undefined ? ' ' : resolveEntity(reference)!,
  );
}
