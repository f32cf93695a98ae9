import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import type { Hover, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspSession } from '../protocol/support/lsp-session';
import { IFLOW_TEXT, has, makeWorkspace } from '../protocol/support/workspace';
import { bytesOf, selfSignedRsa } from '../support/certs';
import { anyIflowText } from './support/iflow-arbitraries';
import { mutatedText, TRICKY_PIECES } from './support/mutations';
import { fuzzParameters, suiteTimeout } from './support/settings';

// The bundled server (server/out/server.js, built by `npm run build`) driven
// over stdio with damaged documents of every kind it handles: it must answer
// every request, publish for every document, log no failure, never exit,
// and still give a sound iFlow its findings afterwards.

type Kind = 'iflow' | 'parameters' | 'pem' | 'cer';
const FILE_NAMES: Record<Kind, string> = { iflow: 'Flow.iflw', parameters: 'parameters.prop', pem: 'server.pem', cer: 'partner.cer' };
/** Documents opened together (short run: 20 batches, 300 documents). */
const BATCH = 15;
const LANGUAGES: Record<Kind, string> = { iflow: 'cpi-iflow', parameters: 'cpi-parameters', pem: 'plaintext', cer: 'plaintext' };

const parametersText = mutatedText(
  fc.constantFrom(
    'Host=backend.example.com\nAuth=Basic\nERP\\ Address=http\\://erp.example.com\\:8080/api\n',
    'a=b\\\n  c\r\nport=25\rPassword=x\n',
  ),
  3,
);

const position = fc.record({
  line: fc.oneof(fc.nat({ max: 60 }), fc.constant(1_000_000)),
  character: fc.oneof(fc.nat({ max: 120 }), fc.constant(1_000_000)),
});

/** An incremental change an editor could send, also with positions past the end of the document. */
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc
  .record({
    start: position,
    length: fc.nat({ max: 30 }),
    text: fc.oneof(fc.constantFrom(...TRICKY_PIECES), fc.string({ unit: 'binary', maxLength: 6 })),
  })
  .map(({ start, length, text }) => ({ range: { start, end: { line: start.line, character: start.character + length } }, text }));

const document = (pems: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant<Kind>('iflow'), text: anyIflowText }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant<Kind>('parameters'), text: parametersText }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom<Kind>('pem', 'cer'),
        text: fc.oneof(mutatedText(pems, 3), fc.string({ unit: 'binary', maxLength: 400 })),
      }),
    },
  );

describe('fuzz: language server over stdio', function () {
  this.timeout(suiteTimeout(90_000));

  let session: LspSession;
  let ws: ReturnType<typeof makeWorkspace>;

  before(async () => {
    ws = makeWorkspace();
    session = new LspSession();
    await session.initialize(ws.rootUri);
  });

  after(async () => {
    await session.shutdown();
    rmSync(ws.root, { recursive: true, force: true });
  });

  /** Nothing went wrong in the server so far. */
  const assertHealthy = () => {
    assert.equal(session.exit, undefined, `the server exited: ${JSON.stringify(session.exit)}\n${session.stderr}`);
    assert.equal(session.stderr, '', 'the server wrote to stderr');
    const errors = session.logs.filter((log) => log.type === 1);
    assert.deepEqual(errors, [], 'the server logged errors');
  };

  it('analyses damaged documents, answers hovers and edits, and logs no failure', async () => {
    const pem = selfSignedRsa().pem;
    const pems = fc.constantFrom(pem, pem + pem, pem.replace(/\n/g, '\r\n'));
    const testCase = fc.record({
      doc: document(pems),
      hovers: fc.array(position, { maxLength: 2 }),
      changes: fc.option(fc.array(change, { minLength: 1, maxLength: 3 }), { freq: 4, nil: undefined }),
    });
    let n = 0;
    // The server waits 200 ms after a document opens or changes before it
    // analyses it; cases run in batches, each document its own artifact, so
    // that those waits overlap.
    await fc.assert(
      fc.asyncProperty(fc.array(testCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const uris = batch.map(({ doc }) => `${ws.rootUri}/fuzz-${n++}/${FILE_NAMES[doc.kind]}`);
        await Promise.all(batch.map(({ doc }, i) => session.open(uris[i], LANGUAGES[doc.kind], doc.text)));
        await Promise.all(uris.map((uri) => session.waitForPublished(uri, (p) => p.version === 1)));
        await Promise.all(
          batch.flatMap(({ hovers }, i) =>
            hovers.map((at) =>
              session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uris[i] }, position: at }),
            ),
          ),
        );
        const changed = batch.flatMap(({ changes }, i) => (changes ? [{ uri: uris[i], changes }] : []));
        await Promise.all(changed.map(({ uri, changes }) => session.change(uri, changes)));
        await Promise.all(changed.map(({ uri }) => session.waitForPublished(uri, (p) => p.version === session.version(uri))));
        await Promise.all(uris.map((uri) => session.close(uri)));
        assertHealthy();
      }),
      { ...fuzzParameters(20), endOnFailure: true },
    );
  });

  it('still gives a sound iFlow its findings and hover afterwards', async () => {
    await session.open(ws.iflowUri, 'cpi-iflow', IFLOW_TEXT);
    const diagnostics = await session.waitForDiagnostics(ws.iflowUri, has('cleartext-basic-auth'));
    const finding = diagnostics.find((d) => d.code === 'cleartext-basic-auth')!;
    assert.deepEqual(finding.range, { start: { line: 20, character: 27 }, end: { line: 20, character: 53 } });
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: ws.iflowUri },
      position: finding.range.start,
    });
    assert.match(JSON.stringify(hover?.contents), /cleartext-basic-auth|Basic/);
    // A certificate too.
    const certificateUri = `${ws.rootUri}/after/server.pem`;
    await session.open(certificateUri, 'plaintext', new TextDecoder().decode(bytesOf(selfSignedRsa().pem)));
    await session.waitForPublished(certificateUri, (p) => p.version === 1);
    const certificateHover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: certificateUri },
      position: { line: 1, character: 0 },
    });
    assert.match(JSON.stringify(certificateHover?.contents), /self\.example\.com/);
    assertHealthy();
  });
});
