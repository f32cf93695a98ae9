/**
 * Escapes text for an element's content the way SAP's iFlow editor writes it:
 * `&`, `<` and `>` become entities, quotes stay as they are (they need no
 * escaping in element content and SAP leaves them raw), and a carriage return
 * becomes `&#13;` so it survives XML line-end normalisation.
 */
export function escapeXmlText(s: string): string {
  // Most values need no escaping; skip the replace calls then.
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
