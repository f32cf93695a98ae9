// Starts the real VS Code (code-server: workbench in Chromium, extension host
// in Node 24) on loopback and tears it all down again, whatever happens.
// How the pieces fit: test/e2e/README.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedEnv } from './host-env.mjs';

// ---------------------------------------------------------------- teardown

const teardowns = [];
const liveGroups = new Set();
const scratchDirs = new Set();
let handlersInstalled = false;
let interruptedBy;

/** The signal that interrupted the run (or `server stopped`), if any: errors after it are just the teardown's echo. */
export function interruption() {
  return interruptedBy;
}

/** Registers cleanup work; run in reverse order by teardownAll(). */
export function onTeardown(fn) {
  installHandlers();
  teardowns.push(fn);
}

export async function teardownAll() {
  while (teardowns.length > 0) {
    const fn = teardowns.pop();
    try {
      await fn();
    } catch (error) {
      console.error(`[e2e] teardown step failed: ${error?.message ?? error}`);
    }
  }
}

/** Signals that stop a run: Ctrl-C, a process manager, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Whether a server's exit is a stop rather than a crash: code-server exits
 * with 0 on SIGINT and SIGTERM, dies of SIGHUP, and a Node server that
 * handles a stop signal exits with 128 + its number.
 */
export function isStop({ code, signal }) {
  return code === 0 || STOP_SIGNALS.includes(signal) || [129, 130, 143].includes(code);
}

/**
 * Waits for a server started for a person (`npm start`): resolves with its
 * exit only when it crashed. A stopped server never resolves: the teardown
 * ends the process, once, with `onStopped` run when it begins. That holds in
 * whichever order the two events come when one stop reaches both processes
 * (a process manager or tree-kill signals every process at once): our signal
 * first (the handler tears down and the server's exit is its echo), or the
 * server's exit first (a stop, not a crash: the same teardown begins at once,
 * and our own signal, when it comes, finds it under way).
 */
export async function serverEnd(server, onStopped) {
  let stopping = false;
  onTeardown(() => {
    stopping = true;
    onStopped();
  });
  const exit = await server.exitPromise;
  if (!stopping && interruptedBy === undefined && isStop(exit)) {
    interrupt(exit.signal ?? 'server stopped', `the server stopped (${exit.signal ?? `exit code ${exit.code}`})`);
  }
  if (stopping || interruptedBy !== undefined) await new Promise(() => {});
  return exit;
}

/** Tears everything down once and ends the process with 130, whatever asked first. */
function interrupt(by, why = by) {
  if (interruptedBy !== undefined) return;
  interruptedBy = by;
  console.error(`[e2e] ${why}: tearing down`);
  teardownAll().finally(() => process.exit(130));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of STOP_SIGNALS) {
    // `on`, not `once`: a second Ctrl-C (or npm passing the signal on) must not kill the process mid-teardown
    process.on(signal, () => interrupt(signal));
  }
  // Last resort when the process exits without teardown: no orphaned servers.
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** A temporary folder removed at teardown, or at exit at the latest. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.add(dir);
  onTeardown(() => {
    rmSync(dir, { recursive: true, force: true });
    scratchDirs.delete(dir);
  });
  return dir;
}

// ---------------------------------------------------------------- code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = request(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(path, lines = 25) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The environment without the outer npm's variables nor those of a VS Code the harness may itself run in. */
function cleanEnv(extra, prependPath = []) {
  const env = isolatedEnv(process.env, { prependPath });
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return { ...env, ...extra };
}

/**
 * Starts code-server on a free 127.0.0.1 port with throwaway user data and
 * extensions folders. `env` is added to the server's environment, which the
 * extension host inherits. `port` picks the port (default: a free one).
 * Resolves once the server answers /healthz.
 */
export async function startCodeServer({ paths, env = {}, settings = {}, logDir, timeoutMs = 60_000, log = () => {}, port: requestedPort }) {
  const port = requestedPort ?? (await freePort());
  const home = scratchDir('cpi-e2e-host-');
  const userDataDir = join(home, 'user');
  const extensionsDir = join(home, 'ext');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(join(home, 'tmp'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        ...settings,
      },
      null,
      2,
    ),
  );
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, 'code-server.log');
  const logFd = openSync(logPath, 'w');
  const args = [
    paths.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--vscode-option=--enable-smoke-test-driver',
  ];
  const child = spawn(paths.nodeBin, args, {
    detached: true, // own process group: one kill ends the extension host and language servers too
    stdio: ['ignore', logFd, logFd],
    env: cleanEnv(
      {
        // code-server's own config and data (not VS Code's) would otherwise land in ~/.config and ~/.local/share.
        XDG_CONFIG_HOME: join(home, 'xdg-config'),
        XDG_DATA_HOME: join(home, 'xdg-data'),
        // VS Code's sockets (git, IPC) go to the temp folder: use one that teardown removes.
        TMPDIR: join(home, 'tmp'),
        ...env,
      },
      [join(paths.nodeRoot, 'bin')],
    ),
  });
  closeSync(logFd);
  liveGroups.add(child.pid);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const stop = async () => {
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      let timer;
      const done = await Promise.race([
        exitPromise.then(() => true),
        new Promise((resolve) => (timer = setTimeout(() => resolve(false), 5000))),
      ]);
      clearTimeout(timer);
      if (!done) killGroup(child.pid, 'SIGKILL');
    }
    // The group may hold children that outlive the server process itself.
    killGroup(child.pid, 'SIGKILL');
    liveGroups.delete(child.pid);
  };
  onTeardown(stop);

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; log ${logPath}:\n${tail(logPath)}`);
    if ((await httpStatus(`${origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer within ${timeoutMs} ms; log ${logPath}:\n${tail(logPath)}`);
    await delay(200);
  }
  log(`code-server up at ${origin} (pid ${child.pid})`);
  return { origin, port, pid: child.pid, logPath, exited: () => exited, exitPromise, stop };
}

// ---------------------------------------------------------------- browser

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-crash-reporter',
];

export async function launchBrowser(paths) {
  const module = await import(pathToFileURL(paths.playwrightCore).href);
  const chromium = module.chromium ?? module.default.chromium;
  // Chromium's own config (crash reports) goes to a scratch folder, not ~/.config.
  const home = scratchDir('cpi-e2e-chromium-');
  const browser = await chromium.launch({
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    env: isolatedEnv(process.env, { extra: { XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), TMPDIR: home } }),
    // Our signal handlers tear down in order; Playwright's would exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onTeardown(() => browser.close());
  return browser;
}

/** The workbench URL for a folder, an extension under development and optionally a test module. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.origin}/?${query}`;
}

/**
 * Opens a workbench window in a fresh browser context; page console lines
 * are collected in `consoleLines` (the extension host forwards its output there).
 */
export async function openWorkbench(browser, server, options) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  onTeardown(() => context.close().catch(() => {})); // already gone when the browser closed first
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  await page.goto(workbenchUrl(server, options), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return { page, context, consoleLines };
}
