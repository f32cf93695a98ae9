import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/apply-edits';
import { scriptStepIflow } from '../support/script-step';
import { LspSession } from './support/lsp-session';
import { has, lacks } from './support/workspace';

// The shipped script rules' quick fixes end to end: the bundled server
// reports on a Groovy script of an artifact, offers the fix as a code
// action, and the text the editor makes of it no longer has the finding.
type Edit = { range: Diagnostic['range']; newText: string };

const XXE = [
  'import javax.xml.parsers.DocumentBuilderFactory',
  '',
  'def Message processData(Message message) {',
  '    def factory = DocumentBuilderFactory.newInstance()',
  '    def document = factory.newDocumentBuilder().parse(message.getBody(InputStream))',
  '    return message',
  '}',
  '',
].join('\n');

const CLEARTEXT = [
  'def Message processData(Message message) {',
  '    def connection = new URL("http://erp.example.com/api/orders").openConnection()',
  '    return message',
  '}',
  '',
].join('\n');

const ATTACHMENT = [
  'def Message processData(Message msg) {',
  '    def messageLog = messageLogFactory.getMessageLog(msg)',
  '    messageLog.addAttachmentAsString("Payload", msg.getBody(String), "text/xml")',
  '    return msg',
  '}',
  '',
].join('\n');

describe('script rule quick fixes over stdio', function () {
  this.timeout(90_000);
  let session: LspSession;
  let root: string;
  let scriptUri: string;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpi-script-fix-'));
    const resources = join(root, 'Orders', 'src', 'main', 'resources');
    mkdirSync(join(resources, 'scenarioflows', 'integrationflow'), { recursive: true });
    mkdirSync(join(resources, 'script'), { recursive: true });
    writeFileSync(join(resources, 'scenarioflows', 'integrationflow', 'Orders.iflw'), scriptStepIflow('Parse.groovy', 'Orders'));
    const scriptPath = join(resources, 'script', 'Parse.groovy');
    writeFileSync(scriptPath, '');
    scriptUri = pathToFileURL(scriptPath).href;
    session = new LspSession();
    await session.initialize(pathToFileURL(root).href);
  });

  afterEach(async () => {
    await session.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  /** Opens the script, waits for the rule, applies the fix titled `title` as the editor would, and returns the new text. */
  async function applyFix(
    text: string,
    rule: string,
    title: RegExp,
  ): Promise<{ diagnostic: Diagnostic; action: CodeAction; after: string }> {
    await session.open(scriptUri, 'groovy', text);
    const diagnostics = await session.waitForDiagnostics(scriptUri, has(rule), 20_000);
    const diagnostic = diagnostics.find((d) => d.code === rule)!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: scriptUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const action = actions.find((a) => title.test(a.title) && a.edit);
    assert.ok(action, `no fix matching ${title}: ${JSON.stringify(actions.map((a) => a.title))}`);
    const changes = action.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1);
    assert.equal(changes[0].textDocument.uri, scriptUri);
    assert.equal(changes[0].textDocument.version, session.version(scriptUri), 'the edit carries the open document version');
    const after = applyTextEdits(text, changes[0].edits as Edit[]);
    await session.change(scriptUri, [{ text: after }]);
    return { diagnostic, action, after };
  }

  it('script-xxe: inserts the hardening call after the factory and the warning goes', async () => {
    const { diagnostic, action, after } = await applyFix(XXE, 'script-xxe', /^Insert factory\.setFeature/);
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 18 }, end: { line: 3, character: 54 } });
    assert.equal(diagnostic.severity, 2);
    assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\/help\.sap\.com\//);
    assert.equal(action.isPreferred, true);
    assert.equal(
      after,
      XXE.replace(
        '    def factory = DocumentBuilderFactory.newInstance()\n',
        '    def factory = DocumentBuilderFactory.newInstance()\n    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)\n',
      ),
    );
    await session.waitForPublished(scriptUri, (params) => params.version === 2 && lacks('script-xxe')(params.diagnostics), 20_000);
  });

  it('script-cleartext-url: turns http:// into https:// and the warning goes', async () => {
    const { diagnostic, action, after } = await applyFix(CLEARTEXT, 'script-cleartext-url', /^Use https:\/\/$/);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 29 }, end: { line: 1, character: 64 } });
    assert.equal(action.isPreferred, true);
    assert.equal(after, CLEARTEXT.replace('"http://erp', '"https://erp'));
    await session.waitForPublished(
      scriptUri,
      (params) => params.version === 2 && lacks('script-cleartext-url')(params.diagnostics),
      20_000,
    );
  });

  it('script-mpl-attachment: wraps the call in a log switch and the warning becomes information', async () => {
    const { after } = await applyFix(ATTACHMENT, 'script-mpl-attachment', /^Attach only when a log switch is on/);
    assert.equal(
      after,
      ATTACHMENT.replace(
        '    messageLog.addAttachmentAsString("Payload", msg.getBody(String), "text/xml")\n',
        '    if (messageLog != null && msg.getProperty("EnableMplAttachments") == "true") {\n        messageLog.addAttachmentAsString("Payload", msg.getBody(String), "text/xml")\n    }\n',
      ),
    );
    const published = await session.waitForPublished(scriptUri, (params) => params.version === 2, 20_000);
    const left = published.diagnostics.filter((d) => d.code === 'script-mpl-attachment');
    assert.deepEqual(
      left.map((d) => [d.range.start.line, d.severity]),
      [[3, 3]],
    );
  });
});
