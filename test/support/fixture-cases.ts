import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArtifact, type ArtifactResult } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { configTarget } from '../../server/src/core/config/target';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { parseConfig } from '../../server/src/core/config/parse';

/** Fixed "today" so suppression expiry in fixtures never depends on the calendar. */
export const FIXTURE_TODAY = new Date('2026-06-01T12:00:00Z');

/**
 * One fixture case folder: `*.iflw` files, optional `parameters.prop` and
 * `.cpisecurity.json` beside them (loose artifact layout), and
 * `expected.json` listing the findings of the rule under test.
 */
export interface FixtureCase {
  readonly name: string;
  readonly folder: string;
  readonly files: Map<string, string>; // uri -> text
}

export interface ExpectedFinding {
  rule: string;
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  severity?: string;
  endLine?: number;
  endColumn?: number;
}

export function loadCase(folder: string): FixtureCase {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    if (name === 'expected.json' || name === 'README.md') continue;
    const path = join(folder, name);
    if (statSync(path).isFile()) files.set(pathToFileURL(path).href, readFileSync(path, 'utf8'));
  }
  return { name: folder.split('/').slice(-2).join('/'), folder, files };
}

export function caseFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .flatMap((rule) =>
      readdirSync(join(root, rule))
        .filter((name) => statSync(join(root, rule, name)).isDirectory())
        .map((name) => join(root, rule, name)),
    )
    .sort();
}

/** Analyses the files of a case exactly as the language server would an artifact. */
export function analyseFiles(files: Map<string, string>, folderUri: string): ArtifactResult {
  const iflows = [...files].filter(([uri]) => uri.endsWith('.iflw')).map(([uri, text]) => parseIflow(uri, text));
  const parametersUri = `${folderUri}/parameters.prop`;
  const parametersText = files.get(parametersUri);
  const configUri = `${folderUri}/.cpisecurity.json`;
  const configText = files.get(configUri);
  const config = configText === undefined ? { ...DEFAULT_CONFIG, root: folderUri } : parseConfig(configText, configUri).config;
  return analyseArtifact({
    iflows,
    parameters: parametersText === undefined ? undefined : parseParameters(parametersUri, parametersText),
    config,
    configTarget: configTarget(configUri, configText),
    today: FIXTURE_TODAY,
  });
}
