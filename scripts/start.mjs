// `npm start`: the demo. Installs what is missing (npm packages, then the
// offline VS Code host into the same cache the end-to-end tests use, without
// Chromium: the person opens the URL in their own browser), builds the
// extension, and serves VS Code with the extension loaded on a fresh copy of
// examples/, so that trying a quick fix never changes the clone's files.
// Prints the URL to open; Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: "${command} ${args.join(' ')}" failed`);
    process.exit(result.status ?? 1);
  }
};

const { ensureDependencies } = await import('./ensure-deps.mjs');
ensureDependencies();
run(process.execPath, ['scripts/build.mjs']);

const { ensureHost } = await import('../test/e2e/setup.mjs');
const { startCodeServer, workbenchUrl, scratchDir, serverEnd } = await import('../test/e2e/host.mjs');

const requested = process.env.PORT ? Number(process.env.PORT) : undefined;
if (requested !== undefined && !(Number.isInteger(requested) && requested > 0 && requested < 65536)) {
  console.error(`start: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const { paths } = ensureHost({ log: (message) => console.log(`[setup] ${message}`), browser: false });
  const workspace = scratchDir('cpi-demo-');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({ paths, port: requested, logDir: scratchDir('cpi-start-logs-'), timeoutMs: 90_000 });
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  console.log('\nCPI Security Lint is running in VS Code on a copy of examples/. Open in your browser:\n');
  console.log(url);
  console.log(`\nThe copy (${workspace}) is removed when you stop; examples/ stays as it is. Press Ctrl-C to stop.`);
  await serverEnd(server, () => console.log('stopped'));
  console.error('start: VS Code server stopped unexpectedly');
  process.exit(1);
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
