// `npm start`: the demo. Installs what is missing (npm packages, then the
// offline VS Code host into the same cache the end-to-end tests use), builds
// the extension, and serves VS Code with the extension loaded on examples/.
// Prints the URL to open; Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
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
const { startCodeServer, workbenchUrl, scratchDir, onTeardown } = await import('../test/e2e/host.mjs');

const requested = process.env.PORT ? Number(process.env.PORT) : undefined;
if (requested !== undefined && !(Number.isInteger(requested) && requested > 0 && requested < 65536)) {
  console.error(`start: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const { paths } = ensureHost({ log: (message) => console.log(`[setup] ${message}`) });
  const server = await startCodeServer({ paths, port: requested, logDir: scratchDir('cpi-start-logs-'), timeoutMs: 90_000 });
  const url = workbenchUrl(server, { folder: join(root, 'examples'), extensionDevelopmentPath: root });
  console.log('\nCPI Security Lint is running in VS Code on examples/. Open:\n');
  console.log(url);
  console.log('\nPress Ctrl-C to stop.');
  onTeardown(() => console.log('stopped'));
  await server.exitPromise;
  console.error('start: VS Code server stopped unexpectedly');
  process.exit(1);
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
