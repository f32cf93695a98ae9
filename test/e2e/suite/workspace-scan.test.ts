// "Scan Workspace": findings for files nobody opened, from the same engine
// as the command line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { describeDiagnostics, findings, ruleId } from './diagnostics';
import { copyFixtureArtifact, exampleUri, expectedFor, FIXTURE_IFLOW, hasExamples, iflowPath, parametersPath } from './examples';
import { waitFor } from './wait';

interface ScanResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

const NEVER_OPENED = ['mail', 'carrier'] as const; // no other test opens these artifacts

const signature = (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.map((d) => `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();

describe('Scan Workspace', function () {
  before(async function () {
    if (!hasExamples()) this.skip();
    await extensionApi(); // the command answers "not running" until the language server has started
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.fsPath));
    for (const artifact of NEVER_OPENED) {
      assert.ok(!open.has(exampleUri(iflowPath(artifact)).fsPath), `${iflowPath(artifact)} must not be open for this test`);
    }
  });

  // The scan keeps publishing for closed files from now on; a fresh server forgets it, so later tests see the usual behaviour.
  after(async function () {
    if (!hasExamples()) return;
    await vscode.commands.executeCommand('cpiSecurity.restartServer');
  });

  it('returns its counts and publishes findings for iFlows, parameters and certificates that are not open', async () => {
    const result = await vscode.commands.executeCommand<ScanResult>('cpiSecurity.scanWorkspace');
    assert.ok(result, 'the command returned nothing (server not running?)');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 10, `files: ${result.files}`);
    assert.ok(result.findings >= 30, `findings: ${result.findings}`);

    for (const artifact of NEVER_OPENED) {
      for (const relative of [iflowPath(artifact), parametersPath(artifact)]) {
        const uri = exampleUri(relative);
        const wanted = expectedFor(relative)
          .map((f) => `${f.rule}@${f.line}:${f.column}`)
          .sort();
        await waitFor(() => JSON.stringify(signature(findings(uri))) === JSON.stringify(wanted), `${wanted.join(', ')} on ${relative}`, {
          describe: () => describeDiagnostics(uri),
        });
      }
    }
    // and through the workspace-wide list, as the Problems panel reads it
    const all = vscode.languages.getDiagnostics();
    const mailIflow = exampleUri(iflowPath('mail')).fsPath;
    assert.ok(
      all.some(([uri, list]) => uri.fsPath === mailIflow && list.length > 0),
      'the never-opened mail iFlow is in getDiagnostics()',
    );

    const expired = exampleUri('certificates/outbound/old-carrier-api.pem');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.fsPath === expired.fsPath));
    await waitFor(() => findings(expired, 'cert-expired').length === 1, 'cert-expired on the closed certificate', {
      describe: () => describeDiagnostics(expired),
    });
    // ignored folder: test-data/ has a cleartext stub that must stay silent
    assert.equal(
      findings(exampleUri('test-data/Order Echo Stub.iflw')).length,
      0,
      describeDiagnostics(exampleUri('test-data/Order Echo Stub.iflw')),
    );
  });

  it('drops the findings of a file deleted from disk', async () => {
    const copy = await copyFixtureArtifact('Scanned Copy');
    const iflowUri = vscode.Uri.joinPath(copy, ...FIXTURE_IFLOW);
    const show = { describe: () => describeDiagnostics(iflowUri) };
    try {
      const result = await vscode.commands.executeCommand<ScanResult>('cpiSecurity.scanWorkspace');
      assert.equal(result?.cancelled, false);
      await waitFor(() => findings(iflowUri, 'cleartext-basic-auth').length === 1, 'cleartext-basic-auth on the closed copy', show);
      await vscode.workspace.fs.delete(iflowUri);
      await waitFor(() => findings(iflowUri).length === 0, 'the findings of the deleted copy to go away', show);
    } finally {
      await vscode.workspace.fs.delete(copy, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
