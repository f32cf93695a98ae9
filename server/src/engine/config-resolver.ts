// The configuration for each artifact: the nearest `.cpisecurity.json` from
// the artifact's first file upwards (up to the editor's workspace folder, or
// the file-system root on the command line), or one given for every file
// (--config). Each configuration file is read once, each folder asked once.
import { artifactFolder } from '../core/analysis/artifact-layout';
import { configCandidates } from '../core/config/discover';
import { DEFAULT_CONFIG, type Config, type ConfigProblem } from '../core/config/model';
import { parseConfig } from '../core/config/parse';
import type { ContentSource } from './source';
import { utf8 } from './text-decode';

export interface ConfigFile {
  readonly uri: string;
  readonly config: Config;
  readonly problems: readonly ConfigProblem[];
  /** The file's text: quick fixes edit it. */
  readonly text: string;
}

/** The configuration in force for some files, and the file it comes from (none: the defaults). */
export interface ArtifactConfig {
  readonly config: Config;
  readonly file?: ConfigFile;
}

export interface ConfigResolverOptions {
  /** Folder URI where the search upwards stops (inclusive) for files inside it: the editor's workspace folder. */
  readonly stopAt?: string;
  /** Folder URI that the globs of the defaults are relative to; absent: the artifact's folder above `src/main/resources`. */
  readonly defaultRoot?: string;
  /** The configuration of every file, whatever lies beside it (--config). */
  readonly explicit?: ConfigFile;
  /** Applied on top of every configuration: the editor's settings. */
  readonly layer?: (config: Config) => Config;
}

export class ConfigResolver {
  /** Per folder, the nearest configuration file from there upwards (null: none). */
  private readonly byFolder = new Map<string, ConfigFile | null>();
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly resolved = new Map<ConfigFile | string, ArtifactConfig>();

  constructor(
    private readonly source: ContentSource,
    private readonly options: ConfigResolverOptions = {},
  ) {}

  /** The configuration for an artifact whose first file (sorted, iFlows first) is `anchorUri`. */
  forFile(anchorUri: string): ArtifactConfig {
    const file = this.options.explicit ?? this.nearest(anchorUri);
    // the defaults depend on their root only
    const root = file ? undefined : (this.options.defaultRoot ?? artifactRoot(anchorUri));
    let found = this.resolved.get(file ?? root!);
    if (!found) {
      const config = file ? file.config : { ...DEFAULT_CONFIG, root };
      found = { config: this.options.layer ? this.options.layer(config) : config, ...(file ? { file } : {}) };
      this.resolved.set(file ?? root!, found);
    }
    return found;
  }

  /** The configuration file at `uri` (one that forFile returned, here or in a worker thread). */
  fileAt(uri: string): ConfigFile | undefined {
    return this.options.explicit?.uri === uri ? this.options.explicit : (this.read(uri) ?? undefined);
  }

  private nearest(anchorUri: string): ConfigFile | null {
    // The answer depends on the folder only, and every file of an artifact
    // asks; climbing stops at the first folder already answered.
    const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
    const known = this.byFolder.get(folderOf(anchorUri));
    if (known !== undefined) return known;
    const climbed: string[] = [];
    let found: ConfigFile | null = null;
    for (const candidate of configCandidates(anchorUri, this.options.stopAt)) {
      const folder = folderOf(candidate);
      const answered = this.byFolder.get(folder);
      if (answered !== undefined) {
        found = answered;
        break;
      }
      climbed.push(folder);
      found = this.read(candidate);
      if (found) break;
    }
    for (const folder of climbed) this.byFolder.set(folder, found);
    return found;
  }

  private read(uri: string): ConfigFile | null {
    let file = this.files.get(uri);
    if (file !== undefined) return file;
    let read;
    try {
      read = this.source.read(uri, Number.POSITIVE_INFINITY);
    } catch {
      read = undefined; // unreadable: keep looking further up, as for an absent one
    }
    const text = read === undefined || 'tooLarge' in read ? undefined : 'text' in read ? read.text : utf8(read.bytes);
    file = text === undefined ? null : { uri, text, ...parseConfig(text, uri) };
    this.files.set(uri, file);
    return file;
  }
}

/** The folder above `src/main/resources`, else the file's folder. */
function artifactRoot(uri: string): string {
  const folder = artifactFolder(uri);
  return folder.endsWith('/src/main/resources') ? folder.slice(0, -'/src/main/resources'.length) : folder;
}
