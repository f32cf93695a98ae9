// Edit-to-diagnostics latency of a large Groovy script through the real
// language server over stdio: a generated 5,000-line script inside an
// integration artifact is opened with the server's default analysis delay,
// then one-character edits (a letter typed into a string or a comment and
// deleted again, so offsets stay valid) are timed from didChange to the
// publishDiagnostics of that document version. The first edits warm up the
// JIT and are not counted.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateGroovyScript } from '../workload/groovy-script';
import { seededRandom } from '../workload/prng';
import { percentile } from '../stats';
import { LineStarts } from './edit-plan';

export interface ScriptEditOptions {
  readonly serverJs: string;
  /** A folder the bench may overwrite: the artifact is written below it. */
  readonly folder: string;
  readonly lines: number;
  readonly seed: number;
  readonly warmup: number;
  readonly measured: number;
}

export interface ScriptEditResult {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly samples: number;
  readonly openMs: number;
  readonly lines: number;
  readonly bytes: number;
  readonly diagnostics: number;
}

const TIMEOUT_MS = 60_000;

/** Where a letter can be typed without changing the script's structure: inside strings and comments. */
function editSites(text: string): number[] {
  const sites: number[] = [];
  for (const match of text.matchAll(/"item-|\/\/ default|'''multi/g)) sites.push(match.index! + match[0].length);
  return sites;
}

export async function measureScriptEditLatency(options: ScriptEditOptions): Promise<ScriptEditResult> {
  const random = seededRandom(options.seed);
  const text = generateGroovyScript(random.fork(1), options.lines);
  const scriptPath = join(options.folder, 'Script Heavy', 'src', 'main', 'resources', 'script', 'Enrich.groovy');
  mkdirSync(join(scriptPath, '..'), { recursive: true });
  writeFileSync(scriptPath, text);
  const uri = pathToFileURL(scriptPath).href;

  // BENCH_SERVER_ARGS: extra Node options for the server (e.g. --cpu-prof), for profiling
  const extra = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...extra, options.serverJs, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  let waiting: { version: number; resolve: (count: number) => void } | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === uri && waiting && params.version === waiting.version) waiting.resolve(params.diagnostics.length);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('cpiSecurity/status', () => undefined);
  connection.listen();
  const diagnosticsFor = (version: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for script version ${version} within ${TIMEOUT_MS} ms\n${stderr}`)),
        TIMEOUT_MS,
      );
      waiting = {
        version,
        resolve: (count) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(count);
        },
      };
    });

  try {
    const root = pathToFileURL(options.folder).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'bench-scripts' }],
      initializationOptions: process.env.BENCH_ANALYSIS_DELAY_MS ? { analysisDelayMs: Number(process.env.BENCH_ANALYSIS_DELAY_MS) } : {},
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});

    let version = 1;
    let started = performance.now();
    let pending = diagnosticsFor(version);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'groovy', version, text } });
    let diagnostics = await pending;
    const openMs = performance.now() - started;
    if (diagnostics === 0) throw new Error('the generated script got no diagnostics: are the script rules registered?');

    const lines = new LineStarts(text);
    const sites = editSites(text);
    const times: number[] = [];
    let lastTyped = 0;
    for (let i = 0; i < options.warmup + options.measured; i++) {
      // pairs: a letter typed at a site, then deleted again
      const typing = i % 2 === 0;
      const offset = typing ? sites[Math.floor(random.next() * sites.length)] : lastTyped;
      const range = typing
        ? { start: lines.position(offset), end: lines.position(offset) }
        : { start: lines.position(offset), end: lines.position(offset + 1) };
      version++;
      pending = diagnosticsFor(version);
      started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: typing ? 'q' : '' }],
      });
      diagnostics = await pending;
      times.push(performance.now() - started);
      lines.shift(offset, typing ? 1 : -1);
      lastTyped = offset;
    }
    const measured = times.slice(options.warmup);
    await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await connection.sendNotification('exit');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    return {
      p50Ms: percentile(measured, 50),
      p95Ms: percentile(measured, 95),
      maxMs: Math.max(...measured),
      samples: measured.length,
      openMs,
      lines: text.split('\n').length - 1,
      bytes: Buffer.byteLength(text),
      diagnostics,
    };
  } finally {
    connection.dispose();
    if (server.exitCode === null) server.kill();
  }
}
