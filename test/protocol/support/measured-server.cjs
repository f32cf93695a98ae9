'use strict';
// Test-only entry: the bundled language server, plus a way for the soak test
// to read the server's heap after a full garbage collection, so production
// code carries no test hooks. Run it with `node --expose-gc` and an IPC
// channel (LspSession's `ipc` option; an IPC channel works on every platform,
// unlike signals). It answers the message "heap" with { heapUsed } in bytes.
// CPI_SOAK_SERVER names another bundle to run (e.g. a copy with a leak put in
// on purpose, to check that the soak's memory assertion catches it);
// CPI_SOAK_SNAPSHOTS names a folder to write a heap snapshot to at every
// measurement (compare them in Chrome's DevTools to see what grew).
const { join } = require('node:path');
const { writeHeapSnapshot } = require('node:v8');

process.on('message', (message) => {
  if (message !== 'heap') return;
  // twice: objects kept only by finalizers or weak references go in the second pass
  global.gc();
  global.gc();
  const heapUsed = process.memoryUsage().heapUsed;
  if (process.env.CPI_SOAK_SNAPSHOTS)
    writeHeapSnapshot(join(process.env.CPI_SOAK_SNAPSHOTS, `server-${process.pid}-${Date.now()}.heapsnapshot`));
  process.send({ heapUsed });
});

require(process.env.CPI_SOAK_SERVER || join(__dirname, '..', '..', '..', 'server', 'out', 'server.js'));
