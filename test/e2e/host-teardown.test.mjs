// Stopping `npm start`: "stopped" is printed once, however the teardown
// begins (Ctrl-C, twice, or npm passing the signal on) and the server exiting
// during the teardown is not reported as a crash. Part of the unit suite.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'host.mjs')).href;

/** start.mjs's ending, with a child process in place of code-server; `trigger` begins the teardown. */
function program(trigger) {
  return `
import { spawn } from 'node:child_process';
const { onTeardown, serverEnd, teardownAll } = await import(${JSON.stringify(HOST)});
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
const exitPromise = new Promise((resolve) => child.once('exit', resolve));
onTeardown(async () => { process.kill(-child.pid, 'SIGTERM'); await exitPromise; });
console.log('ready');
${trigger}
await serverEnd({ exitPromise }, () => console.log('stopped'));
console.error('start: VS Code server stopped unexpectedly');
process.exit(1);
`;
}

async function run(source, signals) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise((resolve) =>
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready')) resolve();
    }),
  );
  for (const signal of signals) child.kill(signal);
  const code = await exited;
  return { code, out, err };
}

describe('e2e host: stopping npm start', function () {
  this.timeout(20_000);

  it('prints "stopped" once and no crash message for two SIGINTs', async () => {
    const { code, out, err } = await run(program(''), ['SIGINT', 'SIGINT']);
    assert.equal(code, 130, err);
    assert.equal(out.split('\n').filter((line) => line === 'stopped').length, 1, out);
    assert.ok(!err.includes('unexpectedly'), err);
    assert.equal(err.split('tearing down').length - 1, 1, err);
  });

  it('does not call a server stopped by the teardown a crash', async () => {
    const { out, err } = await run(program('setTimeout(() => teardownAll().then(() => process.exit(0)), 200);'), []);
    assert.equal(out.split('\n').filter((line) => line === 'stopped').length, 1, out);
    assert.ok(!err.includes('unexpectedly'), err);
  });
});
