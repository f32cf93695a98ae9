// "Download to workspace": an artifact's project, every entry of the zip the
// tenant serves, written to <folder>/<ArtifactId>/ so it can be fixed and
// committed; the copy on disk is then analysed as any local artifact. An
// existing folder is never overwritten, and entry names that would leave the
// target (absolute, `..`) are refused, as are archives that expand too far.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';

const MAX_ENTRIES = 20_000;
const MAX_BYTES = 512 * 1024 * 1024;

export class DownloadRefused extends Error {}

/** A folder name from an artifact id: ids are plain, but a name must not climb or hold separators. */
export function projectFolderName(artifactId: string): string {
  const name = artifactId.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+$/, '_');
  return name || 'artifact';
}

/** Writes the zip's files under `<parent>/<artifact folder>`; returns the folder and the files written. */
export function writeProject(zip: Uint8Array, parent: string, artifactId: string): { folder: string; files: string[] } {
  const folder = resolve(parent, projectFolderName(artifactId));
  if (existsSync(folder))
    throw new DownloadRefused(`${folder} exists already: choose another folder, or remove that one first (nothing is overwritten).`);
  let entries = 0;
  let bytes = 0;
  const names = new Map<string, string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (info) => {
        if (++entries > MAX_ENTRIES) throw new DownloadRefused(`the artifact's zip has more than ${MAX_ENTRIES} entries; not written`);
        bytes += info.originalSize;
        if (bytes > MAX_BYTES) throw new DownloadRefused(`the artifact's zip expands to more than ${MAX_BYTES / 1048576} MB; not written`);
        const name = info.name.replace(/\\/g, '/');
        if (name.endsWith('/')) return false;
        const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
        if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || segments.includes('..'))
          throw new DownloadRefused(`the artifact's zip has an unsafe entry name (${name}); not written`);
        names.set(info.name, segments.join('/'));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DownloadRefused) throw error;
    throw new DownloadRefused(
      `the tenant's answer is not a readable zip (${error instanceof Error ? error.message : String(error)}); not written`,
    );
  }
  const written: string[] = [];
  for (const [raw, data] of Object.entries(files)) {
    const path = join(folder, ...names.get(raw)!.split('/'));
    if (!path.startsWith(folder + sep)) throw new DownloadRefused(`the artifact's zip has an unsafe entry name (${raw}); not written`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data, { flag: 'wx' });
    written.push(path);
  }
  return { folder, files: written.sort() };
}
