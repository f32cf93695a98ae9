import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, has, makeWorkspace } from './support/workspace';

// The analysis waits `analysisDelayMs` after a change (typing), but a
// document just opened is analysed at once: opening also reports the
// document as changed, which must not postpone its first diagnostics.

describe('analysis delay', function () {
  this.timeout(30_000);
  const DELAY_MS = 4_000;
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;

  beforeEach(async () => {
    ws = makeWorkspace();
    session = new LspSession();
    await session.initialize(ws.rootUri, { analysisDelayMs: DELAY_MS });
  });
  afterEach(async () => {
    await session.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('analyses an opened document at once, and an edited one after the delay', async () => {
    const opened = Date.now();
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'), DELAY_MS / 2);
    assert.ok(Date.now() - opened < DELAY_MS / 2);

    const at = IFLOW_TEXT.indexOf('<value>Basic</value>');
    const before = IFLOW_TEXT.slice(0, at + 7).split('\n');
    const start = { line: before.length - 1, character: before[before.length - 1].length };
    const edited = Date.now();
    await session.change(ws.iflowUri, [{ range: { start, end: { line: start.line, character: start.character + 5 } }, text: 'None' }]);
    await session.waitForPublished(ws.iflowUri, (params) => params.version === session.version(ws.iflowUri), DELAY_MS * 2);
    assert.ok(Date.now() - edited >= DELAY_MS - 100, 'the edit waited for the delay');
  });
});
