// `npm start`: the demo. Installs what is missing (npm packages, then the
// offline VS Code host into the same cache the end-to-end tests use, without
// Chromium: the person opens the URL in their own browser), builds the
// extension, and serves VS Code with the extension loaded on a fresh copy of
// examples/, so that trying a quick fix never changes the clone's files.
// Prints the URL to open; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
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
const { startCodeServer, workbenchUrl, scratchDir, serverEnd, interruption } = await import('../test/e2e/host.mjs');

const requested = process.env.PORT ? Number(process.env.PORT) : undefined;
if (requested !== undefined && !(Number.isInteger(requested) && requested > 0 && requested < 65536)) {
  console.error(`start: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}

/**
 * CPI_DEMO_TENANT=1: a local fake tenant (examples/ as deployed content, with
 * security material) for the Tenants view. Its test CA is trusted through
 * NODE_EXTRA_CA_CERTS, and the extension adds it from the key file it is told.
 */
async function startDemoTenant() {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'test/support/fake-tenant/demo-server.ts', join(root, 'examples')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  process.on('exit', () => child.kill());
  const [line] = await Promise.race([
    (async () => {
      for await (const first of createInterface({ input: child.stdout })) return [first];
      return [undefined];
    })(),
    new Promise((resolve) => child.once('exit', () => resolve([undefined]))),
  ]);
  if (!line) throw new Error('the demo tenant did not start');
  const { serviceKeyFile, caFile, url } = JSON.parse(line);
  console.log(`[demo] fake tenant at ${url}; it appears in the Tenants view as "Demo tenant"`);
  return { NODE_EXTRA_CA_CERTS: caFile, CPI_SECURITY_DEMO_TENANT: serviceKeyFile };
}

try {
  const demoEnv = process.env.CPI_DEMO_TENANT === '1' ? await startDemoTenant() : {};
  const { paths } = ensureHost({ log: (message) => console.log(`[setup] ${message}`), browser: false });
  const workspace = scratchDir('cpi-demo-');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({ paths, env: demoEnv, port: requested, logDir: scratchDir('cpi-start-logs-'), timeoutMs: 90_000 });
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  console.log('\nCPI Security Lint is running in VS Code on a copy of examples/. Open in your browser:\n');
  console.log(url);
  console.log(`\nThe copy (${workspace}) is removed when you stop; examples/ stays as it is. Press Ctrl-C to stop.`);
  const crash = await serverEnd(server, () => console.log('stopped'));
  console.error(`start: VS Code server stopped unexpectedly (${crash.signal ?? `exit code ${crash.code}`})`);
  process.exit(1);
} catch (error) {
  // Ctrl-C during start-up: the server's end is the teardown's doing, which exits by itself
  if (interruption() !== undefined) await new Promise(() => {});
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
