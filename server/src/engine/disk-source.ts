// Files on disk. One open per file (readFileWithin): a scan reads thousands.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isIflowUri } from '../core/analysis/artifact-layout';
import { CONFIG_FILE_NAME } from '../core/config/parse';
import { readFileWithin } from './read-file';
import type { ContentSource, SourceRead } from './source';
import type { ArtifactFile } from './units';
import { fileUri, uriToPath } from './uri';

export class DiskSource implements ContentSource {
  /**
   * `listedFolders`: folders that discovery listed, and whether each holds a
   * `.cpisecurity.json`; most do not, and knowing spares a failed open per
   * folder when configurations are looked up.
   */
  constructor(private readonly listedFolders?: ReadonlyMap<string, boolean>) {}

  read(uri: string, maxBytes: number): SourceRead | undefined {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    if (basename(path) === CONFIG_FILE_NAME && this.listedFolders?.get(dirname(path)) === false) return undefined;
    try {
      return readFileWithin(path, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  artifactFiles(folder: string): ArtifactFile[] {
    const files: ArtifactFile[] = [];
    for (const uri of [folder, `${folder}/scenarioflows/integrationflow`]) {
      const path = uriToPath(uri);
      if (path === undefined) continue;
      let names: string[];
      try {
        names = readdirSync(path);
      } catch {
        continue; // a folder that does not exist holds no iFlows
      }
      for (const name of names) {
        if (isIflowUri(name)) files.push({ uri: fileUri(join(path, name)), kind: 'iflow' });
        else if (name === 'parameters.prop' && uri === folder) files.push({ uri: fileUri(join(path, name)), kind: 'parameters' });
      }
    }
    return files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}
