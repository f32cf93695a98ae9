// Bytes to script text. Cloud Integration compiles scripts as UTF-8 (the
// editor opens them so too). A file with NUL bytes is no script at all: it
// is refused with one notice. A file that is text but not valid UTF-8 (an
// old Latin-1 export, say) gets one notice too, and is still read as
// Latin-1: one byte per character keeps every token where it is, so the
// rules check the rest of it.

import { isUtf8 } from 'node:buffer';

export type DecodedScript =
  | { readonly text: string; readonly problem?: string }
  | { readonly error: string };

const latin1 = new TextDecoder('latin1');

export function decodeScript(bytes: Uint8Array): DecodedScript {
  if (bytes.includes(0)) return { error: 'binary content (NUL bytes): not a script' };
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  return { text: latin1.decode(bytes), problem: 'not valid UTF-8: read as Latin-1, so non-ASCII characters may show wrongly; Cloud Integration reads scripts as UTF-8' };
}
