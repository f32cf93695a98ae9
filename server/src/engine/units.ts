// Units of work: what the engine reads and analyses together, so only one
// artifact's texts (or one archive) are in memory at a time.
import { artifactFolder } from '../core/analysis/artifact-layout';
import type { ContentFile } from './source';

/** An iFlow or a parameters.prop. */
export type ArtifactFile = ContentFile & { readonly kind: 'iflow' | 'parameters' };

export const isArtifactFile = (file: ContentFile): file is ArtifactFile => file.kind === 'iflow' || file.kind === 'parameters';

/** A Groovy or JavaScript file (whether it is analysed is decided with its configuration). */
export type ScriptFile = ContentFile & { readonly kind: 'script' };

export const isScriptFile = (file: ContentFile): file is ScriptFile => file.kind === 'script';

/**
 * An artifact folder's iFlows and parameters.prop with its scripts (which
 * name the iFlows running them), a certificate file or an archive.
 */
export type ScanUnit =
  | { readonly kind: 'artifact'; readonly folder: string; readonly files: readonly ArtifactFile[]; readonly scripts: readonly ScriptFile[] }
  | { readonly kind: 'certificate' | 'archive'; readonly file: ContentFile };

/** The files as units of work, artifacts in folder order first. */
export function scanUnits(files: readonly ContentFile[]): ScanUnit[] {
  const grouped = files.filter((file) => isArtifactFile(file) || isScriptFile(file));
  const units: ScanUnit[] = byArtifact(grouped).map(([folder, group]) => ({
    kind: 'artifact',
    folder,
    files: group.filter(isArtifactFile),
    scripts: group.filter(isScriptFile),
  }));
  for (const file of files) if (file.kind === 'certificate' || file.kind === 'archive') units.push({ kind: file.kind, file });
  return units;
}

export const unitFileCount = (unit: ScanUnit) => (unit.kind === 'artifact' ? unit.files.length + unit.scripts.length : 1);

/** Files grouped by artifact folder, as the editor groups them, in folder order. */
export function byArtifact<T extends { readonly uri: string }>(items: readonly T[]): [folder: string, group: T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const folder = artifactFolder(item.uri);
    const group = groups.get(folder);
    if (group) group.push(item);
    else groups.set(folder, [item]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The file an artifact's configuration is looked up from: its first iFlow, else its parameters.prop (else its first script). */
export function configAnchor(files: readonly { readonly uri: string; readonly kind: string }[]): string {
  const iflows = files
    .filter((file) => file.kind === 'iflow')
    .map((file) => file.uri)
    .sort();
  return iflows[0] ?? files[0].uri;
}
