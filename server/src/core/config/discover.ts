// Where to look for `.cpisecurity.json` for one file, without touching the
// file system: the caller reads the candidates in order and uses the first
// that exists (the nearest one to the file).
import { CONFIG_FILE_NAME } from './parse';
import { comparableUri, isDriveSegment, outsideArchive, splitUri } from './uri';

/**
 * Candidate configuration URIs from the file's folder up to the workspace
 * root (inclusive), or up to the file-system root when there is no workspace
 * root or the file lies outside it. A file inside an archive starts from the
 * archive's folder: configuration is not read from inside packages.
 */
export function configCandidates(fileUri: string, workspaceRootUri?: string): string[] {
  const parts = splitUri(fileUri);
  if (!parts) return [];
  const path = outsideArchive(parts.path);
  const segments = path.split('/');
  segments.pop(); // the file itself (or the archive)
  const root = workspaceRootUri === undefined ? undefined : comparableUri(workspaceRootUri);
  const insideRoot = root !== undefined && comparableUri(fileUri).startsWith(root + '/');

  const candidates: string[] = [];
  for (let end = segments.length; end >= 1; end--) {
    const folder = parts.prefix + segments.slice(0, end).join('/');
    candidates.push(`${folder}/${CONFIG_FILE_NAME}`);
    if (insideRoot && comparableUri(folder) === root) break;
    // Do not climb above a Windows drive (file:///c:/).
    if (end === 2 && isDriveSegment(segments[1])) break;
  }
  return candidates;
}
