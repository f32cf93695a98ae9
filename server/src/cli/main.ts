// Entry of the `cpi-security-lint` command (bundled to server/out/cli.js).
// The same bundle runs the scan's worker threads (parallel-scan.ts).
import { isScanWorker, runScanWorker } from './parallel-scan';
import { runCli } from './run';

const internalError = (error: unknown) => {
  process.stderr.write(`cpi-security-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
};

if (isScanWorker()) {
  runScanWorker();
} else {
  runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, now: new Date() }).then((code) => {
    process.exitCode = code;
  }, internalError);
}
