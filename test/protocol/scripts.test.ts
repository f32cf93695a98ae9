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
    iflowUri = file(
      'Order Replication/src/main/resources/scenarioflows/integrationflow/Logging.iflw',
      scriptStepIflow('Log Payload.groovy', 'Logging'),
    );
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

  it('a hard-coded secret typed into a clean script goes away again when the edit is undone', async () => {
    const clean = 'def run(message) {\n    def host = "catalog"\n    return message\n}\n';
    await session.open(scriptUri, 'groovy', clean);
    assert.deepEqual((await session.waitForPublished(scriptUri, (params) => params.version === 1)).diagnostics, []);
    // as VS Code sends them: the typed line inserted, then the undo removing that line
    await session.change(scriptUri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '    def portalPassword = "S3cr3t!Value9"\n' },
    ]);
    await session.waitForDiagnostics(scriptUri, has('script-hardcoded-secret'), 20_000);
    await session.change(scriptUri, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    const undone = await session.waitForPublished(scriptUri, (params) => params.version === 3, 20_000);
    assert.deepEqual(
      undone.diagnostics.map((d) => d.code),
      [],
    );
  });

  it("offers the rule's fix, suppression with a comment and in .cpisecurity.json", async () => {
    await session.open(scriptUri, 'groovy', 'def run(message) {\n    FLAGGED(message)\n}\n');
    const [diagnostic] = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    const actions = await session.codeActionsFor(scriptUri, diagnostic);
    const fix = actions.find((action) => action.title === 'Rename to fine');
    assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.isPreferred, true);
    const comment = actions.find((action) => action.title === `Suppress ${RULE} on this line with a comment…`);
    assert.deepEqual(comment?.command?.arguments?.[0].comment, {
      line: 1,
      prefix: `    // cpi-security-lint-disable-next-line ${RULE} -- `,
    });
    assert.ok(actions.some((action) => action.title === `Suppress ${RULE} for this file in .cpisecurity.json…`));
  });

  it('honours suppression comments and reports one without a reason', async () => {
    await session.open(
      scriptUri,
      'groovy',
      `// cpi-security-lint-disable-next-line ${RULE} -- reviewed\nFLAGGED()\n// cpi-security-lint-disable-next-line ${RULE}\nFLAGGED()\n`,
    );
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

  it('hovers on the script APIs that matter: what they mean, the SAP guideline, and a finding there first', async () => {
    const text = [
      'def run(message) {',
      '    def log = messageLogFactory.getMessageLog(message)',
      '    log.addAttachmentAsString("payload", message.getBody(String), "text/xml")',
      '    def root = new XmlSlurper().parse(message.getBody(Reader))',
      '    FLAGGED(root)',
      '}',
      '',
    ].join('\n');
    await session.open(scriptUri, 'groovy', text);
    const diagnostics = await session.waitForDiagnostics(scriptUri, has(RULE), 20_000);
    const hover = async (line: number, word: string): Promise<{ contents: { kind: string; value: string }; range: unknown } | null> =>
      session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: scriptUri },
        position: { line, character: text.split('\n')[line].indexOf(word) + 2 },
      });

    const attachment = await hover(2, 'addAttachmentAsString');
    assert.equal(attachment?.contents.kind, 'markdown');
    const value = attachment!.contents.value;
    assert.match(value, /\*\*`addAttachmentAsString`\*\* · message processing log/);
    assert.match(value, /AVOID_CREATING_MPL_ATTACHMENTS/);
    assert.match(
      value,
      /\[Remove Sensitive or Secret Content Before Logging or Forwarding\]\(https:\/\/help\.sap\.com\/[^)]*46868626fdfd478d8183a4246fda4ea6/,
    );
    assert.deepEqual(attachment!.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 29 } });
    // A finding of the script rules on the call (once they run) comes first, once.
    const covers = (d: Diagnostic) =>
      (d.range.start.line < 2 || (d.range.start.line === 2 && d.range.start.character <= 10)) &&
      (d.range.end.line > 2 || (d.range.end.line === 2 && d.range.end.character > 10));
    const there = diagnostics.find((d) => typeof d.code === 'string' && covers(d));
    const label = ['', 'Error', 'Warning', 'Info', 'Hint'];
    if (there) {
      assert.ok(value.startsWith(`**${label[there.severity ?? 1]} · ${String(there.code)}** — ${there.message}`), value);
      assert.equal(value.split(`· ${String(there.code)}**`).length, 2, 'the finding once');
    }

    const slurper = await hover(3, 'XmlSlurper');
    assert.match(slurper!.contents.value, /\*\*`XmlSlurper`\*\* · XML parser/);
    assert.match(slurper!.contents.value, /SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES/);
    assert.match(slurper!.contents.value, /Switch Off Resolving of External Entities/);
    assert.equal(await hover(4, 'FLAGGED'), null, 'no hover on other names');
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
