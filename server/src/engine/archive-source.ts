// The entries of a zip read into memory (archive.ts) as a source: a scan
// goes through them unit by unit as through files on disk.
import { artifactFolder } from '../core/analysis/artifact-layout';
import type { ArchiveEntry } from './archive';
import type { ContentFile, ContentSource, SourceRead } from './source';
import { isArtifactFile, type ArtifactFile } from './units';

export class ArchiveSource implements ContentSource {
  private readonly entries: ReadonlyMap<string, ArchiveEntry>;

  constructor(entries: readonly ArchiveEntry[]) {
    this.entries = new Map(entries.map((entry) => [entry.uri, entry]));
  }

  /** The entries as files, for scanUnits. */
  files(): ContentFile[] {
    return [...this.entries.values()].map(({ uri, kind }) => ({ uri, kind }));
  }

  read(uri: string, maxBytes: number): SourceRead | undefined {
    const entry = this.entries.get(uri);
    if (entry === undefined) return undefined;
    return entry.bytes.length > maxBytes ? { tooLarge: entry.bytes.length } : { bytes: entry.bytes };
  }

  artifactFiles(folder: string): ArtifactFile[] {
    return this.files()
      .filter(isArtifactFile)
      .filter((file) => artifactFolder(file.uri) === folder)
      .sort((a, b) => (a.uri < b.uri ? -1 : 1));
  }
}
