// Edit-to-diagnostics latency through the real language server over stdio:
// the bundled server is started the way an editor starts it, with its
// default analysis delay (no analysisDelayMs: what a user waits for), the
// large iFlow is opened, and each one-character edit is timed from sending
// didChange to receiving the publishDiagnostics for that document version.
// The first edits warm up the JIT and are not counted. After each edit,
// outside its time, the server's timestamps of its stages are fetched for
// the breakdown (initialization option editTimings).
import { readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EditTimingsRequest, type EditTimings } from '@cpi/common/protocol';
import { seededRandom } from '../workload/prng';
import { latencySummary, percentile, peakRssMB } from '../stats';
import { LineStarts, planEdits } from './edit-plan';
import { epochNow, startServerSession } from './server-session';

export interface EditOptions {
  readonly serverJs: string;
  readonly peakRssPreload: string;
  readonly peakRssFile: string;
  readonly workspace: string;
  readonly iflowPath: string;
  readonly seed: number;
  readonly warmup: number;
  readonly measured: number;
}

export interface EditResult {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly samples: number;
  /** Time from didOpen to the first diagnostics (a full read of the file). */
  readonly openMs: number;
  /** The server's own analysis time (its status notification), p50 over the measured edits. */
  readonly serverAnalysisP50Ms?: number;
  readonly diagnostics: number;
  readonly iflowBytes: number;
  /** p50/p95 per kind of edit (typing, scheme toggle, a "<" breaking the XML), to show where the tail comes from. */
  readonly byKind: Record<string, { count: number; p50Ms: number; p95Ms: number }>;
  /** Where each edit's time went, stage by stage (see STAGES), over the measured edits. */
  readonly breakdown: Record<Stage, { p50Ms: number; p95Ms: number; meanMs: number }>;
  /** Size of the last publishDiagnostics message as JSON. */
  readonly diagnosticsJsonBytes: number;
  readonly peakRssMB?: number;
}

/**
 * The stages of one edit, from the server's timestamps (EditTimingsRequest)
 * and the bench's own around them; both clocks are epoch-based
 * (performance.timeOrigin + performance.now()), so they line up across the
 * two processes on one machine. `gc` overlaps the others.
 */
export const STAGES = {
  toServer: 'didChange sent by the bench until the server takes it (JSON, pipe, the message queue)',
  apply: 'the change applied to the 5 MB document (text and its line offsets)',
  wait: 'from the change to the start of its analysis (debounce and timer)',
  config: 'configuration in force resolved',
  parse: 'files read, iFlow reading updated for the edit',
  rules: 'rules run, findings built and suppressions applied',
  diagnostics: 'findings turned into LSP diagnostics and handed to the connection',
  send: 'diagnostics serialised and written to the pipe',
  toClient: 'from the pipe until the bench has the parsed diagnostics',
  gc: 'garbage-collection pauses in the server during the edit (overlaps the stages above)',
} as const;
export type Stage = keyof typeof STAGES;

function stagesOf(sent: number, timings: EditTimings, arrived: number): Record<Stage, number> {
  return {
    toServer: timings.received - sent,
    apply: timings.applied - timings.received,
    wait: timings.started - timings.applied,
    config: timings.configured - timings.started,
    parse: timings.read - timings.configured,
    rules: timings.analysed - timings.read,
    diagnostics: timings.built - timings.analysed,
    send: timings.written - timings.built,
    toClient: arrived - timings.written,
    gc: timings.gcMs,
  };
}

export async function measureEditLatency(options: EditOptions): Promise<EditResult> {
  rmSync(options.peakRssFile, { force: true });
  const session = await startServerSession({
    serverJs: options.serverJs,
    workspace: options.workspace,
    workspaceName: 'bench',
    initializationOptions: { editTimings: true },
    peakRss: { preload: options.peakRssPreload, file: options.peakRssFile },
  });
  const { connection } = session;
  const uri = pathToFileURL(options.iflowPath).href;

  try {
    const text = readFileSync(options.iflowPath, 'utf8');
    let version = 1;
    let started = performance.now();
    let pending = session.diagnosticsFor(uri, version);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cpi-iflow', version, text } });
    let published = await pending;
    const openMs = performance.now() - started;

    const lines = new LineStarts(text);
    const edits = planEdits(text, options.warmup + options.measured, seededRandom(options.seed));
    const times: number[] = [];
    const kinds: string[] = [];
    const stages: Record<Stage, number>[] = [];
    for (const edit of edits) {
      const range = { start: lines.position(edit.offset), end: lines.position(edit.offset + edit.remove) };
      version++;
      pending = session.diagnosticsFor(uri, version);
      const sent = epochNow();
      started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: edit.insert }],
      });
      published = await pending;
      times.push(performance.now() - started);
      kinds.push(edit.kind);
      // asked after the clock stopped: not part of the edit's time
      const timings = await connection.sendRequest(EditTimingsRequest.type, { uri });
      if (!timings || timings.version !== version)
        throw new Error(`the server's timings are for version ${timings?.version} instead of ${version}`);
      stages.push(stagesOf(sent, timings, published.arrived));
      lines.shift(edit.offset, edit.insert.length - edit.remove);
    }

    const measured = times.slice(options.warmup);
    const byKind: EditResult['byKind'] = {};
    for (const kind of new Set(kinds)) {
      const own = measured.filter((_, i) => kinds[i + options.warmup] === kind);
      if (own.length > 0) byKind[kind] = { count: own.length, p50Ms: percentile(own, 50), p95Ms: percentile(own, 95) };
    }
    const serverTimes = session.analysisTimes.slice(-measured.length);
    const measuredStages = stages.slice(options.warmup);
    const breakdown = {} as EditResult['breakdown'];
    for (const stage of Object.keys(STAGES) as Stage[]) {
      const values = measuredStages.map((edit) => edit[stage]);
      breakdown[stage] = {
        p50Ms: percentile(values, 50),
        p95Ms: percentile(values, 95),
        meanMs: values.reduce((sum, value) => sum + value, 0) / values.length,
      };
    }
    await session.shutdown();
    return {
      ...latencySummary(measured),
      openMs,
      serverAnalysisP50Ms: serverTimes.length === measured.length ? percentile(serverTimes, 50) : undefined,
      diagnostics: published.params.diagnostics.length,
      byKind,
      breakdown,
      diagnosticsJsonBytes: Buffer.byteLength(JSON.stringify(published.params)),
      iflowBytes: Buffer.byteLength(text),
      peakRssMB: peakRssMB(readIfThere(options.peakRssFile)),
    };
  } finally {
    session.dispose();
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
