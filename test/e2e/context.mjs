// What every e2e entry point needs: where things are, the extension under
// test, a throwaway copy of the workspace, and the compiled test suite.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interruption, scratchDir, teardownAll } from './host.mjs';
import { SetupError } from './setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const outputDir = join(repoRoot, 'test-output', 'e2e');
export const suiteOutDir = join(repoRoot, '.cache', 'e2e', 'suite');
export const fixturesDir = join(here, 'fixtures');

export class HarnessError extends Error {}

/**
 * The extension folder under test: the repository itself, or CPI_E2E_EXTENSION
 * (a stand-in extension while the real one is not built).
 */
export function extensionUnderTest() {
  const path = process.env.CPI_E2E_EXTENSION ? resolve(process.env.CPI_E2E_EXTENSION) : repoRoot;
  if (path === repoRoot) {
    const missing = ['client/out/extension.js', 'server/out/server.js'].filter((file) => !existsSync(join(repoRoot, file)));
    if (missing.length > 0) throw new HarnessError(`extension not built (missing ${missing.join(', ')}): run \`npm run build\` first`);
  } else if (!existsSync(join(path, 'package.json'))) {
    throw new HarnessError(`CPI_E2E_EXTENSION=${path} has no package.json`);
  }
  return path;
}

/**
 * A throwaway workspace: a copy of examples/ (or CPI_E2E_WORKSPACE) plus the
 * e2e fixtures under e2e-fixtures/. Tests edit documents; the source tree is never touched.
 */
export function prepareWorkspace() {
  const source = process.env.CPI_E2E_WORKSPACE ? resolve(process.env.CPI_E2E_WORKSPACE) : join(repoRoot, 'examples');
  const workspace = scratchDir('cpi-e2e-ws-');
  if (existsSync(source)) cpSync(source, workspace, { recursive: true });
  cpSync(fixturesDir, join(workspace, 'e2e-fixtures'), { recursive: true });
  return workspace;
}

/** Compiles test/e2e/suite/*.ts to CommonJS next to each other (no bundling: mocha loads the files). */
export async function compileSuite() {
  const { build } = await import('esbuild');
  const suiteDir = join(here, 'suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(suiteDir, name));
  rmSync(suiteOutDir, { recursive: true, force: true });
  mkdirSync(suiteOutDir, { recursive: true });
  await build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(suiteOutDir, 'index.js');
}

/** Absolute path of the repository's mocha, handed to the suite (the extension host has its own module paths). */
export function mochaPath() {
  return dirname(createRequire(join(repoRoot, 'package.json')).resolve('mocha/package.json'));
}

/**
 * Runs an entry point's `main` (which returns its exit code) and exits: 0
 * when CPI_E2E_SKIP=1, 2 when the harness itself could not run. Whatever
 * happens, what the run started is torn down first. `tag` prefixes the
 * messages (`e2e ui`), `what` names what a skip leaves out.
 */
export async function runEntryPoint(tag, what, main) {
  let exitCode = 2;
  if (process.env.CPI_E2E_SKIP === '1') {
    console.log(`[${tag}] skipped: CPI_E2E_SKIP=1 (${what} did not run)`);
    exitCode = 0;
  } else {
    try {
      exitCode = await main();
    } catch (error) {
      const known = error instanceof HarnessError || error instanceof SetupError;
      if (!interruption()) console.error(`[${tag}] harness could not run: ${known ? error.message : (error?.stack ?? error)}`);
    } finally {
      await teardownAll();
    }
  }
  process.exit(exitCode);
}
