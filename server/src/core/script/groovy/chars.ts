// Character classes of Groovy's (Java's) lexical grammar.

const ASCII_START = new Uint8Array(128);
const ASCII_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 36; /* $ */
  ASCII_START[c] = letter ? 1 : 0;
  ASCII_PART[c] = letter || (c >= 48 && c <= 57) ? 1 : 0;
}

const UNICODE_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const UNICODE_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Mn}\p{Mc}\p{Nd}]/u;

export function isIdentifierStart(c: number): boolean {
  if (c < 128) return ASCII_START[c] === 1;
  // A high surrogate starts an astral character: taken as a letter rather than split.
  if (c >= 0xd800 && c <= 0xdbff) return true;
  return UNICODE_START.test(String.fromCharCode(c));
}

export function isIdentifierPart(c: number): boolean {
  if (c < 128) return ASCII_PART[c] === 1;
  // A surrogate half: part of an astral letter (rare; kept inside the name rather than split).
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return UNICODE_PART.test(String.fromCharCode(c));
}

/** The identifier start without `$`: after `$` in a GString (`$name`). */
export function isInterpolationStart(c: number): boolean {
  return c !== 36 && isIdentifierStart(c);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** White space between tokens (Java's plus the no-break space and the byte order mark). */
export function isWhiteSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c > 127 && c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) ||
    c === 0x1680
  );
}

export const GROOVY_KEYWORDS: ReadonlySet<string> = new Set([
  'abstract',
  'as',
  'assert',
  'boolean',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'class',
  'const',
  'continue',
  'def',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extends',
  'false',
  'final',
  'finally',
  'float',
  'for',
  'goto',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'int',
  'interface',
  'long',
  'native',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'short',
  'static',
  'strictfp',
  'super',
  'switch',
  'synchronized',
  'this',
  'throw',
  'throws',
  'trait',
  'transient',
  'true',
  'try',
  'var',
  'void',
  'volatile',
  'while',
]);
