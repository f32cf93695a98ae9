// Fix on save (setting cpiSecurity.fixOnSave, off by default): saving an
// iFlow applies its safe fixes to the saved text, and with the setting off a
// save writes the text as typed. Runs on a copy of the e2e fixture artifact.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, findings } from './diagnostics';
import { replaceText } from './documents';
import { copyFixtureArtifact, FIXTURE_IFLOW } from './examples';
import { waitFor } from './wait';

const PLAIN = 'http://legacy.example.com/orders';
const SAFE = 'https://legacy.example.com/orders';
const RULE = 'cleartext-basic-auth';

async function setFixOnSave(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('cpiSecurity').update('fixOnSave', value, vscode.ConfigurationTarget.Workspace);
  await waitFor(() => vscode.workspace.getConfiguration('cpiSecurity').get('fixOnSave') === (value ?? false), `fixOnSave = ${value}`);
}

async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Fix on save', function () {
  let copy: vscode.Uri;
  let iflowUri: vscode.Uri;
  let document: vscode.TextDocument;
  const show = () => ({ describe: () => describeDiagnostics(iflowUri) });

  before(async () => {
    copy = await copyFixtureArtifact('Fix On Save');
    iflowUri = vscode.Uri.joinPath(copy, ...FIXTURE_IFLOW);
    document = await vscode.workspace.openTextDocument(iflowUri);
    await vscode.window.showTextDocument(document, { preview: false });
  });

  // Each test starts from a clean file on disk (https) with the setting as it was.
  beforeEach(async () => {
    await setFixOnSave(undefined);
    if (document.getText().includes(PLAIN)) {
      await replaceText(document, PLAIN, SAFE);
      assert.ok(await document.save(), 'the clean text was saved');
    }
    await waitFor(() => findings(iflowUri, RULE).length === 0, `no ${RULE} on the clean copy`, show());
  });

  after(async () => {
    await setFixOnSave(undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(copy, { recursive: true }).then(undefined, () => undefined);
  });

  it('with cpiSecurity.fixOnSave on, saving applies the safe fix and the finding goes', async () => {
    await setFixOnSave(true);
    await replaceText(document, SAFE, PLAIN);
    await waitFor(() => findings(iflowUri, RULE).length === 1, `${RULE} after typing ${PLAIN}`, show());
    assert.ok(await document.save(), 'the save went through');
    assert.equal(document.isDirty, false);
    assert.ok(document.getText().includes(SAFE), 'the editor holds the fixed address');
    const saved = await diskText(iflowUri);
    assert.ok(saved.includes(SAFE) && !saved.includes(PLAIN), 'the file on disk holds the fixed address');
    await waitFor(() => findings(iflowUri, RULE).length === 0, `${RULE} to go after the fix on save`, show());
  });

  it('with the setting off (the default), saving leaves the text as typed', async () => {
    await replaceText(document, SAFE, PLAIN);
    await waitFor(() => findings(iflowUri, RULE).length === 1, `${RULE} after typing ${PLAIN}`, show());
    assert.ok(await document.save(), 'the save went through');
    assert.ok(document.getText().includes(PLAIN), 'the editor keeps the typed address');
    assert.ok((await diskText(iflowUri)).includes(PLAIN), 'the file on disk holds the typed address');
    assert.equal(findings(iflowUri, RULE).length, 1, describeDiagnostics(iflowUri));
  });
});
