// The views of the CPI Security container, read through the exported API,
// and a severity change written to .cpisecurity.json by the command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { describeDiagnostics, EXTENSION_ID, findings } from './diagnostics';
import { at, openShown, revertAll } from './documents';
import { exampleUri, hasExamples, iflowPath } from './examples';
import { waitFor } from './wait';

const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'];

describe('Views of the CPI Security container', () => {
  it('contributes the Security FAQ, Rules and Findings views', () => {
    const views = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.views?.cpiSecurity as { id: string }[] | undefined;
    assert.deepEqual(views?.map((view) => view.id), ['cpiSecurity.faq', 'cpiSecurity.rules', 'cpiSecurity.findings']);
  });

  it('the FAQ tree lists the 16 questions of the SAP security FAQ', async () => {
    const api = await extensionApi();
    const items = api.faqItems();
    assert.equal(items.length, 16, items.map((item) => item.label).join('\n'));
    assert.equal(new Set(items.map((item) => item.id)).size, 16, 'ids are unique');
    for (const item of items) assert.ok(item.label.endsWith('?') && item.category !== '', `question: ${JSON.stringify(item)}`);
  });

  it('the Rules tree lists the 30 rules with severities, allowed-headers-wildcard raised by .cpisecurity.json', async function () {
    if (!hasExamples()) this.skip();
    const api = await extensionApi();
    await openShown(exampleUri(iflowPath('webshop'))); // the rules shown are those in force for the active file
    const rules = await api.ruleItems();
    assert.equal(rules.length, 30, rules.map((rule) => rule.id).join(', '));
    assert.equal(new Set(rules.map((rule) => rule.id)).size, 30, 'ids are unique');
    for (const rule of rules) assert.ok(SEVERITY_SETTINGS.includes(rule.severity), `${rule.id}: ${rule.severity}`);
    assert.equal(rules.find((rule) => rule.id === 'allowed-headers-wildcard')?.severity, 'warning');
    assert.equal(rules.find((rule) => rule.id === 'cleartext-basic-auth')?.severity, 'error');
  });
});

describe('Set Rule Severity', function () {
  const RULE = 'allowed-headers-wildcard';
  let config: vscode.Uri;
  let original: string;

  before(async function () {
    if (!hasExamples()) this.skip();
    config = exampleUri('.cpisecurity.json');
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
  });

  after(async function () {
    if (original === undefined) return;
    // Put the file back byte for byte, through the editor when it is open there.
    const document = await vscode.workspace.openTextDocument(config);
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(config, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    await revertAll();
  });

  it('writes the severity to .cpisecurity.json and the diagnostics follow; off removes them', async () => {
    const api = await extensionApi();
    const iflow = await openShown(exampleUri(iflowPath('webshop')));
    const wildcard = () => findings(iflow.uri, RULE).filter((d) => d.range.start.isEqual(at(668, 28)));
    const withSeverity = (severity: vscode.DiagnosticSeverity) => wildcard().length === 1 && wildcard()[0].severity === severity;
    const show = { describe: () => describeDiagnostics(iflow.uri) };
    await waitFor(() => withSeverity(vscode.DiagnosticSeverity.Warning), `${RULE} as a warning`, show);

    assert.equal(await vscode.commands.executeCommand('cpiSecurity.setRuleSeverity', RULE, 'error'), true);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    assert.match(written, /"allowed-headers-wildcard":\s*"error"/, written);
    await waitFor(() => withSeverity(vscode.DiagnosticSeverity.Error), `${RULE} as an error`, show);
    assert.equal((await api.ruleItems()).find((rule) => rule.id === RULE)?.severity, 'error');

    assert.equal(await vscode.commands.executeCommand('cpiSecurity.setRuleSeverity', { ruleId: RULE, severity: 'off' }), true);
    await waitFor(() => wildcard().length === 0, `${RULE} to go away when off`, show);
    assert.equal((await api.ruleItems()).find((rule) => rule.id === RULE)?.severity, 'off');
    assert.equal(findings(iflow.uri, 'cleartext-http-endpoint').length, 1, 'other rules are untouched');

    assert.equal(await vscode.commands.executeCommand('cpiSecurity.setRuleSeverity', RULE, 'warning'), true);
    await waitFor(() => withSeverity(vscode.DiagnosticSeverity.Warning), `${RULE} back as a warning`, show);
  });
});
