// What a command-line scan reads from: the disk, with the configuration of
// --config for every file or else the nearest one. Plain data describes it,
// so each worker thread makes its own (scanContext).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, stripComments, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, parseConfig } from '../core/config/parse';
import { TENANT_SCHEME } from '../core/tenant/uri';
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

/**
 * The configurations of a tenant scan: --config, else the current folder's
 * .cpisecurity.json (its problems are reported, what is valid applies).
 * Globs (ignore, suppressions' "file") are relative to the tenant:
 * `<PackageId>/<ArtifactId>/src/main/resources/...`.
 */
export function tenantConfigs(explicitConfigPath: string | undefined, rootPath: string, host: string): ConfigResolver {
  const source = new DiskSource();
  const local = join(rootPath, CONFIG_FILE_NAME);
  const explicit =
    explicitConfigPath !== undefined ? readExplicit(explicitConfigPath) : existsSync(local) ? readDiscovered(local) : undefined;
  const root = `${TENANT_SCHEME}://${host}`;
  return new ConfigResolver(source, { defaultRoot: root, layer: (config) => ({ ...config, root }), ...(explicit ? { explicit } : {}) });
}

function readDiscovered(path: string): ConfigFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // as for files: an unreadable configuration nobody named is passed over
  }
  const uri = fileUri(path);
  return { uri, text, ...parseConfig(text, uri) };
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
