import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReanalyseRequest } from '@cpi/common/protocol';
import { has, IFLOW_TEXT } from './support/workspace';
import { LspSession } from './support/lsp-session';

// Found by the soak test (soak.test.ts): every parameter or property key the
// rules ask "is this a secret name?" is remembered, and a key read without
// escapes is a substring of the file's text, which V8 keeps whole for it.
// So every new key typed kept one whole version of the file alive. Keys are
// now remembered as copies; but half-typed XML can make a key of almost the
// whole file (an unclosed CDATA section in it), and every keystroke after
// it then makes a new one.

const KEY = 'Mailbox_Password';
const KEYSTROKES = 40;
const PADDING = 1_000_000; // characters: each leaked version costs about 1 MB

describe('typing keys', function () {
  this.timeout(60_000);
  let root: string;
  let session: LspSession;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpi-typed-key-'));
    session = new LspSession({ entry: join(__dirname, 'support', 'measured-server.cjs'), nodeArgs: ['--expose-gc'], ipc: true });
    await session.initialize(pathToFileURL(root).href);
  });

  afterEach(async () => {
    await session.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  const heap = async () => ((await session.ask('heap')) as { heapUsed: number }).heapUsed;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

  it('a parameter name typed keeps no earlier version of parameters.prop alive', async () => {
    const folder = join(root, 'Mail', 'src', 'main', 'resources');
    mkdirSync(folder, { recursive: true });
    const text = `#${'x'.repeat(PADDING)}\n${KEY}=hunter2\n`;
    const path = join(folder, 'parameters.prop');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    await session.open(uri, 'cpi-parameters', text);
    await session.waitForDiagnostics(uri, has('cleartext-secret'));
    const before = await heap();

    // one character at a time into the key ("Mailbox" + "aaa…" + "_Password"), analysed after each
    const line = 1;
    for (let i = 0; i < KEYSTROKES; i++) {
      const at = 'Mailbox'.length + i;
      await session.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at } }, text: 'a' }]);
      await session.connection.sendRequest(ReanalyseRequest.method);
      await session.waitForPublished(uri, (p) => p.version === session.version(uri));
    }
    assert.ok(has('cleartext-secret')(session.latest(uri)!), 'the key still looks secret: the rule still asks about it');
    const grown = (await heap()) - before;
    // without the leak the heap stays within a few MB; with it, ~1 MB per keystroke
    assert.ok(grown < 10 * 1024 * 1024, `the server's heap grew by ${mb(grown)} over ${KEYSTROKES} keystrokes in a 1 MB file`);
  });

  it('typing after a CDATA section left open in an iFlow key keeps no earlier key alive', async () => {
    const folder = join(root, 'Orders', 'src', 'main', 'resources', 'scenarioflows', 'integrationflow');
    mkdirSync(folder, { recursive: true });
    // the key "Name" runs to the end of the file: the section is never closed
    const opened = IFLOW_TEXT.replace('<key>Name</key>', '<key>Na<![CDATA[me</key>');
    const text = `${opened}<!--${'x'.repeat(PADDING)}-->\n`;
    const path = join(folder, 'Orders.iflw');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    await session.open(uri, 'cpi-iflow', text);
    await session.waitForPublished(uri, (p) => p.version === 1);
    const before = await heap();

    const line = text.split('\n').length - 2; // the padding's line
    for (let i = 0; i < KEYSTROKES; i++) {
      await session.change(uri, [{ range: { start: { line, character: 10 + i }, end: { line, character: 10 + i } }, text: 'a' }]);
      await session.connection.sendRequest(ReanalyseRequest.method);
      await session.waitForPublished(uri, (p) => p.version === session.version(uri));
    }
    const grown = (await heap()) - before;
    // a key that long comes from broken XML and is not worth remembering
    assert.ok(grown < 10 * 1024 * 1024, `the server's heap grew by ${mb(grown)} over ${KEYSTROKES} keystrokes after a 1 MB key`);
  });
});
