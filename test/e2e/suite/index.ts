// Entry point that VS Code loads as `extensionTestsPath`: runs every
// *.test.js next to this file with mocha and writes the results to the file
// named by CPI_E2E_RESULTS (the driver outside the extension host waits for
// it). Rejects on failures too, as @vscode/test-electron expects.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaClass = require('mocha');

interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

function writeResults(file: string | undefined, tests: TestResult[], extra: Record<string, unknown> = {}): void {
  if (!file) return;
  const tmp = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify({ done: true, host: { node: process.version }, tests, ...extra }, null, 2));
  fs.renameSync(tmp, file); // atomic: the driver never reads half a file
}

export async function run(): Promise<void> {
  const resultsFile = process.env.CPI_E2E_RESULTS;
  const tests: TestResult[] = [];
  try {
    // The extension host resolves modules from its own install: load the repository's mocha by absolute path.
    const Mocha = require(process.env.CPI_E2E_MOCHA ?? 'mocha') as typeof MochaClass;
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    if (process.env.CPI_E2E_GREP) mocha.grep(process.env.CPI_E2E_GREP);
    for (const name of fs
      .readdirSync(__dirname)
      .filter((n) => n.endsWith('.test.js'))
      .sort()) {
      mocha.addFile(path.join(__dirname, name));
    }
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ fullTitle: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: Error) =>
        tests.push({
          fullTitle: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration,
          error: { message: String(error?.message ?? error), stack: error?.stack },
        }),
      );
    });
  } catch (error) {
    const e = error as Error;
    tests.push({ fullTitle: 'e2e suite could not run', state: 'failed', error: { message: String(e?.message ?? e), stack: e?.stack } });
  }
  writeResults(resultsFile, tests);
  const failed = tests.filter((t) => t.state === 'failed').length;
  if (failed > 0) throw new Error(`${failed} e2e test(s) failed`);
}
