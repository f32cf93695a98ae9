// URI string helpers for configuration lookup and glob matching. URIs stay
// strings here (the core has no URI library): `file:///x/a.iflw`, or a file
// inside an archive such as `file:///x/pkg.zip!/inner!/src/a.iflw`.

const HIERARCHICAL = /^([a-zA-Z][\w+.-]*:\/\/[^/?#]*)([^?#]*)/;
const SCHEME_PATH = /^([a-zA-Z][\w+.-]*:)(\/[^?#]*)/;
/** Where an archive's content starts: a literal or percent-encoded `!` before a slash. */
const ARCHIVE_SEPARATOR = /(?:!|%21)\//i;
const DRIVE = /^[a-zA-Z](?::|%3A)$/i;

/** Splits a URI into the part before its path (`file://`) and its '/'-rooted path; undefined when it has no such path. */
export function splitUri(uri: string): { prefix: string; path: string } | undefined {
  const hierarchical = HIERARCHICAL.exec(uri);
  if (hierarchical) return { prefix: hierarchical[1], path: hierarchical[2] };
  const schemePath = SCHEME_PATH.exec(uri);
  if (schemePath) return { prefix: schemePath[1], path: schemePath[2] };
  if (uri.startsWith('/')) return { prefix: '', path: uri.replace(/[?#].*$/, '') };
  return undefined;
}

/** The URI of the folder holding `uri` (no trailing slash), or undefined for an opaque URI. */
export function folderOf(uri: string): string | undefined {
  const parts = splitUri(uri);
  if (!parts) return undefined;
  const slash = parts.path.lastIndexOf('/');
  return slash < 0 ? undefined : parts.prefix + parts.path.slice(0, slash);
}

/** The path up to the outermost archive, so a file inside a zip counts as living beside the zip. */
export function outsideArchive(path: string): string {
  const match = ARCHIVE_SEPARATOR.exec(path);
  return match ? path.slice(0, match.index) : path;
}

export function isDriveSegment(segment: string): boolean {
  return DRIVE.test(segment);
}

/**
 * A comparable form of a URI: percent-escapes decoded, archive separators
 * turned into plain folders (`pkg.zip!/a` -> `pkg.zip/a`, so globs such as
 * `**\/*.zip/**` work), a Windows drive letter lower-cased, no trailing slash.
 */
export function comparableUri(uri: string): string {
  let decoded = uri.replace(/[?#].*$/, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A stray '%' is kept literally.
  }
  return decoded
    .replace(/!\//g, '/')
    .replace(/^file:\/\/\/([A-Za-z]):/, (_all, drive: string) => `file:///${drive.toLowerCase()}:`)
    .replace(/\/+$/, '');
}
