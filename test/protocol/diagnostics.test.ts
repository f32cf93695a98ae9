import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/apply-edits';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, PARAMETERS_TEXT, has, lacks, makeWorkspace, useWorkspaceSession } from './support/workspace';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

describe('language server over stdio', function () {
  const state = useWorkspaceSession();
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(() => ({ session, ws } = state));

  it('reports findings with rule id, source, help link, severity and exact range, resolving parameters from disk', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const finding = diagnostics.find((d) => d.code === 'cleartext-basic-auth')!;
    assert.equal(finding.source, 'cpi-security-lint');
    assert.equal(finding.severity, 1);
    assert.deepEqual(finding.range, { start: { line: 20, character: 27 }, end: { line: 20, character: 53 } });
    assert.match(finding.codeDescription!.href, /^https:\/\/help\.sap\.com\//);
    assert.equal(finding.relatedInformation?.[0].location.uri, ws.parametersUri);
    assert.deepEqual(finding.relatedInformation?.[0].location.range.start, { line: 1, character: 13 });
    // Basic over HTTP supersedes the plain-HTTP finding on the same address
    assert.ok(!diagnostics.some((d) => d.code === 'cleartext-http-endpoint'));
  });

  it('an edit that fixes the value removes the finding', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    const before = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const basic = before.find((d) => d.code === 'cleartext-basic-auth')!;
    const authLine = IFLOW_TEXT.split('\n').findIndex((line) => line.includes('<value>Basic</value>'));
    const column = IFLOW_TEXT.split('\n')[authLine].indexOf('Basic');
    await session.change(ws.iflowUri, [
      {
        range: { start: { line: authLine, character: column }, end: { line: authLine, character: column + 5 } },
        text: 'OAuth2 Client Credentials',
      },
    ]);
    const after = await session.waitForDiagnostics(ws.iflowUri, lacks('cleartext-basic-auth'));
    // still plain HTTP, now reported as such on the same value
    assert.deepEqual(after.find((d) => d.code === 'cleartext-http-endpoint')?.range, basic.range);
  });

  it('a parameters.prop edit changes the iFlow findings, and the parameter gets its own finding', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    const onParameter = await session.waitForDiagnostics(ws.parametersUri, has('cleartext-basic-auth'));
    assert.match(onParameter[0].message, /parameter "ERP Address"/);
    assert.equal(onParameter[0].relatedInformation?.[0].location.uri, ws.iflowUri);
    const line = PARAMETERS_TEXT.split('\n')[1];
    const at = line.indexOf('http');
    await session.change(ws.parametersUri, [
      { range: { start: { line: 1, character: at }, end: { line: 1, character: at + 4 } }, text: 'https' },
    ]);
    await session.waitForDiagnostics(ws.iflowUri, (d) => codes(d).length === 0);
    await session.waitForDiagnostics(ws.parametersUri, (d) => d.length === 0);
  });

  it('applying the quick fix removes the finding, editing the file where the value lives', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const diagnostic = diagnostics.find((d) => d.code === 'cleartext-basic-auth')!;
    const actions = await session.codeActionsFor(ws.iflowUri, diagnostic);
    const fix = actions.find((a) => a.title === 'Use https://');
    assert.ok(fix, `no https fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    const [change] = fix.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(change.textDocument.uri, ws.parametersUri);
    assert.equal(change.textDocument.version, session.version(ws.parametersUri));
    const fixed = applyTextEdits(PARAMETERS_TEXT, change.edits as { range: Diagnostic['range']; newText: string }[]);
    assert.equal(fixed.split('\n')[1], 'ERP\\ Address=https\\://erp.example.com\\:8443');
    await session.change(ws.parametersUri, [{ text: fixed }]);
    await session.waitForDiagnostics(ws.iflowUri, lacks('cleartext-basic-auth'));
  });

  it('the open-port quick fix creates .cpisecurity.json and the finding goes', async () => {
    const text = IFLOW_TEXT.replace('{{ERP Address}}/sap/orders', 'https://erp.example.com:444/sap/orders');
    await session.open(ws.iflowUri, 'cpi-iflow', text);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('outbound-port-not-open'));
    const diagnostic = diagnostics.find((d) => d.code === 'outbound-port-not-open')!;
    const actions = await session.codeActionsFor(ws.iflowUri, diagnostic);
    const record = actions.find((a) => a.title.includes('opened by request'))!;
    const [create, edit] = record.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, ws.configUri);
    writeFileSync(ws.configPath, applyTextEdits('', edit.edits as { range: Diagnostic['range']; newText: string }[]));
    assert.deepEqual(JSON.parse(readFileSync(ws.configPath, 'utf8')).openedPorts, [444]);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 1 }] });
    await session.waitForDiagnostics(ws.iflowUri, lacks('outbound-port-not-open'));
  });

  it('a broken configuration is reported on its file and defaults apply', async () => {
    writeFileSync(ws.configPath, '{ "rules": { "cleartext-basic-auth": "loud" }, "openedPorts": [2222, }');
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const problems = await session.waitForDiagnostics(ws.configUri, (d) => d.length >= 2);
    assert.ok(
      problems.some((d) => /loud/.test(d.message)),
      JSON.stringify(problems.map((d) => d.message)),
    );
  });

  it('configuration can turn a rule off and editor settings override it', async () => {
    writeFileSync(ws.configPath, JSON.stringify({ rules: { 'cleartext-basic-auth': 'off' } }));
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    // with the specific rule off, the general plain-HTTP finding is no longer superseded
    await session.waitForDiagnostics(ws.iflowUri, (d) => has('cleartext-http-endpoint')(d) && lacks('cleartext-basic-auth')(d));
    session.settings = { rules: { 'cleartext-basic-auth': 'warning' } };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    assert.equal(diagnostics.find((d) => d.code === 'cleartext-basic-auth')!.severity, 2);
  });

  it('closing a document clears its diagnostics', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    await session.close(ws.iflowUri);
    await session.waitForDiagnostics(ws.iflowUri, (d) => d.length === 0);
  });

  it('survives half-typed XML and keeps the findings of channels that still parse', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const cut = IFLOW_TEXT.indexOf('</bpmn2:messageFlow>');
    await session.change(ws.iflowUri, [{ text: IFLOW_TEXT.slice(0, cut) + '<ifl:property><key>x</key><value>&bad;<' }]);
    const after = await session.waitForDiagnostics(ws.iflowUri, () => true);
    assert.ok(has('cleartext-basic-auth')(after));
    // the server still answers
    await session.change(ws.iflowUri, [{ text: IFLOW_TEXT }]);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
  });
});
