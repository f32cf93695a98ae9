// Diagnostics on the demo workspace: the findings the repository expects,
// at the expected places; live updates when parameters.prop changes; and
// nothing left behind once a file is closed and deleted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, findings, ruleId } from './diagnostics';
import { at, openShown, replaceText, revert, revertAll } from './documents';
import {
  copyFixtureArtifact,
  exampleUri,
  expectedFor,
  FIXTURE_IFLOW,
  hasExamples,
  iflowPath,
  parametersPath,
  SEVERITIES,
} from './examples';
import { waitFor } from './wait';

/** `rule@line:column severity`, 1-based, sorted: comparable with examples-expected.json. */
function signature(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]}`)
    .sort();
}

describe('Diagnostics on the demo workspace', function () {
  before(function () {
    if (!hasExamples()) this.skip();
  });
  after(revertAll);

  for (const artifact of ['legacy', 'webshop'] as const) {
    it(`reports exactly the expected findings of ${iflowPath(artifact).split('/').pop()}`, async () => {
      const relative = iflowPath(artifact);
      const expected = expectedFor(relative);
      assert.ok(expected.length > 0, `examples-expected.json lists nothing for ${relative}`);
      const wanted = expected.map((f) => `${f.rule}@${f.line}:${f.column} ${vscode.DiagnosticSeverity[SEVERITIES[f.severity]]}`).sort();
      const document = await openShown(exampleUri(relative));
      await waitFor(
        () => JSON.stringify(signature(findings(document.uri))) === JSON.stringify(wanted),
        `diagnostics ${wanted.join(', ')}`,
        { describe: () => describeDiagnostics(document.uri) },
      );
    });
  }

  it('puts the finding on the whole value, parameter references included', async () => {
    const document = await openShown(exampleUri(iflowPath('legacy')));
    const finding = await waitFor(() => findings(document.uri, 'cleartext-basic-auth')[0], 'cleartext-basic-auth', {
      describe: () => describeDiagnostics(document.uri),
    });
    assert.equal(document.getText(finding.range), 'http://{{Archive Host}}:8080/archive/invoices');
    assert.ok(finding.range.start.isEqual(at(164, 28)));
    assert.ok(finding.message.includes('Document Archive'), `message should name the channel: ${finding.message}`);
  });

  it('updates the iFlow when an edit of parameters.prop switches a parameter from http:// to https://', async () => {
    const iflow = await openShown(exampleUri(iflowPath('bank')));
    const params = await openShown(exampleUri(parametersPath('bank')));
    const onAddress = (rule: string) => findings(iflow.uri, rule).filter((d) => d.range.start.isEqual(at(400, 28)));
    await waitFor(() => onAddress('client-cert-over-http').length === 1, 'client-cert-over-http on the iFlow', {
      describe: () => describeDiagnostics(iflow.uri),
    });
    await waitFor(() => findings(params.uri, 'client-cert-over-http').length === 1, 'client-cert-over-http on parameters.prop', {
      describe: () => describeDiagnostics(params.uri),
    });
    try {
      await replaceText(params, 'Bank\\ Payment\\ Status\\ URL=http\\://', 'Bank\\ Payment\\ Status\\ URL=https\\://');
      assert.ok(params.isDirty, 'the edit is unsaved: the server must read the editor, not the disk');
      await waitFor(
        () => onAddress('client-cert-over-http').length === 0 && onAddress('outbound-port-not-open').length === 0,
        'the iFlow findings of the http:// address to go away',
        { describe: () => describeDiagnostics(iflow.uri) },
      );
      assert.equal(findings(params.uri, 'client-cert-over-http').length, 0, describeDiagnostics(params.uri));
      // other findings of the iFlow are untouched
      assert.equal(findings(iflow.uri, 'onpremise-client-cert').length, 1, describeDiagnostics(iflow.uri));
    } finally {
      await revert(params);
    }
    await waitFor(() => onAddress('client-cert-over-http').length === 1, 'client-cert-over-http back after the revert', {
      describe: () => describeDiagnostics(iflow.uri),
    });
  });

  it('clears the diagnostics of a file when its editor is closed, and of the deleted file', async () => {
    // A copy of the e2e fixture artifact, so the shared files stay as they are.
    const copy = await copyFixtureArtifact('Closed Copy');
    const iflowUri = vscode.Uri.joinPath(copy, ...FIXTURE_IFLOW);
    const show = { describe: () => describeDiagnostics(iflowUri) };
    try {
      // Opened as a user would (vscode.open): openTextDocument would keep the document alive for minutes after its editor closes.
      await vscode.commands.executeCommand('vscode.open', iflowUri);
      const document = await waitFor(
        () => vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === iflowUri.toString()),
        'the copy to be open',
      );
      await waitFor(() => findings(iflowUri, 'cleartext-basic-auth').length === 1, 'cleartext-basic-auth on the copy', show);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor(() => document.isClosed, 'the copy to be closed');
      await waitFor(() => findings(iflowUri).length === 0, 'the diagnostics of the closed copy to go away', show);
      await vscode.workspace.fs.delete(iflowUri);
      assert.equal(findings(iflowUri).length, 0, describeDiagnostics(iflowUri));
    } finally {
      await vscode.workspace.fs.delete(copy, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
