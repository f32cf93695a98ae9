import { decodeXmlText } from './xml-text';

/** One `<cell>` of a table value. */
export interface TableCell {
  /** The `id` attribute (`clientCertificate.subjectDN`, ...); '' when the cell has none. */
  readonly id: string;
  /** Cell content with its own entities decoded (`&amp;` inside the table XML). */
  readonly text: string;
  /** Index range of the raw cell content in the table text passed to readTable. */
  readonly start: number;
  readonly end: number;
}

export type TableRow = readonly TableCell[];

/**
 * Reads a table-valued property (clientCertificates, allowedHeaders, ...):
 * the decoded value is itself XML, `<row><cell id='..'>..</cell>..</row>..`.
 * A small scanner rather than an XML parser, because the content is flat and
 * may be damaged: unknown markup is skipped, an unclosed cell ends at the next
 * tag, and a cell outside any row starts one. Never throws.
 */
export function readTable(text: string): TableRow[] {
  const rows: TableCell[][] = [];
  let row: TableCell[] | undefined;
  let i = text.indexOf('<');
  while (i >= 0) {
    const tagEnd = text.indexOf('>', i + 1);
    if (tagEnd < 0) break;
    const nextOpen = text.indexOf('<', i + 1);
    if (nextOpen >= 0 && nextOpen < tagEnd) {
      i = nextOpen; // "<row<cell>": the first "<" starts no tag
      continue;
    }
    const tag = /^\s*(\/?)\s*(row|cell)(?=[\s/]|$)([^]*?)(\/?)\s*$/.exec(text.slice(i + 1, tagEnd));
    i = tagEnd + 1;
    if (!tag) {
      i = text.indexOf('<', i);
      continue;
    }
    const [, closing, name, attributes, selfClosing] = tag;
    if (name === 'row') {
      if (closing) row = undefined;
      else {
        row = [];
        rows.push(row);
        if (selfClosing) row = undefined;
      }
    } else if (!closing) {
      if (!row) {
        row = [];
        rows.push(row);
      }
      const id = cellId(attributes);
      if (selfClosing) {
        row.push({ id, text: '', start: tagEnd - 1, end: tagEnd - 1 });
      } else {
        const contentEnd = text.indexOf('<', i);
        const end = contentEnd < 0 ? text.length : contentEnd;
        row.push({ id, text: decodeXmlText(text, i, end), start: i, end });
        i = end;
        continue;
      }
    }
    i = text.indexOf('<', i);
  }
  return rows;
}

function cellId(attributes: string): string {
  const match = /(?:^|\s)id\s*=\s*(?:'([^']*)'|"([^"]*)")/.exec(attributes);
  if (!match) return '';
  const raw = match[1] ?? match[2];
  return decodeXmlText(raw, 0, raw.length);
}
