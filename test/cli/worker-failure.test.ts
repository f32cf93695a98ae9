import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, removeFolder, runCli, tempFolder, writeOrderArtifact } from './support';

// A scan worker that fails (out of memory, a defect) must end the run with
// an internal error and exit 2: never a hang, never a report that silently
// misses its share of the files.

const PRELOAD = join(__dirname, 'failing-worker.cjs');

describe('cli scan worker failure', function () {
  this.timeout(60_000);
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    for (let i = 0; i < 6; i++) writeOrderArtifact(root, `Order Replication ${i}`);
  });
  afterEach(() => removeFolder(root));

  const scanWithFailingWorker = (failure: string, args: readonly string[]) =>
    spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CPI_TEST_WORKER_FAILURE: failure, CPI_TEST_WORKER_MARKER: join(root, 'worker-took-work') },
      timeout: 30_000,
    });

  for (const [failure, message] of [
    ['starting', /internal error: .*injected failure while the worker starts/],
    ['receiving', /internal error: .*scan worker stopped \(exit code 7\) before it finished/],
    ['scanning', /internal error: .*scan worker stopped \(exit code 9\) before it finished/],
  ] as const) {
    it(`ends with an internal error when a worker fails while ${failure === 'receiving' ? 'receiving its work' : failure}`, () => {
      const run = scanWithFailingWorker(failure, ['--jobs', '2', '--format', 'json', '--output', 'report.json']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(existsSync(join(root, 'report.json')), false, 'no report is written');
    });
  }

  it('is not disturbed by a worker it does not use (one thread, or a scan too small to share)', () => {
    const expected = runCli(['--format', 'json'], root);
    for (const args of [['--jobs', '1'], []]) {
      const run = scanWithFailingWorker('starting', ['--format', 'json', ...args]);
      assert.equal(run.status, expected.code, run.stderr);
      assert.equal(run.stdout, expected.stdout);
    }
  });
});
