// Finds the files to scan on disk under some paths (given on the command
// line, or the editor's workspace folders): folders recursively (not into
// node_modules or .git), following symbolic links but never into a folder
// already seen (link loops), each file once.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { isInArtifact, scriptLanguage } from '../core/analysis/script-layout';
import { CONFIG_FILE_NAME } from '../core/config/parse';
import { fileKind, type FileKind } from './file-kind';
import type { ContentFile } from './source';
import { fileUri } from './uri';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Discovery {
  readonly files: ContentFile[];
  /** Paths given on the command line that do not exist. */
  readonly missing: string[];
  /** Given files of a kind the linter does not read. */
  readonly unsupported: string[];
  /** Folders or files that could not be listed or examined. */
  readonly problems: { path: string; message: string }[];
  /** Every folder listed, and whether it holds a `.cpisecurity.json` (spares a look per folder later). */
  readonly listedFolders: Map<string, boolean>;
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const discovery: Discovery = { files: [], missing: [], unsupported: [], problems: [], listedFolders: new Map() };
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();

  /** `real`: the file's path with links resolved, when the caller already knows it. */
  const addFile = (path: string, kind: FileKind, explicit: boolean, real = realOrSelf(path)) => {
    const uri = fileUri(path);
    // JavaScript outside an artifact is never analysed (Groovy may be, when the configuration lists it): not even listed
    if (kind === 'script' && !explicit && scriptLanguage(uri) === 'javascript' && !isInArtifact(uri)) return;
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    discovery.files.push({ uri, kind, ...(explicit ? { explicit } : {}) });
  };

  /** `knownReal`: the folder's real path when its parent's is known and it is no link (spares a lookup per folder). */
  const walk = (folder: string, knownReal?: string) => {
    const real = knownReal ?? realOrSelf(folder);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      discovery.problems.push({ path: folder, message: `folder cannot be read (${reason(error)})` });
      return;
    }
    discovery.listedFolders.set(
      folder,
      entries.some((entry) => entry.name === CONFIG_FILE_NAME),
    );
    for (const entry of entries) {
      const { name } = entry;
      const path = join(folder, name);
      const kind = fileKind(name);
      // The listing's types spare a stat per file; only links need following.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(path, join(real, name));
        continue;
      }
      if (entry.isFile()) {
        // inside a folder seen by its real path, a plain file's real path is known without asking
        if (kind !== undefined) addFile(path, kind, false, join(real, name));
        continue;
      }
      let stats;
      try {
        stats = statSync(path); // follows links; a dangling link throws
      } catch (error) {
        if (kind !== undefined) discovery.problems.push({ path, message: `cannot be read (${reason(error)})` });
        continue;
      }
      if (stats.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(path);
      } else if (stats.isFile() && kind !== undefined) {
        addFile(path, kind, false);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      discovery.missing.push(given);
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else {
      const kind = fileKind(path);
      if (kind === undefined) discovery.unsupported.push(given);
      else addFile(path, kind, true);
    }
  }
  return discovery;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
