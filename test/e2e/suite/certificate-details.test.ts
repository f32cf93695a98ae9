// The certificate details view: a DER certificate, binary, opens in our
// read-only custom editor (not VS Code's "binary file" notice), with its
// subject, fingerprint and findings as the language server computes them.
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { exampleUri, hasExamples } from './examples';
import { waitFor } from './wait';

const VIEW = 'cpiSecurity.certificateDetails';
const OPTION_VIEW = 'cpiSecurity.certificateDetails.text';
/** A DER certificate of the demo workspace, in a .crt file (text editors are chosen by name). */
const DER_CRT = 'certificates/outbound/test-backend-selfsigned.crt';
const SUBJECT_CN = 'test-backend.kestrel.example';

function activeCustomTab(): vscode.TabInputCustom | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input : undefined;
}

async function detailsHtml(uri: vscode.Uri): Promise<string> {
  const api = await extensionApi();
  let html = '';
  return waitFor(
    () => {
      html = api.certificateDetailsHtml(uri.toString()) ?? '';
      return html.includes('SHA-256') ? html : undefined;
    },
    `the details view of ${uri.fsPath} to show the certificate`,
    { timeoutMs: 20_000, describe: () => html || '(nothing shown)' },
  );
}

describe('Certificate details view', function () {
  let der: Buffer;
  let derUri: vscode.Uri;

  before(async function () {
    if (!hasExamples()) this.skip();
    der = Buffer.from(await vscode.workspace.fs.readFile(exampleUri(DER_CRT)));
    derUri = exampleUri('certificates/outbound/test-backend-copy.der');
    await vscode.workspace.fs.writeFile(derUri, der);
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  after(async () => {
    if (derUri) await vscode.workspace.fs.delete(derUri).then(undefined, () => undefined);
  });

  it('opens a .der file in the read-only details view with subject, fingerprint and findings', async () => {
    await vscode.commands.executeCommand('vscode.open', derUri);
    const tab = await waitFor(() => activeCustomTab(), 'a custom editor tab', {
      describe: () => `active tab: ${vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '(none)'}`,
    });
    assert.equal(tab.viewType, VIEW);
    assert.equal(tab.uri.toString(), derUri.toString());
    const html = await detailsHtml(derUri);
    assert.ok(html.includes(`CN=${SUBJECT_CN}`), html);
    assert.ok(html.includes(new X509Certificate(der).fingerprint256), 'the SHA-256 fingerprint of the file');
    assert.ok(html.includes('outbound-cert-self-signed'), 'the finding of the certificate rules');
    assert.ok(!/<script\b/i.test(html), 'no script in the page');
  });

  it('replaces the binary notice of a DER certificate in a .crt file with the details view', async () => {
    const crtUri = exampleUri(DER_CRT);
    await vscode.commands.executeCommand('vscode.open', crtUri);
    const tab = await waitFor(() => activeCustomTab(), 'the details view in place of the text editor', {
      describe: () => `tabs: ${vscode.window.tabGroups.activeTabGroup.tabs.map((t) => t.label).join(', ')}`,
    });
    assert.equal(tab.viewType, OPTION_VIEW);
    assert.equal(tab.uri.toString(), crtUri.toString());
    await waitFor(
      () => !vscode.window.tabGroups.activeTabGroup.tabs.some((t) => t.input instanceof vscode.TabInputText),
      'the text editor tab to be closed',
    );
    assert.ok((await detailsHtml(crtUri)).includes(`CN=${SUBJECT_CN}`));
  });

  it('Show Certificate Details opens a PEM file in the details view', async () => {
    const pemUri = exampleUri('certificates/inbound/pos-terminal-selfsigned.pem');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pemUri));
    await vscode.commands.executeCommand('cpiSecurity.showCertificateDetails');
    const tab = await waitFor(() => activeCustomTab(), 'the details view of the PEM file');
    assert.equal(tab.viewType, OPTION_VIEW);
    const html = await detailsHtml(pemUri);
    assert.ok(html.includes('CN=pos-terminal-17.kestrel.example'), html);
    assert.ok(html.includes('inbound-cert-self-signed'), html);
  });
});
