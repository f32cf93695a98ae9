// Edit-to-diagnostics latency of a large Groovy script through the real
// language server over stdio: a generated 5,000-line script inside an
// integration artifact is opened with the server's default analysis delay,
// then one-character edits (a letter typed into a string or a comment and
// deleted again, so offsets stay valid) are timed from didChange to the
// publishDiagnostics of that document version. The first edits warm up the
// JIT and are not counted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateGroovyScript } from '../workload/groovy-script';
import { seededRandom } from '../workload/prng';
import { latencySummary } from '../stats';
import { LineStarts } from './edit-plan';
import { startServerSession } from './server-session';

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

  const session = await startServerSession({ serverJs: options.serverJs, workspace: options.folder, workspaceName: 'bench-scripts' });
  const { connection } = session;
  const diagnosticsFor = async (version: number) => (await session.diagnosticsFor(uri, version)).params.diagnostics.length;

  try {
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
    await session.shutdown();
    return {
      ...latencySummary(measured),
      openMs,
      lines: text.split('\n').length - 1,
      bytes: Buffer.byteLength(text),
      diagnostics,
    };
  } finally {
    session.dispose();
  }
}
