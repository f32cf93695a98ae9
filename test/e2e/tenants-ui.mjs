#!/usr/bin/env node
// The Tenants view in the real VS Code (code-server) against the demo fake
// tenant (test/support/fake-tenant/demo.ts), driven like a person would:
// the tenant added from CPI_SECURITY_DEMO_TENANT, Add Tenant with the key pasted
// into its form, a webview (a missing field named, a wrong secret refused with the next
// step and not shown, the right key saved and the form closed), a scan from the command
// palette, the counts in the tree and the status bar, a tenant iFlow opened
// read-only with its findings and a hover, the artifact downloaded into the workspace
// (opened editable and analysed locally), the security material listed, a keystore
// entry's hover, the scan back after Restart Language Server, and the Findings view
// with the tenant's iFlow beside its download. Screenshots go
// to test-output/e2e/tenants-NN-<step>.png. Run after `npm run build`:
//   node test/e2e/tenants-ui.mjs
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { outputDir, repoRoot } from './context.mjs';
import { launchBrowser, openWorkbench, scratchDir, startCodeServer, teardownAll } from './host.mjs';
import { ensureHost } from './setup.mjs';

const WAIT_MS = 60_000;
/** In the workspace and on the demo tenant, with findings in both. */
const LOCAL_IFLOW = 'Legacy Invoice Dispatch.iflw';
const log = (message) => console.log(`[tenants-ui] ${message}`);

async function startDemoTenant() {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'test/support/fake-tenant/demo-server.ts', join(repoRoot, 'examples')], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout })) return { child, ...JSON.parse(line) };
  throw new Error('the demo tenant did not start');
}

/** The workbench page, for the failure screenshot. */
let page;

