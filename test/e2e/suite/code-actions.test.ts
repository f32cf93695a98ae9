// Code actions through VS Code's API: the quick fix changes the document and
// the finding goes; suppress and explain are offered as commands; the
// fix-all source action is there when asked for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsAt, titles } from './actions';
import { describeDiagnostics, findings } from './diagnostics';
import { at, openShown, revert, revertAll } from './documents';
import { exampleUri, hasExamples, iflowPath } from './examples';
import { waitFor } from './wait';

const LOYALTY_ADDRESS = 'http://{{Loyalty Host}}/api/v1/points/earn';

describe('Code actions', function () {
  let document: vscode.TextDocument;
  const cleartext = () =>
    waitFor(() => findings(document.uri, 'cleartext-http-endpoint')[0], 'cleartext-http-endpoint on the Loyalty Points address', {
      describe: () => describeDiagnostics(document.uri),
    });

  before(async function () {
    if (!hasExamples()) this.skip();
    document = await openShown(exampleUri(iflowPath('webshop')));
  });
  afterEach(() => revert(document));
  after(revertAll);

  it('offers suppress and explain with their commands for each finding', async () => {
    const finding = await cleartext();
    assert.ok(finding.range.start.isEqual(at(608, 28)));
    const actions = await actionsAt(document.uri, finding.range);
    const suppress = actions.find((action) => action.title === 'Suppress cleartext-http-endpoint for this file in .cpisecurity.json…');
    // finer ones too: for the receiver alone
    assert.ok(
      actions.some((action) => action.title === 'Suppress cleartext-http-endpoint for channel "Loyalty Points" in .cpisecurity.json…'),
      titles(actions),
    );
    assert.ok(suppress, `no suppress action among:\n${titles(actions)}`);
    assert.equal(suppress.command?.command, 'cpiSecurity.suppressFinding');
    const args = suppress.command?.arguments?.[0] as { ruleId: string; uri: string; configUri: string; fileGlob: string };
    assert.equal(args.ruleId, 'cleartext-http-endpoint');
    assert.equal(vscode.Uri.parse(args.configUri).fsPath, exampleUri('.cpisecurity.json').fsPath);
    assert.equal(args.fileGlob, iflowPath('webshop'));
    const explain = actions.find((action) => action.title === 'Explain rule cleartext-http-endpoint');
    assert.ok(explain, `no explain action among:\n${titles(actions)}`);
    assert.equal(explain.command?.command, 'cpiSecurity.explainRule');
    assert.deepEqual(explain.command?.arguments, ['cleartext-http-endpoint']);
    // the port finding at the same place has its own menu
    assert.ok(
      actions.some((action) => action.title.startsWith('Suppress outbound-port-not-open')),
      titles(actions),
    );
  });

  it("applies 'Use https://' and the finding goes away", async () => {
    const finding = await cleartext();
    const actions = await actionsAt(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Use https://');
    assert.ok(fix?.edit, `no 'Use https://' quick fix with an edit among:\n${titles(actions)}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was not applied');
    assert.equal(document.lineAt(607).text.trim(), `<value>${LOYALTY_ADDRESS.replace('http:', 'https:')}</value>`);
    await waitFor(
      () => findings(document.uri, 'cleartext-http-endpoint').length === 0 && findings(document.uri, 'outbound-port-not-open').length === 0,
      'the cleartext and port findings to go away',
      { describe: () => describeDiagnostics(document.uri) },
    );
    assert.equal(findings(document.uri, 'receiver-auth-none').length, 1, 'unrelated findings stay');
  });

  it('offers source.fixAll.cpiSecurity, which fixes the address too', async () => {
    const finding = await cleartext();
    const actions = await actionsAt(document.uri, finding.range, 'source.fixAll.cpiSecurity');
    const fixAll = actions.find((action) => action.kind?.value === 'source.fixAll.cpiSecurity');
    assert.ok(fixAll?.edit, `no fix-all action among:\n${titles(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.ok(document.getText().includes(LOYALTY_ADDRESS.replace('http:', 'https:')), 'fix-all switched the address to https');
    await waitFor(() => findings(document.uri, 'cleartext-http-endpoint').length === 0, 'cleartext-http-endpoint to go away', {
      describe: () => describeDiagnostics(document.uri),
    });
  });

  it('offers no fix-all when only quick fixes are asked for', async () => {
    const finding = await cleartext();
    const actions = await actionsAt(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!actions.some((action) => action.kind?.value.startsWith('source')), titles(actions));
  });

  it('Fix All from the command palette applies the safe fixes of the file in the editor', async () => {
    await cleartext();
    await vscode.window.showTextDocument(document, { preview: false });
    const applied = await vscode.commands.executeCommand<boolean>('cpiSecurity.fixAll');
    assert.equal(applied, true);
    assert.ok(document.getText().includes(LOYALTY_ADDRESS.replace('http:', 'https:')), 'Fix All switched the address to https');
    await waitFor(() => findings(document.uri, 'cleartext-http-endpoint').length === 0, 'the cleartext finding to go away', {
      describe: () => describeDiagnostics(document.uri),
    });
  });
});
