// What a command-line scan reads from: the disk, with the configuration of
// --config for every file or else the nearest one. Plain data describes it,
// so each worker thread makes its own (scanContext).
import { readFileSync } from 'node:fs';
import { parseTree, stripComments, type ParseError } from 'jsonc-parser';
import { parseConfig } from '../core/config/parse';
import { ConfigResolver, type ConfigFile } from '../engine/config-resolver';
import { reason } from '../engine/discover';
import { DiskSource } from '../engine/disk-source';
import { fileUri } from '../engine/uri';

export class UnreadableConfig extends Error {}

export interface ScanRecipe {
  /** --config, absolute. */
  readonly explicitConfigPath?: string;
  readonly rootPath: string;
  /** From discovery: the folders listed, and whether each holds a `.cpisecurity.json`. */
  readonly listedFolders?: readonly (readonly [string, boolean])[];
}

/** The source and configurations of a scan. Throws UnreadableConfig when --config cannot be read or is not a JSON object. */
export function scanContext(recipe: ScanRecipe): { source: DiskSource; configs: ConfigResolver } {
  const source = new DiskSource(recipe.listedFolders && new Map(recipe.listedFolders));
  const explicit = recipe.explicitConfigPath === undefined ? undefined : readExplicit(recipe.explicitConfigPath);
  return { source, configs: new ConfigResolver(source, { defaultRoot: fileUri(recipe.rootPath), ...(explicit ? { explicit } : {}) }) };
}

function readExplicit(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UnreadableConfig(`cannot read configuration ${path}: ${reason(error)}`);
  }
  const uri = fileUri(path);
  // A named configuration that is not JSON at all must stop the run: a CI gate
  // should not pass with the defaults because of a typo.
  if (stripComments(text).trim() !== '') {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0 || tree?.type !== 'object') {
      const first = parseConfig(text, uri).problems[0];
      const where = first ? `:${first.range.start.line + 1}:${first.range.start.character + 1}` : '';
      throw new UnreadableConfig(`invalid configuration ${path}${where}: ${first?.message ?? 'not a JSON object'}`);
    }
  }
  return { uri, text, ...parseConfig(text, uri) };
}
