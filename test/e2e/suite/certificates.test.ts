// A certificate opened in the editor: its findings, a hover with its
// details and a code lens with its summary.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, findings } from './diagnostics';
import { openShown } from './documents';
import { exampleUri, hasExamples } from './examples';
import { waitFor } from './wait';

const SELF_SIGNED = 'certificates/inbound/pos-terminal-selfsigned.pem';
const SUBJECT_CN = 'pos-terminal-17.kestrel.example';
// Short waits: the server answers open certificates within a second; a missing feature should not stall the run.
const WAIT = { timeoutMs: 10_000, intervalMs: 200 };

describe('Certificates in the editor', function () {
  let document: vscode.TextDocument;

  before(async function () {
    if (!hasExamples()) this.skip();
    document = await openShown(exampleUri(SELF_SIGNED));
  });

  it('reports inbound-cert-self-signed on the certificate block', async () => {
    const finding = await waitFor(() => findings(document.uri, 'inbound-cert-self-signed')[0], 'inbound-cert-self-signed', {
      ...WAIT,
      describe: () => `${describeDiagnostics(document.uri)}\n(language id ${document.languageId})`,
    });
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(document.getText(finding.range).includes('BEGIN CERTIFICATE'), `range: ${document.getText(finding.range).slice(0, 60)}`);
  });

  it('shows the subject in a hover on the block', async () => {
    let last = '';
    const text = await waitFor(
      async () => {
        const hovers =
          (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 3))) ??
          [];
        last = hovers
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n');
        return last.includes('**Certificate**') ? last : undefined;
      },
      'a certificate hover',
      { ...WAIT, describe: () => `last hover: ${last || '(none)'}` },
    );
    assert.ok(text.includes(SUBJECT_CN), text);
    assert.ok(text.includes('self-signed') || text.includes('Self-signed'), text);
  });

  it('puts a summary code lens on the block', async () => {
    let titles: string[] = [];
    await waitFor(
      async () => {
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
        titles = lenses.map((lens) => lens.command?.title ?? '');
        return titles.some((title) => title.includes(SUBJECT_CN));
      },
      'a code lens naming the certificate',
      { ...WAIT, describe: () => `lenses: ${JSON.stringify(titles)}` },
    );
    const summary = titles.find((title) => title.includes(SUBJECT_CN))!;
    assert.match(summary, /self-signed/i, summary);
  });
});
