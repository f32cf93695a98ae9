// Entry of the `cpi-security-lint` command (bundled to server/out/cli.js).
import { runCli } from './run';

try {
  process.exitCode = runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, now: new Date() });
} catch (error) {
  process.stderr.write(`cpi-security-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
