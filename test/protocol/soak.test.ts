import * as assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReanalyseRequest, StatusNotification } from '@cpi/common/protocol';
import { LspSession } from './support/lsp-session';
import { randomEdit, Random, type EditTarget } from './support/soak-edits';
import { makeSoakWorkspace, type SoakFile } from './support/soak-workspace';

// Issue 7: thousands of random edits over several documents, mostly sent
// back to back as typing arrives, in bursts at one place of one document.
// At checkpoints, once the server has settled, every open document's
// diagnostics must be those of its current version and equal what a fresh
// server reports for the same texts, closed documents must have been
// cleared, and the server's heap after a full GC must not keep growing; the
// server must neither exit nor log an error. CPI_SOAK_EDITS, CPI_SOAK_SEED
// and CPI_SOAK_DELAY_MS change the run; a failure prints its seed.

const EDITS = Number(process.env.CPI_SOAK_EDITS ?? 5000);
// Fixed by default so that a failure in CI replays exactly; CPI_SOAK_SEED=random explores.
const SEED = process.env.CPI_SOAK_SEED === 'random' ? randomInt(2 ** 31) : Number(process.env.CPI_SOAK_SEED ?? 196659521);
/** Comparisons with a fresh server; the heap is measured at every fifth. */
const CHECKPOINTS = 25;
const HEAP_EVERY = 5;
const MEASURED_SERVER = join(__dirname, 'support', 'measured-server.cjs');
// The edits arrive far faster than anyone types, so the server's pause
// before analysing (200 ms in the editor) is shortened to match: analyses
// then start between edits, as they do when a person types.
const ANALYSIS_DELAY_MS = Number(process.env.CPI_SOAK_DELAY_MS ?? 5);

// Allowed heap growth from the first measurement (after EDITS/5 edits, when
// caches and compiled code are warm) to the last. Each is taken with
// every document back at its first text, so the server holds the same
// texts each time. A sound server then moves by up to ~1 MB (code being
// compiled, caches). Measured with bundles given a leak on purpose: keeping
// every edit's text grows the heap by 20-30 MB between measurements, keeping
// every published diagnostics list (~850 analyses per 5,000 edits, up to
// three lists each) by 3-5 MB by the last one. 2 MB lies above the noise and
// below both. A leak this soak catches only now and then (a few hundred KB
// per 1,000 edits) gets a focused test instead (see typed-key-memory.test.ts).
const HEAP_MARGIN = 2 * 1024 * 1024;

interface SoakDocument extends EditTarget {
  readonly file: SoakFile;
  model: TextDocument;
  open: boolean;
  /** Edit number at which a closed document is opened again. */
  reopenAt?: number;
}

/** What must agree between the soak's server and a fresh one. */
function normalised(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) =>
      JSON.stringify({
        range: d.range,
        code: d.code,
        severity: d.severity,
        message: d.message,
        related: d.relatedInformation?.map((r) => [r.location.uri, r.location.range, r.message]),
      }),
    )
    .sort();
}

