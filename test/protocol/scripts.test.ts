import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { scriptStepIflow } from '../support/script-step';
import { LspSession } from './support/lsp-session';
import { has, lacks, makeWorkspace } from './support/workspace';

// Groovy and JavaScript documents in the editor, with the test-only script
// rule (it flags the word FLAGGED) added to the server.
const ENTRY = join(__dirname, 'support', 'script-rule-server.ts');
const RULE = 'test-script-flagged';

describe('language server: scripts', function () {
  this.timeout(90_000); // a server run from its TypeScript sources starts slowly on a busy machine
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  let scriptUri: string;
  let iflowUri: string;

  const file = (relative: string, text: string) => {
    const path = join(ws.root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return pathToFileURL(path).href;
  };

  beforeEach(async () => {
    ws = makeWorkspace();
    iflowUri = file('Order Replication/src/main/resources/scenarioflows/integrationflow/Logging.iflw', scriptStepIflow('Log Payload.groovy', 'Logging'));
    scriptUri = file('Order Replication/src/main/resources/script/Log Payload.groovy', '');
    session = new LspSession({ entry: ENTRY, nodeArgs: ['--require', require.resolve('tsx/cjs')] });
    await session.initialize(ws.rootUri);
  });

  afterEach(async () => {
    await session.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('analyses a script of an artifact on opening and while typing, naming the iFlow that runs it', async () => {
    await session.open(scriptUri, 'groovy', 'def run(message) {\n    FLAGGED(message)\n}\n');
    const [diagnostic] = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assert.equal(diagnostic.message, 'FLAGGED found in Log Payload.groovy');
    assert.equal(diagnostic.relatedInformation?.length, 1);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, iflowUri);
    assert.equal(diagnostic.relatedInformation?.[0].message, 'Script step of iFlow "Logging" runs this script');

    await session.change(scriptUri, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } }, text: 'println' }]);
    await session.waitForPublished(scriptUri, (params) => params.version === 2 && lacks(RULE)(params.diagnostics));
  });

  it('offers the rule\'s fix, suppression with a comment and in .cpisecurity.json', async () => {
    await session.open(scriptUri, 'groovy', 'def run(message) {\n    FLAGGED(message)\n}\n');
    const [diagnostic] = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    const actions = await session.codeActionsFor(scriptUri, diagnostic);
    const fix = actions.find((action) => action.title === 'Rename to fine');
    assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.isPreferred, true);
    const comment = actions.find((action) => action.title === `Suppress ${RULE} on this line with a comment…`);
    assert.deepEqual(comment?.command?.arguments?.[0].comment, { line: 1, prefix: `    // cpi-security-lint-disable-next-line ${RULE} -- ` });
    assert.ok(actions.some((action) => action.title === `Suppress ${RULE} for this file in .cpisecurity.json…`));
  });

  it('honours suppression comments and reports one without a reason', async () => {
    await session.open(scriptUri, 'groovy', `// cpi-security-lint-disable-next-line ${RULE} -- reviewed\nFLAGGED()\n// cpi-security-lint-disable-next-line ${RULE}\nFLAGGED()\n`);
    const diagnostics = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    assert.deepEqual(
      diagnostics.map((d: Diagnostic) => [d.code ?? null, d.range.start.line, d.severity]),
      [
        [RULE, 3, 2],
        [null, 2, 2],
      ],
    );
    assert.match(diagnostics[1].message, new RegExp(`"${RULE}" gives no reason`));
  });

  it('the workspace scan reports on scripts that are not open, and on artifact scripts only', async () => {
    writeFileSync(join(ws.root, 'Order Replication/src/main/resources/script/Log Payload.groovy'), 'FLAGGED()\n');
    const loose = file('tools/build.groovy', 'FLAGGED()\n');
    const result: { files: number; cancelled: boolean } = await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    assert.equal(result.cancelled, false);
    const [diagnostic] = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, iflowUri);
    assert.equal(session.latest(loose), undefined, 'a script outside artifacts gets nothing');
  });

  it('leaves scripts outside artifacts alone unless .cpisecurity.json lists them', async () => {
    const loose = file('tools/build.groovy', 'FLAGGED()\n');
    const looseJs = file('web/app.js', 'FLAGGED()\n');
    await session.open(loose, 'groovy', 'FLAGGED()\n');
    await session.open(looseJs, 'javascript', 'FLAGGED()\n');
    assert.deepEqual((await session.waitForPublished(loose, () => true)).diagnostics, []);
    assert.deepEqual((await session.waitForPublished(looseJs, () => true)).diagnostics, []);

    writeFileSync(ws.configPath, JSON.stringify({ scripts: ['tools/**', 'web/**'] }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 2 }] });
    await session.waitForDiagnostics(loose, has(RULE), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(session.latest(looseJs), [], 'JavaScript only inside artifacts');
  });
});
