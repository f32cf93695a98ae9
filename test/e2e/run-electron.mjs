#!/usr/bin/env node
// Runs the same e2e suite (test/e2e/suite) in desktop VS Code through
// @vscode/test-electron, for machines that have VS Code or can download it.
//   VSCODE_EXECUTABLE_PATH=<code binary>   use an installed VS Code (no download)
//   CPI_E2E_VSCODE_VERSION=<x.y.z|stable>  version to download otherwise (default stable)
//   CPI_E2E_SKIP=1                          skip (exit 0)
// On Linux without a display, run it under xvfb-run.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileSuite,
  extensionUnderTest,
  HarnessError,
  mochaPath,
  outputDir,
  prepareWorkspace,
  repoRoot,
  runEntryPoint,
} from './context.mjs';
import { scratchDir } from './host.mjs';
import { closingLine, printResults, readResults } from './report.mjs';

const log = (message) => console.log(`[e2e electron] ${message}`);

async function resolveVsCode(testElectron) {
  const installed = process.env.VSCODE_EXECUTABLE_PATH;
  if (installed) {
    if (!existsSync(installed)) throw new HarnessError(`VSCODE_EXECUTABLE_PATH=${installed} does not exist`);
    return installed;
  }
  const version = process.env.CPI_E2E_VSCODE_VERSION ?? 'stable';
  log(`downloading VS Code ${version} (set VSCODE_EXECUTABLE_PATH to use an installed one)`);
  try {
    return await testElectron.downloadAndUnzipVSCode({
      version,
      cachePath: join(repoRoot, '.cache', 'vscode-test'),
      timeout: 15_000,
    });
  } catch (error) {
    throw new HarnessError(
      `cannot download VS Code ${version} (${error?.message ?? error}). ` +
        'Set VSCODE_EXECUTABLE_PATH to an installed VS Code, or use `node test/e2e/run-tests.mjs` (code-server, works offline).',
    );
  }
}

async function main() {
  const testElectron = await import('@vscode/test-electron');
  const extensionPath = extensionUnderTest();
  const testsEntry = await compileSuite();
  const workspace = prepareWorkspace();
  const vscodeExecutablePath = await resolveVsCode(testElectron);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY; Electron will not start without one (use xvfb-run)');
  }
  const resultsPath = join(scratchDir('cpi-e2e-results-'), 'results.json');
  let exitCode;
  try {
    exitCode = await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsEntry,
      extensionTestsEnv: { CPI_E2E_RESULTS: resultsPath, CPI_E2E_MOCHA: mochaPath(), CPI_E2E_GREP: process.env.CPI_E2E_GREP },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero, which it does when a test failed: the results file tells.
    exitCode = error?.code ?? 1;
  }
  const results = readResults(resultsPath);
  if (!results) throw new HarnessError(`VS Code exited (code ${exitCode}) without writing ${resultsPath}`);
  mkdirSync(outputDir, { recursive: true });
  copyFileSync(resultsPath, join(outputDir, 'results-electron.json'));
  const counts = printResults(results, { heading: `VS Code desktop (node ${results.host?.node ?? '?'})` });
  console.log(`\n${closingLine(counts)}`);
  return counts.failed > 0 ? 1 : 0;
}

await runEntryPoint('e2e electron', 'the e2e suite', main);
