// Reads a file unless it is over a size limit, with one open: a stat by
// path before readFileSync would resolve the path twice, and a scan reads
// thousands of files.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { readonly bytes: Buffer } | { readonly tooLarge: number };

/** The file's bytes, or its size when that is over `maxBytes` (nothing read). Throws as fs does. */
export function readFileWithin(path: string, maxBytes: number): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    // A file that shrinks while read ends early; one that grows is read as it was sized.
    for (let read = -1; filled < size && read !== 0; filled += read) read = readSync(fd, bytes, filled, size - filled, null);
    return { bytes: filled === size ? bytes : bytes.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}
