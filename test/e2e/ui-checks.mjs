#!/usr/bin/env node
// Drives the VS Code workbench page like a person would and takes a
// screenshot after every step (test-output/e2e/ui-NN-<step>.png). Runs in its
// own window *without* extensionTestsPath, so the extension host stays alive.
// Add a check by appending to `steps`: { name, run: async (ctx) => {...} }
// where ctx = { page, workspace, log, shot(label) }; throw to fail the step.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extensionUnderTest, HarnessError, outputDir, prepareWorkspace } from './context.mjs';
import { interruption, launchBrowser, openWorkbench, startCodeServer, teardownAll } from './host.mjs';
import { closingLine, printResults } from './report.mjs';
import { ensureHost, SetupError } from './setup.mjs';

const IFLOW_NAME = 'cleartext_receiver.iflw';
const WAIT_MS = 60_000;

export const steps = [
  {
    name: 'workbench shows the workspace',
    async run({ page }) {
      await page.locator('.part.statusbar').waitFor({ timeout: WAIT_MS });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
    },
  },
  {
    name: 'Ctrl+P opens the fixture iFlow',
    async run({ page }) {
      await page.locator('.part.editor').click(); // keyboard focus into the workbench
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: WAIT_MS });
      await input.fill(IFLOW_NAME);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: IFLOW_NAME }).first().waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: IFLOW_NAME }).waitFor({ timeout: WAIT_MS });
      await page.locator('.monaco-editor .view-lines', { hasText: 'bpmn2:definitions' }).first().waitFor({ timeout: WAIT_MS });
    },
  },
  {
    name: 'Problems panel lists cleartext-basic-auth',
    async run({ page, log }) {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'cleartext-basic-auth' }).first().waitFor({ timeout: WAIT_MS });
      for (const text of await rows.allTextContents()) log(`problems row: ${text}`);
    },
  },
];

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Runs every step in a fresh window; returns { passed, failed, pending }. Stops at the first failure (later steps build on earlier ones). */
export async function runUiChecks({ browser, server, workspace, extensionPath, log = () => {} }) {
  mkdirSync(outputDir, { recursive: true });
  const window = await openWorkbench(browser, server, { folder: workspace, extensionDevelopmentPath: extensionPath });
  const { page } = window;
  const tests = [];
  let failedBefore = false;
  for (const [index, step] of steps.entries()) {
    const fullTitle = `UI: ${step.name}`;
    if (failedBefore) {
      tests.push({ fullTitle, state: 'pending' });
      continue;
    }
    const shotPath = join(outputDir, `ui-${String(index + 1).padStart(2, '0')}-${slug(step.name)}.png`);
    const shot = (label) => page.screenshot({ path: shotPath.replace(/\.png$/, `-${slug(label)}.png`) });
    const started = Date.now();
    try {
      await step.run({ page, workspace, log, shot });
      tests.push({ fullTitle, state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      failedBefore = true;
      tests.push({ fullTitle, state: 'failed', error: { message: error.message, stack: error.stack } });
    }
    await page.screenshot({ path: shotPath }).catch(() => {});
  }
  await window.context.close();
  return printResults({ tests }, { heading: 'workbench UI' });
}

async function main() {
  const log = (message) => console.log(`[e2e ui] ${message}`);
  const { paths } = ensureHost({ log });
  const extensionPath = extensionUnderTest();
  const workspace = prepareWorkspace();
  const server = await startCodeServer({ paths, logDir: outputDir, log });
  const browser = await launchBrowser(paths);
  const counts = await runUiChecks({ browser, server, workspace, extensionPath, log });
  console.log(`\n${closingLine(counts)}`);
  return counts.failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let exitCode = 2;
  if (process.env.CPI_E2E_SKIP === '1') {
    console.log('[e2e ui] skipped: CPI_E2E_SKIP=1 (the UI checks did not run)');
    exitCode = 0;
  } else {
    try {
      exitCode = await main();
    } catch (error) {
      const known = error instanceof HarnessError || error instanceof SetupError;
      if (!interruption()) console.error(`[e2e ui] harness could not run: ${known ? error.message : error?.stack ?? error}`);
    } finally {
      await teardownAll();
    }
  }
  process.exit(exitCode);
}