/** Runs a CPI Security command from the palette. */
async function command(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill(`>CPI Security: ${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
}

const row = (page, text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();

/** The text of a notification (the harness's workbench does not pop toasts: it is read in the notification center). */
async function notification(page, text) {
  const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  for (let tries = 0; tries < 30 && !(await item.isVisible()); tries++) {
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
  }
  return (await item.textContent()) ?? '';
}

async function hideNotifications(page) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill('>Notifications: Clear All Notifications');
  await page.keyboard.press('Enter');
}

/** The Add Tenant form: a webview, whose page sits in an iframe inside the webview's iframe. */
const keyForm = (page) => page.frameLocator('iframe.webview').first().frameLocator('#active-frame');

/** The form's problem line once it says something. */
async function formProblem(form) {
  const problem = form.locator('#problem');
  for (let tries = 0; tries < 120; tries++) {
    const text = ((await problem.textContent()) ?? '').trim();
    if (text !== '') return text;
    await page.waitForTimeout(500);
  }
  throw new Error('the form shows no problem');
}

async function main() {
  mkdirSync(outputDir, { recursive: true });
  for (const file of readdirSync(outputDir)) if (/^tenants-\d\d-/.test(file)) rmSync(join(outputDir, file));
  const demo = await startDemoTenant();
  let step = 0;
  try {
    const { paths } = ensureHost({ log });
    const workspace = scratchDir('cpi-tenants-ui-');
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    rmSync(join(workspace, 'Kestrel_Bank_Statement_Import'), { recursive: true }); // it comes from the tenant below
    const server = await startCodeServer({
      paths,
      env: { NODE_EXTRA_CA_CERTS: demo.caFile, CPI_SECURITY_DEMO_TENANT: demo.serviceKeyFile },
      logDir: outputDir,
      log,
      settings: { 'cpiSecurity.scanOnStartup': false },
      timeoutMs: 90_000,
    });
    const browser = await launchBrowser(paths);
    page = (
      await openWorkbench(browser, server, {
        folder: workspace,
        extensionDevelopmentPath: repoRoot,
        viewport: { width: 1400, height: 1000 },
      })
    ).page;
    const shot = (name) => page.screenshot({ path: join(outputDir, `tenants-${String(++step).padStart(2, '0')}-${name}.png`) });

    await page.locator('.activitybar [aria-label*="CPI Security"]').first().click();
    // only the Tenants pane open, so the tree has room
    for (const title of ['Security FAQ', 'Rules', 'Findings']) {
      const header = page.locator('.pane-header', { hasText: title }).first();
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    await row(page, 'Demo tenant').waitFor({ timeout: WAIT_MS });
    await row(page, 'Demo tenant').click();
    await row(page, 'Kestrel Finance').waitFor({ timeout: WAIT_MS });
    await shot('connected');

    // adding a tenant from a key pasted into the Add Tenant form (a webview, never a file): a missing field
    // named, a wrong secret refused with the next step (and not shown), then the right key saved and the form closed
    const key = JSON.parse(readFileSync(demo.serviceKeyFile, 'utf8'));
    const host = new URL(key.oauth.url).host;
    await command(page, 'Add Tenant');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Paste service key' }).first().click();
    const formTab = page.locator('.tabs-container .tab', { hasText: 'Add Tenant: Service Key' });
    await formTab.first().waitFor({ timeout: WAIT_MS });
    const form = keyForm(page);
    const keyText = form.locator('textarea#key');
    await keyText.waitFor({ timeout: WAIT_MS });
    const { tokenurl: _tokenurl, ...withoutTokenUrl } = key.oauth;
    await keyText.fill(JSON.stringify({ oauth: withoutTokenUrl }, null, 2));
    await form.locator('button#save').click();
    const lacks = await formProblem(form);
    if (!/Not saved as a tenant: .*lacks oauth\.tokenurl/.test(lacks)) throw new Error(`missing field: "${lacks}"`);
    await shot('key-form');
    await keyText.fill(JSON.stringify({ oauth: { ...key.oauth, clientsecret: 'Wr0ng-S3cret-e2e' } }, null, 2));
    await form.locator('button#save').click();
    await page.locator('.quick-input-widget', { hasText: 'A name for' }).waitFor({ timeout: WAIT_MS }); // the name, prefilled
    await page.keyboard.press('Enter');
    const message = await formProblem(form);
    if (!/Could not add the tenant: .*401.*Next: .*new service key/s.test(message)) throw new Error(`wrong secret: "${message}"`);
    if (/Wr0ng-S3cret-e2e/.test(message)) throw new Error('the message shows the secret');
    await shot('wrong-secret');
    if ((await formTab.count()) !== 1) throw new Error('the form closed although the key was refused');
    await keyText.fill(JSON.stringify(key, null, 2));
    await form.locator('button#save').click();
    await page.locator('.quick-input-widget', { hasText: 'A name for' }).waitFor({ timeout: WAIT_MS });
    await page.locator('.quick-input-widget input').fill('Demo tenant');
    await page.keyboard.press('Enter');
    await notification(page, 'Tenant Demo tenant added');
    await hideNotifications(page);
    for (let tries = 0; tries < 30 && (await formTab.count()) > 0; tries++) await page.waitForTimeout(500);
    if ((await formTab.count()) > 0) throw new Error('the form is still open');
    if ((await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count()) > 0) throw new Error('an unsaved editor is open');
    await row(page, 'Demo tenant').waitFor({ timeout: WAIT_MS });
    if (!(await row(page, 'Kestrel Finance').isVisible())) await row(page, 'Demo tenant').click();
    await row(page, 'Kestrel Finance').waitFor({ timeout: WAIT_MS });

    await command(page, 'Scan Tenant or Package');
    await page.locator('.statusbar-item', { hasText: 'CPI tenant Demo tenant' }).first().waitFor({ timeout: WAIT_MS });
    const finance = await row(page, 'Kestrel Finance').textContent();
    if (!/\d+ errors?/.test(finance ?? '')) throw new Error(`no counts on the package after the scan: "${finance}"`);
    await shot('scanned');

    await row(page, 'Kestrel Finance').click();
    await row(page, 'Bank Statement Import').click();
    await row(page, 'Bank Statement Import.iflw').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Bank Statement Import.iflw' }).waitFor({ timeout: WAIT_MS });
    // read-only, and the scan's findings are there: F8 goes to the first one
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('F8');
    await page.locator('.marker-widget', { hasText: 'cpi-security-lint' }).first().waitFor({ timeout: WAIT_MS });
    await shot('tenant-finding');
    await page.keyboard.press('Escape');
    // the hover at the finding: the finding's rule first, as on local files
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page
      .locator('.monaco-hover', { hasText: /Explain rule/ })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await shot('tenant-hover');
    await page.keyboard.press('Escape');
    await page.keyboard.type('x');
    await page
      .locator('.monaco-editor-overlaymessage', { hasText: /read-only/i })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await shot('tenant-iflow');

    // download the artifact into the workspace folder (the dialog opens there)
    await row(page, 'Bank Statement Import').hover();
    await row(page, 'Bank Statement Import').locator('.action-label[aria-label^="Download Artifact"]').click();
    await page.locator('.quick-input-widget', { hasText: 'Download' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    const downloaded = join(workspace, 'Kestrel_Bank_Statement_Import', 'src', 'main', 'resources', 'parameters.prop');
    for (let tries = 0; tries < 60 && !existsSync(downloaded); tries++) await page.waitForTimeout(500);
    if (!existsSync(downloaded)) throw new Error(`not downloaded: ${downloaded}`);
    // the downloaded iFlow opens beside the tenant's, editable, and is analysed as a local file
    const tabs = page.locator('.tabs-container .tab', { hasText: 'Bank Statement Import.iflw' });
    for (let tries = 0; tries < 60 && (await tabs.count()) < 2; tries++) await page.waitForTimeout(500);
    if ((await tabs.count()) < 2) throw new Error('the downloaded iFlow did not open');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('F8');
    await page.locator('.marker-widget', { hasText: 'cpi-security-lint' }).first().waitFor({ timeout: WAIT_MS });
    await shot('downloaded');
    await page.keyboard.press('Escape');

    await row(page, 'Kestrel Finance').click(); // collapse
    await row(page, 'Security material').click();
    await row(page, 'Keystore').click();
    await row(page, 'kestrel_nordbank_client').waitFor({ timeout: WAIT_MS });
    const entry = await row(page, 'kestrel_nordbank_client').textContent();
    if (!/expired .*used by Bank Statement Import/.test(entry ?? '')) throw new Error(`keystore entry row: "${entry}"`);
    await row(page, 'Missing').click();
    await row(page, 'ARCHIVE_UPLOAD_USER').waitFor({ timeout: WAIT_MS });
    await shot('security-material');

    // the keystore entry's document: a hover with its finding, then the iFlows using it
    await row(page, 'kestrel_nordbank_client').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'kestrel_nordbank_client' }).waitFor({ timeout: WAIT_MS });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const keystoreHover = page.locator('.monaco-hover', { hasText: /Used by/ }).first();
    await keystoreHover.waitFor({ timeout: WAIT_MS });
    const hoverText = (await keystoreHover.textContent()) ?? '';
    if (!/cert-expired.*Used by.*Bank Statement Import/s.test(hoverText)) throw new Error(`keystore hover: "${hoverText}"`);
    await shot('keystore-hover');
    await page.keyboard.press('Escape');

    // a local iFlow that the tenant runs too, open: its findings come from the live analysis
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(LOCAL_IFLOW);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: LOCAL_IFLOW }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: LOCAL_IFLOW }).waitFor({ timeout: WAIT_MS });

    // a restarted language server brings the tenant's last scan back without a scan
    await command(page, 'Restart Language Server');
    await command(page, 'Show Output');
    // the output's lines wrap, and spaces show as no-break spaces
    const escapedHost = host.replace(/[.]/g, '\\.');
    await page
      .locator('.part.panel .view-lines', {
        hasText: new RegExp(`${escapedHost}:\\s*the\\s*scan\\s*of[\\s\\S]*restored\\s*\\(\\d+\\s*findings`),
      })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await shot('restored-after-restart');
    await page.keyboard.press('Control+J'); // the panel away again

    // the Findings view lists the tenant's findings beside the local ones: the tenant's iFlow and the workspace's
    await row(page, 'Security material').click(); // collapse
    await page.locator('.pane-header', { hasText: 'Tenants' }).first().click();
    const findingsHeader = page.locator('.pane-header', { hasText: 'Findings' }).first();
    if ((await findingsHeader.getAttribute('aria-expanded')) === 'false') await findingsHeader.click();
    await command(page, 'Group Findings by File');
    const findingsPane = page.locator('.pane', { has: findingsHeader });
    const files = findingsPane.locator('.monaco-list-row[aria-level="1"]', { hasText: LOCAL_IFLOW });
    // The tree is virtualised: only collapsed groups keep every file's row drawn. The grouping redraws
    // the tree with expanded groups after the command returns, so collapse until no finding row is left.
    await files.first().waitFor({ timeout: WAIT_MS });
    const findingRows = findingsPane.locator('.monaco-list-row[aria-level="2"]');
    for (let attempt = 0; (await findingRows.count()) > 0; attempt++) {
      if (attempt === 10) throw new Error('the Findings view keeps its groups expanded after Collapse All');
      await findingsHeader.hover();
      await findingsHeader.locator('.action-label[aria-label^="Collapse All"]').click();
      await page.waitForTimeout(500);
    }
    const tenantFile = files.filter({ hasText: `${host}/` });
    const localFile = files.filter({ hasText: 'Kestrel_Legacy_Invoice_Dispatch/src/main/resources' }).filter({ hasNotText: host });
    await tenantFile.first().waitFor({ timeout: WAIT_MS });
    await localFile.first().waitFor({ timeout: WAIT_MS });
    await tenantFile.first().click(); // expand: the tenant's findings, as after the scan
    await findingsPane.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: WAIT_MS });
    await shot('findings-tenant-and-local');
    await command(page, 'Group Findings by Rule');
    log(`passed; screenshots in ${outputDir}`);
  } catch (error) {
    await page?.screenshot({ path: join(outputDir, 'tenants-99-failed.png') }).catch(() => {});
    throw error;
  } finally {
    demo.child.kill();
    await teardownAll();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[tenants-ui] failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
