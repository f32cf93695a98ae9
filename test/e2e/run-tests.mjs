#!/usr/bin/env node
// Runs the e2e mocha suite (test/e2e/suite) inside the real VS Code extension
// host, offline: code-server + Chromium. Prints mocha-like output ending in
// `N passed, N failed`; exits 1 on failures, 2 when the harness cannot run.
//   CPI_E2E_SKIP=1         skip (exit 0)
//   CPI_E2E_TIMEOUT=<s>    how long to wait for the suite (default 180)
//   CPI_E2E_GREP=<text>    run only matching tests
//   CPI_E2E_METRICS=<file> where the activation-time test writes { activationMs } (npm run bench)
//   CPI_E2E_EXTENSION=dir  extension folder other than the repository
//   CPI_E2E_WORKSPACE=dir  workspace other than examples/
//   --ui                   afterwards run the UI checks against the same server
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSuite, extensionUnderTest, HarnessError, mochaPath, outputDir, prepareWorkspace, runEntryPoint } from './context.mjs';
import { launchBrowser, openWorkbench, scratchDir, startCodeServer } from './host.mjs';
import { closingLine, printResults, readResults } from './report.mjs';
import { ensureHost } from './setup.mjs';
import { runUiChecks } from './ui-checks.mjs';

const log = (message) => console.log(`[e2e] ${message}`);

async function waitForResults(resultsPath, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const results = readResults(resultsPath);
    if (results) return results;
    if (server.exited()) throw new HarnessError(`code-server exited before the suite finished; log ${server.logPath}`);
    if (Date.now() > deadline) throw new HarnessError(`no results in ${resultsPath} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const started = Date.now();
  const { paths, versions, reused } = ensureHost({ log });
  log(`host ${reused ? 'cached' : 'installed'}: code-server ${versions.codeServerLine}, node ${versions.node}`);
  const extensionPath = extensionUnderTest();
  const testsEntry = await compileSuite();
  const workspace = prepareWorkspace();
  // Per run (runs may overlap); copied to test-output/e2e/results.json afterwards.
  const resultsPath = join(scratchDir('cpi-e2e-results-'), 'results.json');

  const server = await startCodeServer({
    paths,
    logDir: outputDir,
    log,
    // the tests expect a closed file's findings to go (a scan at start would keep them from the disk); the Scan Workspace tests scan themselves
    settings: { 'cpiSecurity.scanOnStartup': false },
    env: {
      CPI_E2E_RESULTS: resultsPath,
      CPI_E2E_MOCHA: mochaPath(),
      ...(process.env.CPI_E2E_GREP ? { CPI_E2E_GREP: process.env.CPI_E2E_GREP } : {}),
      ...(process.env.CPI_E2E_METRICS ? { CPI_E2E_METRICS: process.env.CPI_E2E_METRICS } : {}),
    },
  });
  const browser = await launchBrowser(paths);
  const window = await openWorkbench(browser, server, {
    folder: workspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsEntry,
  });
  log(`workbench open on ${workspace}; running the suite in the extension host`);
  const timeoutMs = Number(process.env.CPI_E2E_TIMEOUT ?? 180) * 1000;
  let results;
  try {
    results = await waitForResults(resultsPath, server, timeoutMs);
  } finally {
    writeFileSync(join(outputDir, 'suite-console.log'), window.consoleLines.join('\n') + '\n');
  }
  await window.context.close();
  copyFileSync(resultsPath, join(outputDir, 'results.json'));
  const suiteCounts = printResults(results, { heading: `extension host (node ${results.host?.node ?? '?'})` });

  let uiCounts = { passed: 0, failed: 0, pending: 0 };
  if (process.argv.includes('--ui')) {
    uiCounts = await runUiChecks({ browser, server, workspace, extensionPath, log });
  }
  const total = {
    passed: suiteCounts.passed + uiCounts.passed,
    failed: suiteCounts.failed + uiCounts.failed,
    pending: suiteCounts.pending + uiCounts.pending,
  };
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${outputDir})`);
  console.log(`\n${closingLine(total)}`);
  return total.failed > 0 ? 1 : 0;
}

await runEntryPoint('e2e', 'the e2e suite', main);
