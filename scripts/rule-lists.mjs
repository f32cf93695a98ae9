// Writes the lists derived from the rule folders before the bundles are
// built: the rule indexes (scripts/rule-index.ts), then the rule parts of the
// configuration schema (scripts/rule-schema.ts, which reads the fresh
// indexes). Both are checked in; a unit test fails when they are stale.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Bundles a TypeScript script in memory and returns its exports. */
async function load(entry) {
  const { outputFiles } = await build({
    entryPoints: [join(REPO, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

function writeChanged({ path, text }) {
  const file = join(REPO, path);
  let before;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    before = undefined;
  }
  if (before === text) return false;
  writeFileSync(file, text);
  return true;
}

/** Returns the paths it rewrote. */
export async function writeRuleLists() {
  const { ruleIndexSources } = await load('scripts/rule-index.ts');
  const written = ruleIndexSources(REPO).filter(writeChanged);
  const { configSchemaSource } = await load('scripts/rule-schema.ts');
  const schema = configSchemaSource(REPO);
  if (writeChanged(schema)) written.push(schema);
  return written.map((file) => file.path);
}
