// An independent, regex-based reading of a raw properties value, used to
// check the reader's decoded text and its offset map. It assumes the raw
// slice is one value (continuations included), which is all the tests need.

const CONTROL: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

export function referenceUnescape(raw: string): string {
  return raw.replace(/\\(?:(\r\n|\r|\n)[ \t\f]*|u([0-9a-fA-F]{4})|([^]))|\\$/g, (_m, lineBreak?: string, hex?: string, other?: string) => {
    if (lineBreak !== undefined) return '';
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    if (other !== undefined) return CONTROL[other] ?? other;
    return ''; // a dangling backslash at the very end
  });
}
