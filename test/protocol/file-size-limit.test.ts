import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, PARAMETERS_TEXT, has, makeWorkspace, useWorkspaceSession } from './support/workspace';

// A limit of 0.002 MB (2097 bytes) set through the editor setting: the
// fixture iFlow (1823 bytes) is under it, the same iFlow with a comment of
// 1000 characters after its root element is over it.
const LIMIT_MB = 0.002;
const PADDING = `\n<!-- ${'x'.repeat(1000)} -->\n`;
const PADDED_PARAMETERS = `${'# padding\n'.repeat(250)}${PARAMETERS_TEXT}`;

function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const isNotice = (diagnostics: Diagnostic[]) => diagnostics.length === 1 && /^Not analysed/.test(diagnostics[0].message);

describe('language server: files over the size limit', function () {
  const state = useWorkspaceSession();
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  let logs: string[];
  beforeEach(() => {
    ({ session, ws } = state);
    session.settings = { maxFileSizeMB: LIMIT_MB };
    logs = [];
    session.connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  });

  /** Resolves once the diagnostics of the document's latest version satisfy `accept`. */
  const current = (uri: string, accept: (diagnostics: Diagnostic[]) => boolean) =>
    session
      .waitForPublished(uri, (params) => params.version === session.version(uri) && accept(params.diagnostics))
      .then((params) => params.diagnostics);

  /** Every message the server sent before this answer has arrived once it is here (one ordered stream). */
  const barrier = () =>
    session.connection.sendRequest('textDocument/hover', { textDocument: { uri: ws.iflowUri }, position: { line: 0, character: 0 } });

  const sizeLogs = (uri: string) => logs.filter((line) => line.startsWith(uri) && line.includes('Not analysed'));

  it('an iFlow over the limit gets exactly one notice and no findings; under it again, its findings return', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT + PADDING);
    const [notice] = await current(ws.iflowUri, isNotice);
    assert.equal(notice.severity, 3, 'information');
    assert.equal(notice.source, 'cpi-security-lint');
    assert.equal(notice.code, undefined, 'not a rule finding');
    assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(notice.message, /^Not analysed: the file is 2\.\d KB \(\d+ bytes\), over the 0\.002 MB limit\./);
    assert.match(notice.message, /"cpiSecurity\.maxFileSizeMB" or "maxFileSizeMB" in \.cpisecurity\.json/);

    // still too large after an edit: the notice stays, the log line is not repeated
    const end = endOf(IFLOW_TEXT + PADDING);
    await session.change(ws.iflowUri, [{ range: { start: end, end }, text: ' ' }]);
    await current(ws.iflowUri, isNotice);
    await barrier();
    assert.equal(sizeLogs(ws.iflowUri).length, 1, JSON.stringify(logs));

    // the padding removed: analysed as usual, the notice gone
    await session.change(ws.iflowUri, [{ range: { start: endOf(IFLOW_TEXT), end: endOf(IFLOW_TEXT + PADDING + ' ') }, text: '' }]);
    const analysed = await current(ws.iflowUri, has('cleartext-basic-auth'));
    assert.ok(!analysed.some((d) => /Not analysed/.test(d.message)), JSON.stringify(analysed));

    // over the limit again: the notice (and one more log line) again
    await session.change(ws.iflowUri, [{ range: { start: endOf(IFLOW_TEXT), end: endOf(IFLOW_TEXT) }, text: PADDING }]);
    await current(ws.iflowUri, isNotice);
    await barrier();
    assert.equal(sizeLogs(ws.iflowUri).length, 2, JSON.stringify(logs));
  });

  it('a parameters.prop over the limit: the iFlow is analysed without parameters; once under the limit, with them', async () => {
    writeFileSync(ws.root + '/Order Replication/src/main/resources/parameters.prop', PADDED_PARAMETERS);
    await session.open(ws.parametersUri, 'cpi-parameters', PADDED_PARAMETERS);
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    const [notice] = await current(ws.parametersUri, isNotice);
    assert.match(notice.message, /The artifact's iFlows are analysed as if it had no parameters\.prop/);
    await barrier();
    const iflow = await current(ws.iflowUri, () => true);
    assert.deepEqual(iflow, [], 'the http:// address comes from the parameter, which was not read');

    await session.change(ws.parametersUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 250, character: 0 } }, text: '' }]);
    await current(ws.iflowUri, has('cleartext-basic-auth'));
    await current(ws.parametersUri, has('cleartext-basic-auth'));
  });

  it('the workspace scan skips the same files, with the same notice on files that are not open', async () => {
    writeFileSync(
      ws.root + '/Order Replication/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw',
      IFLOW_TEXT + PADDING,
    );
    const result: { files: number; findings: number } = await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    assert.equal(result.findings, 0, 'the parameter alone is no finding');
    const published = await session.waitForDiagnostics(ws.iflowUri, isNotice);
    assert.match(
      published[0].message,
      /over the 0\.002 MB limit\. To analyse it, raise the limit with the setting "cpiSecurity\.maxFileSizeMB"/,
    );

    session.settings = {};
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
  });

  it('a certificate over the limit gets the notice instead of its checks', async () => {
    const uri = `${ws.rootUri}/partner.pem`;
    const pem = `-----BEGIN CERTIFICATE-----\n${'QUJD'.repeat(600)}\n-----END CERTIFICATE-----\n`;
    await session.open(uri, 'plaintext', pem);
    const [notice] = await current(uri, isNotice);
    assert.match(notice.message, /^Not analysed: the file is 2\.\d KB/);
    await session.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2000 } }, text: '' }]);
    const readable = await current(uri, (diagnostics) => !isNotice(diagnostics));
    assert.ok(!readable.some((d) => /Not analysed/.test(d.message)), JSON.stringify(readable));
  });

  it('the default limit (20 MB) leaves normal files alone', async () => {
    session.settings = {};
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT + PADDING);
    await current(ws.iflowUri, has('cleartext-basic-auth'));
  });
});
