import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { RULES } from '@cpi/common/rules/catalogue';
import { applyTextEdits } from '../support/apply-edits';
import { caSignedLeaf, selfSignedRsa } from '../support/certs';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, PARAMETERS_TEXT, has, makeWorkspace, useWorkspaceSession } from './support/workspace';

type Edit = { range: Diagnostic['range']; newText: string };

function positionOf(text: string, needle: string, offsetInNeedle = 0) {
  const index = text.indexOf(needle) + offsetInNeedle;
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('editor features over stdio', function () {
  const state = useWorkspaceSession();
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(() => ({ session, ws } = state));

  const hover = (uri: string, position: { line: number; character: number }): Promise<Hover | null> =>
    session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });

  it('hover on a flagged value starts with the finding, explains the setting and links FAQ and SAP Help', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const result = await hover(ws.iflowUri, positionOf(IFLOW_TEXT, '{{ERP Address}}', 3));
    const markdown = (result!.contents as MarkupContent).value;
    assert.ok(markdown.startsWith('**Error · cleartext-basic-auth** — '), markdown.slice(0, 80));
    assert.ok(!markdown.includes('sends Basic credentials'), "the message is VS Code's part of the hover, not repeated");
    assert.match(markdown, /command:cpiSecurity\.explainRule\?/);
    assert.match(markdown, /`httpAddressWithoutQuery`/);
    assert.match(markdown, /Resolved from `ERP Address`: `http:\/\/erp\.example\.com:8443\/sap\/orders`/);
    assert.deepEqual(result!.range!.start, positionOf(IFLOW_TEXT, '{{ERP Address}}'));
  });

  it('hover on an unflagged security setting explains it with the FAQ answer', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const result = await hover(ws.iflowUri, positionOf(IFLOW_TEXT, '<key>proxyType</key>', 6));
    const markdown = (result!.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*`proxyType`\*\*/);
    assert.match(markdown, /command:cpiSecurity\.openFaq\?/);
    assert.match(markdown, /https:\/\/help\.sap\.com\//);
    assert.equal(
      await hover(ws.iflowUri, positionOf(IFLOW_TEXT, '<key>Name</key>', 6)),
      null,
      'no hover on settings without security meaning',
    );
  });

  it('hover on a parameter names the channel that uses it and never shows a secret', async () => {
    const parameters = `${PARAMETERS_TEXT}ERP\\ Password=Sup3rS3cret\n`;
    writeFileSync(join(ws.root, 'Order Replication', 'src', 'main', 'resources', 'parameters.prop'), parameters);
    await session.open(ws.parametersUri, 'cpi-parameters', parameters);
    const diagnostics = await session.waitForDiagnostics(ws.parametersUri, has('cleartext-secret'));
    assert.ok(diagnostics.length >= 2);
    const used = (await hover(ws.parametersUri, { line: 1, character: 2 }))!.contents as MarkupContent;
    assert.match(used.value, /used as `httpAddressWithoutQuery` by channel "Orders to ERP" \(HTTP\) in iFlow "Order Replication"/);
    const secret = (await hover(ws.parametersUri, { line: 2, character: 16 }))!.contents as MarkupContent;
    assert.ok(!secret.value.includes('Sup3rS3cret'), secret.value);
    assert.match(secret.value, /hidden/);
  });

  it('offers explain and suppress for every finding, and a fix-all source action', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const diagnostic = diagnostics.find((d) => d.code === 'cleartext-basic-auth')!;
    const actions = await session.codeActionsFor(ws.iflowUri, diagnostic);
    const explain = actions.find((a) => a.command?.command === 'cpiSecurity.explainRule');
    assert.deepEqual(explain?.command?.arguments, ['cleartext-basic-auth']);
    const suppress = actions.find(
      (a) => a.command?.command === 'cpiSecurity.suppressFinding' && a.title.endsWith('for this file in .cpisecurity.json…'),
    );
    assert.deepEqual(suppress?.command?.arguments, [
      {
        ruleId: 'cleartext-basic-auth',
        uri: ws.iflowUri,
        configUri: ws.configUri,
        fileGlob: 'Order Replication/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw',
      },
    ]);

    const [fixAll]: CodeAction[] = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: ws.iflowUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.kind, 'source.fixAll.cpiSecurity');
    const [change] = fixAll.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(change.textDocument.uri, ws.parametersUri);
    const fixed = applyTextEdits(PARAMETERS_TEXT, change.edits as Edit[]);
    await session.change(ws.parametersUri, [{ text: fixed }]);
    await session.waitForDiagnostics(ws.iflowUri, (d) => d.length === 0);
  });

  it('a suppression written to .cpisecurity.json hides the finding', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const config = {
      suppressions: [
        { rule: 'cleartext-basic-auth', file: '**/Order Replication.iflw', reason: 'partner moves to TLS in Q3', expires: '2099-12-31' },
      ],
    };
    await session.open(ws.configUri, 'json', JSON.stringify(config));
    await session.waitForDiagnostics(ws.iflowUri, (d) => !has('cleartext-basic-auth')(d));
  });

  it('answers effective rule severities for a folder, with their origin', async () => {
    writeFileSync(ws.configPath, JSON.stringify({ rules: { 'generic-sender-role': 'off' } }));
    session.settings = { rules: { 'smtp-port-25': 'error' } };
    const result: { rules: { id: string; severity: string; origin: string }[]; configUri: string; configExists: boolean } =
      await session.connection.sendRequest('cpiSecurity/effectiveRules', { uri: ws.rootUri });
    assert.equal(result.configUri, ws.configUri);
    assert.equal(result.configExists, true);
    const rule = (id: string) => result.rules.find((r) => r.id === id);
    assert.deepEqual(rule('generic-sender-role'), { id: 'generic-sender-role', severity: 'off', origin: 'configuration' });
    assert.deepEqual(rule('smtp-port-25'), { id: 'smtp-port-25', severity: 'error', origin: 'settings' });
    assert.deepEqual(rule('cleartext-basic-auth'), { id: 'cleartext-basic-auth', severity: 'error', origin: 'default' });
    assert.deepEqual(result.rules.map((r) => r.id).sort(), RULES.map((r) => r.id).sort(), 'every rule of the catalogue, once');
  });

  describe('certificates', () => {
    it('reports a self-signed certificate on its block, with hover details and a code lens', async () => {
      const folder = join(ws.root, 'certificates', 'inbound');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(ws.root, '.cpisecurity.json'), JSON.stringify({ certificates: { inbound: ['certificates/inbound/**'] } }));
      const text = `${caSignedLeaf().pem}\n${selfSignedRsa().pem}`;
      const uri = pathToFileURL(join(folder, 'partner.pem')).href;
      writeFileSync(join(folder, 'partner.pem'), text);
      await session.open(uri, 'plaintext', text);
      const diagnostics = await session.waitForDiagnostics(uri, has('inbound-cert-self-signed'));
      const selfSigned = diagnostics.find((d) => d.code === 'inbound-cert-self-signed')!;
      // on the second block, the self-signed one; the CA-signed first block is clean
      const secondStart = text.indexOf('-----BEGIN CERTIFICATE-----', 1);
      assert.deepEqual(selfSigned.range.start, { line: text.slice(0, secondStart).split('\n').length - 1, character: 0 });
      assert.equal(selfSigned.severity, 1);

      const details = (await hover(uri, { line: selfSigned.range.start.line + 2, character: 1 }))!.contents as MarkupContent;
      assert.match(details.value, /self\.example\.com/);
      assert.match(details.value, /SHA-256/i);
      assert.match(details.value, /2048/);

      const lenses: CodeLens[] = await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 2);
      assert.match(lenses[1].command!.title, /self-signed/i);
      // a click opens the file's certificate details view
      assert.equal(lenses[1].command!.command, 'cpiSecurity.showCertificateDetails');
      assert.deepEqual(lenses[1].command!.arguments, [uri]);
    });

    it('reports unreadable input as information without a rule id', async () => {
      const uri = pathToFileURL(join(ws.root, 'broken.pem')).href;
      const text = '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----\n';
      await session.open(uri, 'plaintext', text);
      const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.equal(diagnostics[0].severity, 3);
      assert.equal(diagnostics[0].code, undefined);
    });
  });
});
