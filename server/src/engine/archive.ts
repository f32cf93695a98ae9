// Reads integration packages in memory: single-iFlow exports and package
// exports whose `<id>_content` entries are zips again. Nothing is written to
// disk. Hostile archives are bounded by declared sizes (fflate never writes
// past an entry's declared size), entry count and nesting depth.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { fileKind, isZipHeader, mayBeNestedArchive, type FileKind } from './file-kind';
import { entryUri } from './uri';

export interface ArchiveLimits {
  /** Largest declared uncompressed size of one entry that is read. */
  readonly maxEntryBytes: number;
  /** Declared uncompressed bytes read from one archive on disk, nested archives included. */
  readonly maxTotalBytes: number;
  /** Entries in one archive on disk, nested archives included. */
  readonly maxEntries: number;
  /** An archive on disk is depth 1; its package entries depth 2. */
  readonly maxDepth: number;
}

const MB = 1024 * 1024;
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntryBytes: 64 * MB, maxTotalBytes: 512 * MB, maxEntries: 50_000, maxDepth: 3 };

export interface ArchiveEntry {
  /** The archive's URI, `!/` and the entry's name (again after each nested archive). */
  readonly uri: string;
  readonly kind: Exclude<FileKind, 'archive'>;
  readonly bytes: Uint8Array;
}

export interface ArchiveProblem {
  /** The archive or entry the problem is about. */
  readonly uri: string;
  readonly message: string;
}

export interface ArchiveContent {
  readonly entries: ArchiveEntry[];
  readonly problems: ArchiveProblem[];
}

interface Budget {
  bytes: number;
  entries: number;
}

class TooManyEntries extends Error {}

export function readArchive(bytes: Uint8Array, archiveUri: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): ArchiveContent {
  const content: ArchiveContent = { entries: [], problems: [] };
  open(bytes, archiveUri, 1, limits, { bytes: 0, entries: 0 }, content);
  return content;
}

function open(bytes: Uint8Array, archiveUri: string, depth: number, limits: ArchiveLimits, budget: Budget, content: ArchiveContent): void {
  const problem = (uri: string, message: string) => content.problems.push({ uri, message });
  const wanted = new Map<string, string>(); // raw entry name -> safe name
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        if (++budget.entries > limits.maxEntries) throw new TooManyEntries();
        const name = safeName(info.name);
        if (name === undefined) {
          if (isInteresting(info.name)) problem(entryUri(archiveUri, info.name), 'unsafe entry name (absolute or with ".."); skipped');
          return false;
        }
        if (name === '' || !isInteresting(name)) return false;
        const at = entryUri(archiveUri, name);
        if (info.compression !== 0 && info.compression !== 8) {
          problem(at, `compressed with method ${info.compression}, which is not supported (only stored and deflate); skipped`);
          return false;
        }
        if (info.originalSize > limits.maxEntryBytes) {
          problem(
            at,
            `declares ${megabytes(info.originalSize)} uncompressed, over the ${megabytes(limits.maxEntryBytes)} limit per entry; skipped`,
          );
          return false;
        }
        if (budget.bytes + info.originalSize > limits.maxTotalBytes) {
          problem(at, `archive expands to more than ${megabytes(limits.maxTotalBytes)}; this entry and further large entries are skipped`);
          return false;
        }
        budget.bytes += info.originalSize;
        wanted.set(info.name, name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) problem(archiveUri, `more than ${limits.maxEntries} entries: not read (possible zip bomb)`);
    else problem(archiveUri, `not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
    return;
  }

  for (const [raw, data] of Object.entries(files)) {
    const name = wanted.get(raw);
    if (name === undefined) continue;
    const uri = entryUri(archiveUri, name);
    const kind = fileKind(name);
    if (kind === 'archive' || (kind === undefined && isZipHeader(data))) {
      if (!isZipHeader(data)) problem(uri, 'not a zip archive (no zip header)');
      else if (depth >= limits.maxDepth) problem(uri, `archive nested more than ${limits.maxDepth} levels deep; not opened`);
      else open(data, uri, depth + 1, limits, budget, content);
    } else if (kind !== undefined) {
      content.entries.push({ uri, kind, bytes: data });
    }
  }
}

function isInteresting(name: string): boolean {
  return fileKind(name) !== undefined || mayBeNestedArchive(name);
}

/** A relative '/'-separated name, or undefined when it could escape (absolute, drive, '..'); '' for folders. */
function safeName(raw: string): string | undefined {
  const name = raw.replace(/\\/g, '/');
  if (name.endsWith('/')) return '';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return undefined;
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return undefined;
  return segments.join('/');
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < MB ? 2 : 0)} MB`;
}
