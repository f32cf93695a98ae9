import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './support/lsp-session';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'server', 'out', 'cli.js');

interface CliFinding {
  uri: string;
  ruleId: string;
  severity: string;
  range: { start: { line: number; character: number } };
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

describe('workspace scan in the language server', function () {
  this.timeout(60_000);
  let root: string;
  let session: LspSession;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cpi-scan-'));
    cpSync(join(REPO, 'examples'), root, { recursive: true });
    session = new LspSession();
    await session.initialize(pathToFileURL(root).href);
  });

  afterEach(async () => {
    await session.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes for files that are not open exactly what the command line reports', async () => {
    const result: { files: number; findings: number; cancelled: boolean } =
      await session.connection.sendRequest('cpiSecurity/scanWorkspace');
    assert.equal(result.cancelled, false);
    let output = '';
    try {
      output = execFileSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit 1: findings at error level
    }
    const cli: CliFinding[] = JSON.parse(output).findings;
    assert.equal(result.findings, cli.length);
    const expected = cli.map((f) => `${f.uri} ${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.severity}`).sort();
    const uris = [...new Set(cli.map((f) => f.uri))];
    assert.ok(
      uris.some((uri) => uri.endsWith('.pem')) &&
        uris.some((uri) => uri.endsWith('.iflw')) &&
        uris.some((uri) => uri.endsWith('parameters.prop')),
    );
    const published = uris
      .flatMap((uri) =>
        (session.latest(uri) ?? []).map(
          (d) => `${uri} ${d.range.start.line}:${d.range.start.character} ${d.code} ${SEVERITY[d.severity!]}`,
        ),
      )
      .sort();
    assert.deepEqual(published, expected);
  });

  describe('at start', () => {
    // the session above starts without the setting; these start their own
    let started: LspSession | undefined;
    afterEach(async () => {
      await started?.shutdown();
      started = undefined;
    });

    /** Starts a server with `settings`; resolves with the URIs it published diagnostics for, as they come. */
    const startWith = async (settings: Record<string, unknown>) => {
      const session = (started = new LspSession());
      session.settings = settings;
      const published = new Set<string>();
      const progress: unknown[] = [];
      const scanned: { files: number; findings: number; cancelled: boolean }[] = [];
      session.connection.onNotification('cpiSecurity/workspaceScanned', (result: (typeof scanned)[number]) => scanned.push(result));
      session.onPublish((params) => params.diagnostics.length > 0 && published.add(params.uri));
      session.connection.onNotification('$/progress', (params: unknown) => progress.push(params));
      await session.initialize(pathToFileURL(root).href);
      return { session, published, progress, scanned };
    };

    it('publishes findings of files nobody opened when scanOnStartup is on, with progress and a log line', async () => {
      const { session, published, progress, scanned } = await startWith({ scanOnStartup: true });
      const deadline = Date.now() + 30_000;
      while (scanned.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(scanned.length, 1, 'the client hears that the workspace was scanned');
      assert.ok(scanned[0].findings > 0 && scanned[0].files > 0 && !scanned[0].cancelled, JSON.stringify(scanned));
      assert.ok(
        [...published].some((uri) => uri.endsWith('.iflw')),
        'an iFlow has diagnostics without being opened',
      );
      assert.ok(
        [...published].some((uri) => uri.endsWith('.pem')),
        'a certificate too',
      );
      assert.ok(
        session.logs.some((log) => /Scanning the workspace at start: \d+ files/.test(log.message)),
        JSON.stringify(session.logs),
      );
      assert.ok(progress.length > 0, 'the scan reports progress');
    });

    it('leaves Problems to opened files when the setting is off', async () => {
      const { session, published, scanned } = await startWith({ scanOnStartup: false });
      // a scan of the examples takes well under this; nothing may come
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(published.size, 0);
      assert.equal(scanned.length, 0);
      assert.ok(!session.logs.some((log) => /at start/.test(log.message)));
    });
  });
});
