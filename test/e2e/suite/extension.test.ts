// The extension inside the real VS Code: activation, language ids, and the
// round trip finding -> edit -> finding gone. Uses only the vscode API so the
// same file runs under code-server and under @vscode/test-electron.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, EXTENSION_ID, findFile, findings } from './diagnostics';
import { waitFor } from './wait';

const CLEARTEXT_IFLOW = '**/e2e-fixtures/**/cleartext_receiver.iflw';
const ADDRESS = 'http://legacy.example.com/orders';

describe('CPI Security Lint in VS Code', () => {
  it('activates on a workspace with integration content', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await waitFor(() => extension.isActive, `activation of ${EXTENSION_ID}`);
  });

  it('opens .iflw files as cpi-iflow and parameters.prop as cpi-parameters', async () => {
    const iflow = await vscode.workspace.openTextDocument(await findFile(CLEARTEXT_IFLOW));
    assert.equal(iflow.languageId, 'cpi-iflow');
    const params = await vscode.workspace.openTextDocument(await findFile('**/e2e-fixtures/**/parameters.prop'));
    assert.equal(params.languageId, 'cpi-parameters');
  });

  describe('an HTTP receiver sending Basic credentials over http:// to the Internet', () => {
    let document: vscode.TextDocument;

    before(async () => {
      document = await vscode.workspace.openTextDocument(await findFile(CLEARTEXT_IFLOW));
      await vscode.window.showTextDocument(document);
    });

    after(async () => {
      // Leave no dirty editor behind for later tests.
      if (document?.isDirty) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    const cleartextFinding = () =>
      waitFor(() => findings(document.uri, 'cleartext-basic-auth')[0], 'a cleartext-basic-auth diagnostic', {
        describe: () => describeDiagnostics(document.uri),
      });

    it('reports cleartext-basic-auth on the address value', async () => {
      const finding = await cleartextFinding();
      assert.equal(document.getText(finding.range), ADDRESS);
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    });

    it('drops the finding once an edit switches the address to https://', async () => {
      await cleartextFinding(); // otherwise "gone" would pass without the finding ever being there
      const offset = document.getText().indexOf(ADDRESS);
      assert.ok(offset >= 0, 'fixture address not found');
      const start = document.positionAt(offset);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(start, start.translate(0, 'http'.length)), 'https');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
      assert.ok(document.getText().includes('https://legacy.example.com/orders'));
      await waitFor(() => findings(document.uri, 'cleartext-basic-auth').length === 0, 'the cleartext-basic-auth diagnostic to go away', {
        describe: () => describeDiagnostics(document.uri),
      });
    });
  });
});
