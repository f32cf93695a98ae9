// An independent, regex-based reading of a raw properties value, used to
// check the reader's decoded text and its offset map. Like Java it first
// joins continued lines, then unescapes. It assumes the raw slice is one
// value, which is all the tests need.

const CONTROL: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

export function referenceUnescape(raw: string): string {
  // Pairs `\x` are consumed left to right, so only an odd backslash meets a line break.
  const joined = raw.replace(/\\(?:\r\n|\r|\n)[ \t\f]*|\\[^]|\\$/g, (m) => (m.length === 1 || /^\\[\r\n]/.test(m) ? '' : m));
  return joined.replace(/\\(?:u([0-9a-fA-F]{4})|([^]))/g, (_m, hex?: string, other?: string) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (CONTROL[other!] ?? other!),
  );
}
