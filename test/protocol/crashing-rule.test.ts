import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, has, makeWorkspace } from './support/workspace';

const ENTRY = join(__dirname, 'support', 'crashing-rule-server.ts');
const CRASHING_RULE_ID = 'test-crashing-rule';

describe('language server: a rule that throws', function () {
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  let logs: { type: number; message: string }[];

  beforeEach(async () => {
    ws = makeWorkspace();
    session = new LspSession({ entry: ENTRY, nodeArgs: ['--require', require.resolve('tsx/cjs')] });
    logs = [];
    session.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => logs.push(params));
    await session.initialize(ws.rootUri);
  });

  afterEach(async () => {
    await session.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  const failureLogs = () => logs.filter((entry) => entry.message.includes(CRASHING_RULE_ID));
  const hover = (line: number, character: number): Promise<Hover | null> =>
    session.connection.sendRequest('textDocument/hover', { textDocument: { uri: ws.iflowUri }, position: { line, character } });

  it('logs the failure once with the rule id and file, publishes the other rules and keeps answering', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'), 20_000);
    assert.ok(!diagnostics.some((d) => d.code === CRASHING_RULE_ID));

    // the hover answers after the analysis, and after every message the analysis sent
    const answer = await hover(20, 30);
    assert.match((answer?.contents as MarkupContent).value, /cleartext-basic-auth|Basic/);
    const [logged] = failureLogs();
    assert.ok(logged, `no log line names the rule: ${JSON.stringify(logs)}`);
    assert.equal(logged.type, 1, 'an error');
    assert.ok(logged.message.includes(ws.iflowUri), logged.message);
    assert.match(logged.message, /Error: deliberate crash inside a rule \(at .*crashing-rule-server\.ts/);

    // an edit outside the channel: analysed again with the same result, and no second log line while it keeps failing
    const line = IFLOW_TEXT.split('\n').findIndex((text) => text.includes('<bpmn2:participant id="Participant_ERP"'));
    await session.change(ws.iflowUri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }]);
    await session.waitForPublished(ws.iflowUri, (params) => params.version === 2 && has('cleartext-basic-auth')(params.diagnostics));
    assert.ok(await hover(20, 30));
    assert.equal(failureLogs().length, 1, JSON.stringify(failureLogs()));
    assert.equal(session.exit, undefined, 'the server is still running');
  });
});
