// Preloaded (--require) into the command line, and so into its scan workers,
// which inherit the main thread's options: makes each worker fail the way
// CPI_TEST_WORKER_FAILURE says, to test how a run ends when one does.
const fs = require('node:fs');
const { isMainThread, parentPort } = require('node:worker_threads');

const failure = process.env.CPI_TEST_WORKER_FAILURE;
/** A file the worker creates once it has taken work (mode "scanning"). */
const marker = process.env.CPI_TEST_WORKER_MARKER;
const openSync = fs.openSync;
const isArtifactFile = (path) => /\.iflw$|parameters\.prop$/.test(String(path));
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (!isMainThread) {
  if (failure === 'starting') throw new Error('injected failure while the worker starts');
  // Listening first, this runs before the worker's own handler of the units.
  if (failure === 'receiving') parentPort.once('message', () => process.exit(7));
  if (failure === 'scanning') {
    // stops dead at its first file, as a worker out of memory does
    fs.openSync = (path, ...rest) => {
      if (!isArtifactFile(path)) return openSync(path, ...rest);
      fs.closeSync(openSync(marker, 'w'));
      process.exit(9);
    };
  }
} else if (failure === 'scanning') {
  // The main thread scans too; it waits at its first file until the worker has taken one, so that it does.
  let waited = false;
  fs.openSync = (path, ...rest) => {
    if (!waited && isArtifactFile(path)) {
      waited = true;
      for (let ms = 0; ms < 20_000 && !fs.existsSync(marker); ms += 10) sleep(10);
    }
    return openSync(path, ...rest);
  };
}
