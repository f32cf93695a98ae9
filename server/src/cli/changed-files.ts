// --changed-since <ref>: which content changed, asked of git, and which
// discovered files belong to it. A change counts for its whole unit: an
// edited parameters.prop brings its iFlows along (and the other way round),
// so parameters still resolve and findings anywhere in a touched artifact
// are reported; a changed zip or certificate file counts as a whole.
//
// Changed means: different between <ref> and the work tree (committed since
// the ref, staged or not yet staged; `git diff --name-only <ref>`), plus
// untracked files git does not ignore. Deleted files have nothing to scan.
// A changed .cpisecurity.json alone selects nothing: it is configuration,
// not content.
import { execFileSync } from 'node:child_process';
import { posix, resolve } from 'node:path';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { fileKind } from '../engine/file-kind';
import type { ContentFile } from '../engine/source';
import { fileUri } from '../engine/uri';

export class ChangedFilesError extends Error {}

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: string; stderr?: string };
    if (failure.code === 'ENOENT') throw new ChangedFilesError('--changed-since needs git, which was not found on the PATH');
    throw new ChangedFilesError((failure.stderr ?? String(error)).trim());
  }
}

/** Absolute paths (spelled from `cwd`, as discovery spells them) of the files changed since `ref`. */
export function changedSince(ref: string, cwd: string): string[] {
  try {
    git(['rev-parse', '--is-inside-work-tree'], cwd);
  } catch (error) {
    if (error instanceof ChangedFilesError && /ENOENT|not found on the PATH/.test(error.message)) throw error;
    throw new ChangedFilesError(`--changed-since needs a git work tree, and ${cwd} is not inside one`);
  }
  // a ref that names no commit, or an option in disguise, is refused before git reads it as anything else
  if (ref.startsWith('-')) throw new ChangedFilesError(`--changed-since: "${ref}" is not a git revision`);
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  } catch {
    throw new ChangedFilesError(
      `--changed-since: unknown git revision "${ref}" (fetch it first in a shallow clone, e.g. git fetch --depth=50 origin main)`,
    );
  }
  // paths come relative to the top of the work tree; the prefix is the cwd's place in it, so the
  // result is spelled from the cwd as given (a symbolic link in it stays as it is)
  const prefix = git(['rev-parse', '--show-prefix'], cwd).trim();
  const names = [
    ...git(['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '-z', ref, '--'], cwd).split('\0'),
    ...git(['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '--full-name', '-z'], cwd).split('\0'),
  ].filter((name) => name !== '');
  return [...new Set(names)].map((name) => resolve(cwd, posix.relative(`/${prefix}`, `/${name}`)));
}

/** The unit a file belongs to, as a key: its artifact folder, or the file itself for a certificate or a zip. */
function unitKey(file: { readonly uri: string; readonly kind: string }): string {
  return file.kind === 'iflow' || file.kind === 'parameters' || file.kind === 'script'
    ? `artifact:${artifactFolder(file.uri)}`
    : `file:${file.uri}`;
}

/** The discovered files whose unit holds a changed file. */
export function filesOfChangedUnits(files: readonly ContentFile[], changedPaths: readonly string[]): ContentFile[] {
  const changed = new Set<string>();
  for (const path of changedPaths) {
    const kind = fileKind(path);
    if (kind !== undefined) changed.add(unitKey({ uri: fileUri(path), kind }));
  }
  return files.filter((file) => changed.has(unitKey(file)));
}
