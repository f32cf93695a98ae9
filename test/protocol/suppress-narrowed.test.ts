import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { addSuppression } from '@cpi/common/config/edits';
import type { SuppressFindingArgs } from '@cpi/common/protocol';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, PARAMETERS_TEXT, has, lacks, makeWorkspace, useWorkspaceSession } from './support/workspace';

// The quick fix suppresses one finding for its channel or its parameter,
// not only for the whole file: the command's arguments carry the
// narrowing, and the entry the client writes from them (addSuppression)
// silences exactly that.

const RULE = 'cleartext-basic-auth';
const CHANNEL = /^Suppress cleartext-basic-auth for channel "(.+)" in \.cpisecurity\.json…$/;

function suppressArgs(action: CodeAction | undefined): SuppressFindingArgs {
  assert.ok(action?.command, 'no suppress action');
  assert.equal(action.command.command, 'cpiSecurity.suppressFinding');
  return action.command.arguments![0] as SuppressFindingArgs;
}

describe('suppressing one channel or one parameter from the quick fix', function () {
  const state = useWorkspaceSession();
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(() => ({ session, ws } = state));

  async function actionsOn(uri: string): Promise<CodeAction[]> {
    const diagnostics = await session.waitForDiagnostics(uri, has(RULE));
    return session.codeActionsFor(
      uri,
      diagnostics.find((d: Diagnostic) => d.code === RULE)!,
    );
  }

  /** Writes the entry the client's command writes from `args`, and tells the server. */
  async function write(args: SuppressFindingArgs): Promise<void> {
    writeFileSync(
      ws.configPath,
      addSuppression(undefined, { rule: args.ruleId, file: args.fileGlob, channel: args.channel, subject: args.subject, reason: 'test' }),
    );
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 1 }] });
  }

  it('for the channel: on the iFlow and the parameter behind it', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    const actions = await actionsOn(ws.iflowUri);
    const action = actions.find((candidate) => CHANNEL.test(candidate.title));
    const args = suppressArgs(action);
    assert.equal(args.channel, CHANNEL.exec(action!.title)![1]);
    assert.equal(args.subject, undefined);
    // one entry covers both files the finding sits on
    assert.equal(
      args.fileGlob,
      '{Order Replication/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw,Order Replication/src/main/resources/parameters.prop}',
    );
    assert.ok(
      actions.some((candidate) => candidate.title === `Suppress ${RULE} for this file in .cpisecurity.json…`),
      'the whole-file suppression stays',
    );
    await write(args);
    await session.waitForDiagnostics(ws.iflowUri, lacks(RULE));
    await session.waitForDiagnostics(ws.parametersUri, lacks(RULE));
  });

  it('for the parameter: the parameter finding goes, the iFlow finding stays', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.open(ws.parametersUri, 'cpi-parameters', PARAMETERS_TEXT);
    const actions = await actionsOn(ws.parametersUri);
    assert.ok(
      actions.some((candidate) => CHANNEL.test(candidate.title)),
      'the channel is offered on the parameter too',
    );
    const args = suppressArgs(
      actions.find((candidate) => candidate.title === `Suppress ${RULE} for parameter "ERP Address" in .cpisecurity.json…`),
    );
    assert.equal(args.subject, 'ERP Address');
    assert.equal(args.fileGlob, 'Order Replication/src/main/resources/parameters.prop');
    await write(args);
    await session.waitForDiagnostics(ws.parametersUri, lacks(RULE));
    await session.connection.sendRequest('cpiSecurity/reanalyse');
    assert.ok(has(RULE)(session.latest(ws.iflowUri)!), 'the iFlow finding was suppressed too');
  });
});
