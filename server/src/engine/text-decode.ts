// Bytes to text for iFlows, parameters and scripts. The editor reads files as UTF-8
// and keeps a byte order mark, so the same is done here to get the same
// columns. Binary content is refused with a per-file error instead of being
// parsed into nonsense.

import { isUtf8 } from 'node:buffer';

const latin1 = new TextDecoder('latin1');

export type Decoded = { readonly text: string } | { readonly error: string };

export function decodeText(bytes: Uint8Array, kind: 'iflow' | 'parameters' | 'script'): Decoded {
  if (bytes.includes(0)) return { error: 'binary content (NUL bytes): not a text file' };
  // Checking first and then decoding is faster than a fatal TextDecoder; Buffer keeps a byte order mark.
  if (isUtf8(bytes)) return { text: utf8(bytes) };
  // Java properties files are traditionally ISO-8859-1; one byte stays one character either way.
  if (kind === 'parameters') return { text: latin1.decode(bytes) };
  if (kind === 'script') return { error: 'not valid UTF-8 text: Cloud Integration reads scripts as UTF-8' };
  return { error: 'not valid UTF-8 text: iFlows are UTF-8 XML' };
}

/** UTF-8 text without copying the bytes (invalid sequences become U+FFFD). */
export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
