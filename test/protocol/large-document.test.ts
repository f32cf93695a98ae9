import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './support/lsp-session';
import { IFLOW_TEXT, makeWorkspace } from './support/workspace';

// A 50 MB iFlow through the real server over stdio, with the size limit
// raised to let it in: it is read and analysed, an edit inside one of its
// channels gets new diagnostics, and the server still answers afterwards.
// (Speed is the benchmark's business; the timeouts here only stop a hang.)

const MB = 1024 * 1024;
const FLOW = /<bpmn2:messageFlow [^]*?<\/bpmn2:messageFlow>/.exec(IFLOW_TEXT)![0];
/** Every this many channels, one talks plain HTTP with Basic authentication. */
const PLAIN_EVERY = 2000;

/** IFLOW_TEXT with channels like its own until it is `size` characters long; some of them plain HTTP. */
function largeIflow(size: number): { text: string; channels: number; plain: number } {
  const parts: string[] = [];
  let length = IFLOW_TEXT.length;
  let channels = 0;
  let plain = 0;
  while (length < size) {
    const http = channels % PLAIN_EVERY === 0;
    if (http) plain++;
    const flow = FLOW.replace('MessageFlow_10', `MessageFlow_${channels}_x`)
      .replace('Orders to ERP', `Channel ${channels}`)
      .replace(
        '{{ERP Address}}/sap/orders',
        http ? `http://erp${channels}.example.com/orders` : `https://erp${channels}.example.com/orders`,
      );
    parts.push(`\n        ${flow}`);
    length += flow.length + 9;
    channels++;
  }
  const at = IFLOW_TEXT.indexOf('</bpmn2:collaboration>');
  return { text: IFLOW_TEXT.slice(0, at) + parts.join('') + '\n    ' + IFLOW_TEXT.slice(at), channels, plain };
}

describe('language server: a 50 MB iFlow', function () {
  this.timeout(300_000);
  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;
  beforeEach(async () => {
    ws = makeWorkspace();
    session = new LspSession();
    session.settings = { maxFileSizeMB: 60 };
    await session.initialize(ws.rootUri);
  });
  afterEach(async () => {
    await session.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  const basicOverHttp = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'cleartext-basic-auth');

  it('is analysed, re-analysed after an edit inside a channel, and the server keeps answering', async () => {
    const { text, channels, plain } = largeIflow(50 * MB);
    assert.ok(text.length >= 50 * MB && channels > 40_000, `${text.length} characters, ${channels} channels`);

    await session.open(ws.iflowUri, 'cpi-iflow', text);
    const opened = await session.waitForPublished(ws.iflowUri, (params) => params.version === 1, 240_000);
    // the fixture's own channel uses a parameter of the artifact, which names an http:// address
    assert.equal(basicOverHttp(opened.diagnostics).length, plain + 1, JSON.stringify(opened.diagnostics.slice(0, 3)));

    // https:// to http:// in a channel near the end
    const target = `https://erp${channels - 1}.example.com/orders`;
    const offset = text.lastIndexOf(target) + 'http'.length;
    const before = text.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    await session.change(ws.iflowUri, [
      { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' },
    ]);
    const edited = await session.waitForPublished(ws.iflowUri, (params) => params.version === 2, 120_000);
    const found = basicOverHttp(edited.diagnostics);
    assert.equal(found.length, plain + 2);
    assert.ok(
      found.some((d) => d.range.start.line === position.line),
      'a finding on the edited channel',
    );

    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: ws.iflowUri }, position });
    assert.ok(hover, 'the server answers a hover on the edited value');
  });
});
