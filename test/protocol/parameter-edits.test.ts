import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, PARAMETERS_TEXT, has, lacks, makeWorkspace, useWorkspaceSession } from './support/workspace';

// An unsaved edit of parameters.prop changes what every iFlow of the
// artifact reports, open or not: the closed ones are read from disk with
// the edited parameters, and their related information points into the
// edited text, not at the line the value had on disk.

/** The edit: a comment line above the value, and its port changed from 8443 (open by default) to 444 (not open). */
const EDITED = PARAMETERS_TEXT.replace('#Parameters of Order Replication\n', '#Parameters of Order Replication\n# port moved\n').replace(
  '\\:8443',
  '\\:444',
);
const VALUE_LINE = EDITED.split('\n').findIndex((line) => line.startsWith('ERP\\ Address='));

function relatedLine(diagnostics: Diagnostic[], rule: string, uri: string): number | undefined {
  return diagnostics.find((d) => d.code === rule)?.relatedInformation?.find((info) => info.location.uri === uri)?.location.range.start.line;
}

describe('a parameters.prop edit re-analyses the closed iFlows of its artifact', function () {
  const state = useWorkspaceSession();
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(() => ({ session, ws } = state));

  it('after a workspace scan: the closed iFlow gets the edited port and related information on the edited line', async () => {
    assert.equal(VALUE_LINE, 2);
    await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    const scanned = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    assert.ok(!scanned.some((d) => d.code === 'outbound-port-not-open'));
    assert.equal(relatedLine(scanned, 'cleartext-basic-auth', ws.parametersUri), 1);

    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    await session.change(ws.parametersUri, [{ text: EDITED }]);
    const edited = await session.waitForDiagnostics(ws.iflowUri, has('outbound-port-not-open'));
    assert.equal(relatedLine(edited, 'cleartext-basic-auth', ws.parametersUri), VALUE_LINE);
    assert.equal(relatedLine(edited, 'outbound-port-not-open', ws.parametersUri), VALUE_LINE);

    // a rescan of the disk (the file on disk is unchanged) must not bring the old findings back while the edit is open
    await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    assert.ok(has('outbound-port-not-open')(session.latest(ws.iflowUri)!), 'the workspace scan overwrote the live findings with the disk');

    // closed without saving: the disk counts again
    await session.close(ws.parametersUri);
    await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    const reverted = await session.waitForDiagnostics(
      ws.iflowUri,
      (d) => has('cleartext-basic-auth')(d) && lacks('outbound-port-not-open')(d),
    );
    assert.equal(relatedLine(reverted, 'cleartext-basic-auth', ws.parametersUri), 1);
  });

  it('after the iFlow was opened and closed: editing the parameters alone updates it', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    await session.close(ws.iflowUri);
    await session.waitForDiagnostics(ws.iflowUri, (d) => d.length === 0);

    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    await session.change(ws.parametersUri, [{ text: EDITED }]);
    const edited = await session.waitForDiagnostics(ws.iflowUri, has('outbound-port-not-open'));
    assert.equal(relatedLine(edited, 'outbound-port-not-open', ws.parametersUri), VALUE_LINE);
    assert.equal(session.published(ws.iflowUri)?.version, undefined, 'a closed file has no version');

    // back to 8443: the port finding goes from the closed iFlow
    await session.change(ws.parametersUri, [{ text: PARAMETERS_TEXT }]);
    const back = await session.waitForDiagnostics(ws.iflowUri, lacks('outbound-port-not-open'));
    assert.equal(relatedLine(back, 'cleartext-basic-auth', ws.parametersUri), 1);
    // the last open file of the artifact closes: without a workspace scan, nothing stays on the closed iFlow
    await session.close(ws.parametersUri);
    await session.waitForDiagnostics(ws.iflowUri, (d) => d.length === 0);
  });
});