/** `promise`, or a rejection naming `what` once `ms` have passed: a request the server never answers fails the soak instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

describe('language server soak', function () {
  this.timeout(180_000);
  let running: { session: LspSession; root: string } | undefined;
  let failed = true;

  // also after a timeout, when the test body never returns
  afterEach(async () => {
    if (!running) return;
    await running.session.shutdown();
    if (failed) console.log(`      soak failed with CPI_SOAK_SEED=${SEED}; workspace kept at ${running.root}`);
    else rmSync(running.root, { recursive: true, force: true });
  });

  it(`keeps diagnostics current and memory flat over ${EDITS} random edits (seed ${SEED})`, async function () {
    const workspace = makeSoakWorkspace();
    const random = new Random(SEED);
    const session = new LspSession({ entry: MEASURED_SERVER, nodeArgs: ['--expose-gc'], ipc: true });
    running = { session, root: workspace.root };
    const history: string[] = [];
    await session.initialize(workspace.rootUri, { analysisDelayMs: ANALYSIS_DELAY_MS });
    const documents: SoakDocument[] = workspace.files.map((file) => ({
      file,
      kind: file.kind,
      pristine: file.text,
      model: TextDocument.create(file.uri, file.languageId, 1, file.text),
      open: true,
      cursor: 0,
      get text() {
        return this.model.getText();
      },
    }));
    const names = [...new Set(workspace.files.flatMap((f) => [...f.text.matchAll(/\{\{([^{}<]+)\}\}/g)].map((m) => m[1])))];
    let analyses = 0;
    session.connection.onNotification(StatusNotification.method, () => analyses++);
    for (const document of documents) await session.open(document.file.uri, document.file.languageId, document.text);

    const pending: Promise<unknown>[] = [];
    const heaps: number[] = [];
    const timings: number[] = [];
    const started = Date.now();
    let checkpoints = 0;
    let current: SoakDocument | undefined;
    let burst = 0;

    for (let edit = 1; edit <= EDITS; edit++) {
      for (const document of documents) {
        if (!document.open && document.reopenAt !== undefined && edit >= document.reopenAt) await reopen(document);
      }
      const open = documents.filter((d) => d.open);
      // people edit one place for a while, then move on
      if (!current?.open || --burst <= 0) {
        current = random.pick(open);
        current.cursor = random.int(0, current.text.length);
        burst = random.int(5, 80);
      }
      const document = current;
      const { uri } = document.file;
      const siblings = documents.filter((d) => d !== document && d.kind === document.kind).map((d) => d.text);
      const { label, splices } = randomEdit(random, document, { names, siblings });
      const version = (session.version(uri) ?? 1) + 1;
      const changes: TextDocumentContentChangeEvent[] = [];
      for (const splice of splices) {
        const change: TextDocumentContentChangeEvent = splice.whole
          ? { text: splice.text }
          : { range: { start: document.model.positionAt(splice.start), end: document.model.positionAt(splice.end) }, text: splice.text };
        // the same library as the server's, so both hold the same text
        document.model = TextDocument.update(document.model, [change], version);
        changes.push(change);
      }
      history.push(`${edit} ${label} ${uri.slice(uri.lastIndexOf('/') + 1)}`);
      await session.change(uri, changes);

      // now and then: a pause in typing (until the diagnostics are current;
      // certificates wait 200 ms before analysing, so they pause less often),
      // an explicit re-analysis, a hover, a quick-fix request, a save, a close
      const roll = random.next();
      if (roll < (document.kind === 'certificate' ? 0.03 : 0.15))
        await session.waitForPublished(uri, (p) => p.version === session.version(uri), 15_000);
      else if (roll < 0.16)
        pending.push(within(session.connection.sendRequest(ReanalyseRequest.method), 30_000, `re-analyse after edit ${edit}`));
      else if (roll < 0.17) {
        const position = document.model.positionAt(document.cursor);
        pending.push(
          within(
            session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
            30_000,
            `hover after edit ${edit}`,
          ),
        );
      } else if (roll < 0.175) {
        const around = {
          start: document.model.positionAt(Math.max(0, document.cursor - 40)),
          end: document.model.positionAt(document.cursor),
        };
        const request = session.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: around,
          context: { diagnostics: session.latest(uri) ?? [] },
        });
        pending.push(within(request, 30_000, `code actions after edit ${edit}`));
      } else if (roll < 0.178) await save(document);
      else if (roll < 0.182 && open.length > 1) {
        if (random.chance(0.5)) await save(document); // else unsaved changes are dropped
        await session.close(uri);
        history.push(`${edit} close ${uri.slice(uri.lastIndexOf('/') + 1)}`);
        document.open = false;
        document.reopenAt = edit + random.int(20, 800);
      }

      if (edit % Math.ceil(EDITS / CHECKPOINTS) === 0 || edit === EDITS) {
        await Promise.all(pending.splice(0));
        await checkpoint(edit, edit === EDITS);
        if (++checkpoints % HEAP_EVERY === 0 || edit === EDITS) {
          // the heap is compared on the same texts every time: the random ones vary in size
          await restoreAll();
          heaps.push(((await session.ask('heap')) as { heapUsed: number }).heapUsed);
          timings.push(Date.now() - started);
        }
      }
    }

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    console.log(
      `      soak: seed ${SEED}, ${EDITS} edits, ${analyses} artifact analyses, heap after GC ${heaps.map(mb).join(', ')}, at ${timings.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}`,
    );
    // a leak only grows: the last measurement shows it best, and one comparison gives noise one chance, not four
    assert.ok(
      heaps.at(-1)! - heaps[0] <= HEAP_MARGIN,
      `server heap grew from ${mb(heaps[0])} to ${mb(heaps.at(-1)!)} (allowed ${mb(HEAP_MARGIN)})`,
    );
    assert.equal(session.exit, undefined, `the server exited: ${JSON.stringify(session.exit)}\n${session.stderr}`);
    const errors = session.logs.filter((log) => log.type === 1);
    assert.deepEqual(errors, [], 'the server logged errors');
    failed = false;

    async function reopen(document: SoakDocument): Promise<void> {
      // the editor shows the file as saved, whatever was typed before closing
      const text = readFileSync(document.file.path, 'utf8');
      document.model = TextDocument.create(document.file.uri, document.file.languageId, 1, text);
      document.open = true;
      document.reopenAt = undefined;
      document.cursor = 0;
      history.push(`reopen ${document.file.uri.slice(document.file.uri.lastIndexOf('/') + 1)}`);
      await session.open(document.file.uri, document.file.languageId, text);
    }

    /** Every document open again with the text it began with, analysed. */
    async function restoreAll(): Promise<void> {
      for (const document of documents) {
        if (!document.open) await reopen(document);
        const version = (session.version(document.file.uri) ?? 1) + 1;
        document.model = TextDocument.update(document.model, [{ text: document.pristine }], version);
        await session.change(document.file.uri, [{ text: document.pristine }]);
      }
      await settle();
    }

    /** Waits until every open document's diagnostics are those of its current version. */
    async function settle(): Promise<void> {
      await within(session.connection.sendRequest(ReanalyseRequest.method), 30_000, 're-analyse to settle');
      for (const document of documents.filter((d) => d.open)) {
        // certificates are not part of the request's settling: wait for their current version
        await session.waitForPublished(document.file.uri, (p) => p.version === session.version(document.file.uri), 15_000);
      }
    }

    async function save(document: SoakDocument): Promise<void> {
      writeFileSync(document.file.path, document.text);
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: document.file.uri, type: 2 }] });
    }

    /**
     * The diagnostics must be those a fresh server reports for the same
     * texts. At the last checkpoint this is checked first as the edits
     * left them (so a change whose dependants are not analysed again is
     * caught), then after a re-analysis, as at every checkpoint.
     */
    async function checkpoint(edit: number, last: boolean): Promise<void> {
      const where = `after edit ${edit} (seed ${SEED}; last edits: ${history.slice(-8).join(' | ')})`;
      const open = documents.filter((d) => d.open);
      const expected = await freshDiagnostics(open);
      const compare = (how: string) => {
        // a closed file shows nothing, but for an iFlow or parameters.prop of an artifact with an open file, which shows its live analysis
        for (const document of documents.filter((d) => !d.open)) {
          const shown = session.published(document.file.uri)?.diagnostics ?? [];
          assert.deepEqual(
            normalised(shown),
            normalised(expected.get(document.file.uri)!),
            `closed ${document.file.uri} shows stale diagnostics ${how} ${where}`,
          );
        }
        for (const document of open) {
          const actual = session.published(document.file.uri)!;
          assert.deepEqual(
            normalised(actual.diagnostics),
            normalised(expected.get(document.file.uri)!),
            `stale diagnostics on ${document.file.uri} ${how} ${where}`,
          );
        }
      };
      if (last) {
        for (const document of open)
          await session.waitForPublished(document.file.uri, (p) => p.version === session.version(document.file.uri), 15_000);
        // no request tells when the server is idle without analysing again: a pause in its publishing does
        await quiet(1000);
        compare('without a re-analysis');
      }
      await settle();
      compare('after a re-analysis');
    }

    /** What a server that saw only the final texts of the open documents reports for each document, open or closed. */
    async function freshDiagnostics(open: readonly SoakDocument[]): Promise<Map<string, Diagnostic[]>> {
      const fresh = new LspSession();
      try {
        await fresh.initialize(workspace.rootUri);
        for (const document of open) await fresh.open(document.file.uri, document.file.languageId, document.text);
        await within(fresh.connection.sendRequest(ReanalyseRequest.method), 30_000, 're-analyse on the fresh server');
        const result = new Map<string, Diagnostic[]>();
        for (const document of open)
          result.set(document.file.uri, (await fresh.waitForPublished(document.file.uri, (p) => p.version === 1, 15_000)).diagnostics);
        for (const document of documents.filter((d) => !open.includes(d)))
          result.set(document.file.uri, fresh.published(document.file.uri)?.diagnostics ?? []);
        return result;
      } finally {
        await fresh.shutdown();
      }
    }

    /** Resolves once nothing has been published for `ms`: a pause to wait out, never an assertion. */
    function quiet(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const done = () => {
          stop();
          resolve();
        };
        let timer = setTimeout(done, ms);
        const stop = session.onPublish(() => {
          clearTimeout(timer);
          timer = setTimeout(done, ms);
        });
      });
    }
  });
});
