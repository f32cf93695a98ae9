// File identities. Internally a file is a `file:` URI as pathToFileURL
// spells it (the editor may encode differently: canonicalUri); a file inside
// a zip continues the zip's URI with `!/`, e.g.
// `file:///x/package.zip!/<id>_content!/src/main/resources/parameters.prop`.
// Users see paths relative to the scan root with the same `!/` separators.
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

/**
 * URI of an entry inside an archive (which may itself be inside another):
 * for a file on disk encoded exactly as pathToFileURL encodes the path with
 * `!/`, which resolves `..` (archive.ts names unsafe entries only in problems).
 */
export function entryUri(archiveUri: string, entryName: string): string {
  const path = uriToPath(archiveUri);
  return path === undefined
    ? `${archiveUri}!/${entryName.split('/').map(encodeURIComponent).join('/')}`
    : pathToFileURL(`${path}!/${entryName}`).href;
}

/** The file-system path of a `file:` URI, archive separators kept (`/x/package.zip!/a/b.iflw`); undefined for other URIs. */
export function uriToPath(uri: string): string | undefined {
  // other schemes (cpi-tenant://) are common in a tenant scan: no exception per call
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** canonicalUri's answers, which depend on the URI alone: every finding and document names its file, many times per analysis. */
const canonical = new Map<string, string>();
/** Enough for the files of any one analysis; past it the map starts afresh rather than grow with a long scan. */
const CANONICAL_KEPT = 4096;

/** One spelling per file URI, whatever percent-encoding the editor chose. */
export function canonicalUri(uri: string): string {
  let known = canonical.get(uri);
  if (known === undefined) {
    const path = uriToPath(uri);
    known = path ? pathToFileURL(path).href : uri;
    if (canonical.size >= CANONICAL_KEPT) canonical.clear();
    canonical.set(uri, known);
  }
  return known;
}

/** What users read: the path relative to the scan root with '/' separators, or the absolute path when outside it. */
export function displayPath(uri: string, root: string): string {
  const path = uriToPath(uri);
  if (path === undefined) return uri;
  const rel = relative(root, path);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** A relative URI reference for SARIF (segments percent-encoded, `!` kept), or the absolute URI outside the root. */
export function sarifUri(uri: string, root: string): { uri: string; relative: boolean } {
  const path = uriToPath(uri);
  if (path === undefined) return { uri, relative: false };
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri, relative: false };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), relative: true };
}

/** A cpi-tenant:// URI as its tenant's root (`cpi-tenant://<host>/`) and the path below it; undefined for other URIs. */
export function tenantRoot(uri: string): { root: string; path: string } | undefined {
  const match = /^(cpi-tenant:\/\/[^/]+\/)(.*)$/.exec(uri);
  return match ? { root: match[1], path: match[2] } : undefined;
}
