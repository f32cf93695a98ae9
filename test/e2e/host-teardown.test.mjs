// Stopping `npm start`: "stopped" is printed once, the teardown runs and the
// process ends with 130, however the stop comes: Ctrl-C (twice, or npm
// passing it on), or a stop that reaches the server too (a process manager
// or tree-kill signals every process), in either order of the server's exit
// and our own signal. A server that crashes is reported as such. Part of the
// unit suite.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'host.mjs')).href;

/** A stand-in for code-server: its own process group, exits with 0 on SIGINT and SIGTERM as code-server does. */
const FAKE_SERVER = `for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(0)); setInterval(() => {}, 1000);`;

/** start.mjs's ending, with the stand-in in place of code-server; `trigger` runs once it is up. */
function program(trigger = '') {
  return `
import { spawn } from 'node:child_process';
const { onTeardown, serverEnd, teardownAll } = await import(${JSON.stringify(HOST)});
onTeardown(() => console.log('cleaned up'));
const child = spawn(process.execPath, ['-e', ${JSON.stringify(FAKE_SERVER)}], { detached: true, stdio: 'ignore' });
let exited = false;
const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
onTeardown(async () => {
  if (!exited) process.kill(-child.pid, 'SIGTERM');
  await exitPromise;
});
setTimeout(() => console.log('ready ' + child.pid), 200);
${trigger}
const crash = await serverEnd({ exitPromise }, () => console.log('stopped'));
console.error('start: VS Code server stopped unexpectedly (' + (crash.signal ?? 'exit code ' + crash.code) + ')');
process.exit(1);
`;
}

/** Runs the program until 'ready <server pid>', calls `act(parentPid, serverPid)`, and waits for the end. */
async function run(source, act) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  let ended = false;
  const exited = new Promise((resolve) =>
    child.once('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  const serverPid = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /ready (\d+)/.exec(out);
      if (ready) resolve(Number(ready[1]));
    });
    exited.then(() => reject(new Error(`ended before it was ready:\n${out}\n${err}`)));
  });
  await act({ parent: child.pid, server: serverPid, ended: () => ended, exited });
  const code = await exited;
  return { code, out, err };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stoppedLines = (out) => out.split('\n').filter((line) => line === 'stopped').length;

/** The outcome of every stop: "stopped" once, the teardown ran, no crash message, 130. */
function assertStopped({ code, out, err }) {
  assert.equal(code, 130, `exit code; stderr:\n${err}`);
  assert.equal(stoppedLines(out), 1, out);
  assert.ok(out.includes('cleaned up'), `the teardown ran:\n${out}`);
  assert.ok(!err.includes('unexpectedly'), err);
  assert.equal(err.split('tearing down').length - 1, 1, err);
}

describe('e2e host: stopping npm start', function () {
  this.timeout(30_000);

  it('prints "stopped" once and no crash message for two SIGINTs', async () => {
    assertStopped(
      await run(program(), ({ parent }) => {
        process.kill(parent, 'SIGINT');
        process.kill(parent, 'SIGINT');
      }),
    );
  });

  it('does not call a server stopped by the teardown a crash', async () => {
    const { out, err } = await run(program('setTimeout(() => teardownAll().then(() => process.exit(0)), 400);'), () => {});
    assert.equal(stoppedLines(out), 1, out);
    assert.ok(!err.includes('unexpectedly'), err);
  });

  it('takes a server that exits on a stop signal before ours arrives for a stop, not a crash', async () => {
    // The stop reaches the server first and its exit is handled before our
    // signal (sent only later, if we are still running): the race that
    // printed "stopped unexpectedly" after a whole process tree was stopped.
    const result = await run(program(), async ({ parent, server, ended }) => {
      process.kill(server, 'SIGTERM');
      await delay(1000);
      if (!ended()) process.kill(parent, 'SIGTERM');
    });
    assertStopped(result);
    assert.match(result.err, /the server stopped \(exit code 0\): tearing down/);
  });

  it('gives the same end when the stop reaches both at once, in whichever order they are handled', async () => {
    for (let round = 0; round < 4; round++) {
      const signal = round % 2 === 0 ? 'SIGTERM' : 'SIGINT';
      assertStopped(
        await run(program(), ({ parent, server }) => {
          process.kill(server, signal);
          process.kill(parent, signal);
        }),
      );
    }
  });

  it('reports a crashed server with how it ended, and prints no "stopped"', async () => {
    const { code, out, err } = await run(program(), ({ server }) => process.kill(server, 'SIGKILL'));
    assert.equal(code, 1, err);
    assert.equal(stoppedLines(out), 0, out);
    assert.match(err, /start: VS Code server stopped unexpectedly \(SIGKILL\)/);
  });
});
