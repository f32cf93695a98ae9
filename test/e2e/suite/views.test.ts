// The views of the CPI Security container, read through the exported API,
// and a severity change written to .cpisecurity.json by the command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { describeDiagnostics, EXTENSION_ID, findings } from './diagnostics';
import { at, openShown, revertAll } from './documents';
import { exampleUri, hasExamples, iflowPath } from './examples';
import { waitFor } from './wait';

const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'];

describe('Views of the CPI Security container', () => {
  it('contributes the Security FAQ, Rules, Findings and Tenants views', () => {
    const views = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.views?.cpiSecurity as
      { id: string; name: string }[] | undefined;
    assert.deepEqual(
      views?.map((view) => view.id),
      ['cpiSecurity.faq', 'cpiSecurity.rules', 'cpiSecurity.findings', 'cpiSecurity.tenants'],
    );
    // VS Code resolves %view.tenants% from package.nls.json when it reads the manifest
    const title = views?.find((view) => view.id === 'cpiSecurity.tenants')?.name;
    assert.ok(title === 'Tenants' || title === '%view.tenants%', `the Tenants view's title: ${title}`);
  });

  it('the FAQ tree lists the 16 questions of the SAP security FAQ, then our scripting guidance', async () => {
    const api = await extensionApi();
    const items = api.faqItems();
    const sap = items.filter((item) => item.category !== 'scripting');
    assert.equal(sap.length, 16, items.map((item) => item.label).join('\n'));
    assert.ok(items.length > 16 && items.slice(16).every((item) => item.category === 'scripting'), 'the Scripting section comes last');
    assert.equal(new Set(items.map((item) => item.id)).size, items.length, 'ids are unique');
    for (const item of items) assert.ok(item.label.endsWith('?') && item.category !== '', `question: ${JSON.stringify(item)}`);
  });

  it('the Rules tree lists every rule of the catalogue with its severity, allowed-headers-wildcard raised by .cpisecurity.json', async function () {
    if (!hasExamples()) this.skip();
    const api = await extensionApi();
    await openShown(exampleUri(iflowPath('webshop'))); // the rules shown are those in force for the active file
    const rules = await api.ruleItems();
    const catalogue = catalogueDefaults();
    assert.deepEqual(rules.map((rule) => rule.id).sort(), [...catalogue.keys()].sort());
    for (const rule of rules) assert.ok(SEVERITY_SETTINGS.includes(rule.severity), `${rule.id}: ${rule.severity}`);
    const changed = rules.filter((rule) => rule.severity !== catalogue.get(rule.id)).map((rule) => `${rule.id}: ${rule.severity}`);
    assert.deepEqual(changed, ['allowed-headers-wildcard: warning'], 'only the rule .cpisecurity.json raises differs from its default');
    assert.equal(rules.find((rule) => rule.id === 'cleartext-basic-auth')?.severity, 'error');
    assert.ok(
      rules.some((rule) => rule.id === 'script-xxe'),
      'the script rules are listed too',
    );
  });
});

/**
 * The catalogue's rule ids and default severities, as the generated schema of
 * .cpisecurity.json ships them (the suite is compiled on its own and cannot
 * import the catalogue module itself).
 */
function catalogueDefaults(): Map<string, string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'schemas', 'cpisecurity.schema.json'), 'utf8')) as {
    properties: { rules: { properties: Record<string, { description: string }> } };
  };
  const defaults = new Map<string, string>();
  for (const [id, { description }] of Object.entries(schema.properties.rules.properties)) {
    const severity = /\(default: (\w+)\)/.exec(description)?.[1];
    if (!severity) throw new Error(`no default severity in the schema's description of ${id}: ${description}`);
    defaults.set(id, severity);
  }
  assert.ok(defaults.size > 30, `only ${defaults.size} rules in the schema`);
  return defaults;
}

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
