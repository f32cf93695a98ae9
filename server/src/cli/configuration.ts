// The configuration for each artifact, as the editor finds it: the nearest
// `.cpisecurity.json` from the artifact's first file upwards (here up to the
// file-system root: a command line has no workspace), or the one given with
// --config for every file. Each configuration file is read once.
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseTree, stripComments, type ParseError } from 'jsonc-parser';
import { configCandidates } from '../core/config/discover';
import { DEFAULT_CONFIG, type Config, type ConfigProblem } from '../core/config/model';
import { parseConfig } from '../core/config/parse';
import { reason } from './discover';
import { fileUri, uriToPath } from './paths';

export interface ConfigFile {
  readonly uri: string;
  readonly config: Config;
  readonly problems: readonly ConfigProblem[];
}

export class UnreadableConfig extends Error {}

/** What a ConfigResolver is made from; plain data, so a worker thread can make its own. */
export interface ConfigRecipe {
  readonly explicitPath?: string;
  readonly rootPath: string;
  readonly listedFolders?: readonly (readonly [string, boolean])[];
}

export class ConfigResolver {
  private readonly files = new Map<string, ConfigFile | undefined>();
  private readonly byFolder = new Map<string, { config: Config; file?: ConfigFile }>();
  private readonly explicit?: ConfigFile;
  private readonly fallback: Config;

  /**
   * Throws UnreadableConfig when an explicitly given file cannot be read or
   * is not a JSON object. `listedFolders`: folders whose content is known
   * (from discovery), so no file-system lookup is needed there.
   */
  constructor(
    private readonly explicitPath: string | undefined,
    private readonly rootPath: string,
    private readonly listedFolders?: ReadonlyMap<string, boolean>,
  ) {
    this.fallback = { ...DEFAULT_CONFIG, root: fileUri(rootPath) };
    if (explicitPath !== undefined) this.explicit = readExplicit(explicitPath);
  }

  /** The configuration for an artifact whose first file (sorted, iFlows first) is `anchorUri`. */
  forFile(anchorUri: string): { config: Config; file?: ConfigFile } {
    if (this.explicit) return { config: this.explicit.config, file: this.explicit };
    // The answer depends on the folder only, and every file of an artifact
    // asks; climbing stops at the first folder already answered.
    const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
    const folder = folderOf(anchorUri);
    const known = this.byFolder.get(folder);
    if (known) return known;
    const climbed: string[] = [];
    let found: { config: Config; file?: ConfigFile } = { config: this.fallback };
    for (const candidate of configCandidates(anchorUri)) {
      const candidateFolder = folderOf(candidate);
      const answered = this.byFolder.get(candidateFolder);
      if (answered) {
        found = answered;
        break;
      }
      climbed.push(candidateFolder);
      const file = this.read(candidate);
      if (file) {
        found = { config: file.config, file };
        break;
      }
    }
    for (const each of climbed) this.byFolder.set(each, found);
    return found;
  }

  /** The configuration file at `uri` (one that forFile returned, here or in a worker thread). */
  fileAt(uri: string): ConfigFile | undefined {
    return this.explicit?.uri === uri ? this.explicit : this.read(uri);
  }

  /** How to make the same resolver in a worker thread. */
  recipe(): ConfigRecipe {
    return { explicitPath: this.explicitPath, rootPath: this.rootPath, listedFolders: this.listedFolders ? [...this.listedFolders] : undefined };
  }

  static fromRecipe(recipe: ConfigRecipe): ConfigResolver {
    return new ConfigResolver(recipe.explicitPath, recipe.rootPath, recipe.listedFolders && new Map(recipe.listedFolders));
  }

  private read(uri: string): ConfigFile | undefined {
    if (this.files.has(uri)) return this.files.get(uri);
    const path = uriToPath(uri);
    let file: ConfigFile | undefined;
    // Most folders have none: a listed folder is known, others are asked for the file's type (a failed read costs an exception).
    const listed = path === undefined ? undefined : this.listedFolders?.get(dirname(path));
    if (path !== undefined && listed !== false && statSync(path, { throwIfNoEntry: false })?.isFile()) {
      try {
        const text = readFileSync(path, 'utf8');
        file = { uri, ...parseConfig(text, uri) };
      } catch {
        file = undefined; // unreadable: keep looking further up, as for an absent one
      }
    }
    this.files.set(uri, file);
    return file;
  }
}

function readExplicit(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UnreadableConfig(`cannot read configuration ${path}: ${reason(error)}`);
  }
  // A named configuration that is not JSON at all must stop the run: a CI gate
  // should not pass with the defaults because of a typo.
  if (stripComments(text).trim() !== '') {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0 || tree?.type !== 'object') {
      const uri = fileUri(path);
      const first = parseConfig(text, uri).problems[0];
      const where = first ? `:${first.range.start.line + 1}:${first.range.start.character + 1}` : '';
      throw new UnreadableConfig(`invalid configuration ${path}${where}: ${first?.message ?? 'not a JSON object'}`);
    }
  }
  const uri = fileUri(path);
  return { uri, ...parseConfig(text, uri) };
}
