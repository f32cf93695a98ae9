// Speed and memory of the analysis core, measured outside the test suite:
//  1. edit latency: re-analysing a large iFlow after a small edit, the way
//     the language server does on every change (the previous parse is
//     updated, see updateParsedIflow), at the start, middle and end of the
//     file; a full re-read and analysis is shown for comparison;
//  2. scan throughput over real iFlows (../shared/corpus when present),
//     compared with the bare XML parse (the physical limit).
// Each measurement runs in a process of its own: saxes's hot code adapts to
// the parser objects it sees, and a bare parser (never used in production)
// next to the reader's would slow down whichever runs second.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, updateParsedIflow } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { largeIflow } from './synthetic-iflow';

const TARGET_BYTES = Number(process.env.BENCH_IFLOW_BYTES ?? 5 * 1024 * 1024);
const URI = 'file:///bench/src/main/resources/scenarioflows/integrationflow/Bench.iflw';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const summary = (times: number[]) => `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;

/** Edits typed into the file one after another, near its start, middle and end: a scheme toggled, a line break added and removed. */
function edits(text: string): ((current: string) => string)[] {
  const channels = text.split('<bpmn2:messageFlow ').length - 1;
  const hosts = [1, Math.floor(channels / 2) | 1, (channels - 3) | 1].map((i) => `://backend${i}.example.com`);
  return hosts.flatMap((host) => [
    (current: string) => {
      const at = current.indexOf(host);
      return current.startsWith('https', at - 5) ? current.slice(0, at - 5) + 'http' + current.slice(at) : current.slice(0, at - 4) + 'https' + current.slice(at);
    },
    (current: string) => {
      const at = current.indexOf(host) + host.length;
      return current.slice(0, at) + '\n' + current.slice(at);
    },
    (current: string) => {
      const at = current.indexOf(host) + host.length;
      return current.slice(0, at) + current.slice(at + 1); // the line break added before
    },
  ]);
}

function editLatency(): void {
  const text = largeIflow(TARGET_BYTES);
  const steps = edits(text);
  let parsed = parseIflow(URI, text);
  analyseArtifact({ iflows: [parsed], config: DEFAULT_CONFIG });
  const times: number[] = [];
  for (let i = 0; i < 45; i++) {
    const edited = steps[i % steps.length](parsed.text);
    const started = performance.now();
    parsed = updateParsedIflow(parsed, edited);
    analyseArtifact({ iflows: [parsed], config: DEFAULT_CONFIG });
    times.push(performance.now() - started);
  }
  // Typing that breaks the XML inside one channel for a moment: a "<" typed and removed again.
  const broken: number[] = [];
  const middle = `://backend${Math.floor((parsed.text.split('<bpmn2:messageFlow ').length - 1) / 2) | 1}.example.com`;
  const at = parsed.text.indexOf(middle) + middle.indexOf('.example');
  for (let i = 0; i < 24; i++) {
    const edited = i % 2 === 0 ? parsed.text.slice(0, at) + '<' + parsed.text.slice(at) : parsed.text.slice(0, at) + parsed.text.slice(at + 1);
    const started = performance.now();
    parsed = updateParsedIflow(parsed, edited);
    analyseArtifact({ iflows: [parsed], config: DEFAULT_CONFIG });
    broken.push(performance.now() - started);
  }
  const full: number[] = [];
  for (let i = 0; i < 8; i++) {
    const started = performance.now();
    analyseArtifact({ iflows: [parseIflow(URI, parsed.text)], config: DEFAULT_CONFIG });
    full.push(performance.now() - started);
  }
  const measured = times.slice(9); // the first runs warm up the JIT
  console.log(`edit latency, ${(text.length / 1024 / 1024).toFixed(1)} MB iFlow: ${summary(measured)} (target p95 < 50 ms); full re-read and analysis: ${summary(full.slice(2))}`);
  console.log(`edit latency while a typed "<" breaks the XML in one channel: ${summary(broken.slice(4))}`);
  (globalThis as { gc?: () => void }).gc?.(); // what stays alive, not garbage awaiting collection
  console.log(`heap after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB (the 5 MB iFlow read, with findings)`);
}

function iflowsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? iflowsUnder(path) : name.endsWith('.iflw') ? [path] : [];
  });
}

function corpusTexts(): string[] | undefined {
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');
  return existsSync(corpus) ? iflowsUnder(corpus).map((path) => readFileSync(path, 'utf8')) : undefined;
}

/** Median time of five passes over the corpus after a warm-up pass. */
function scanTime(texts: string[], work: (text: string) => void): number {
  const pass = () => {
    const started = performance.now();
    for (const text of texts) work(text);
    return performance.now() - started;
  };
  pass();
  return percentile(Array.from({ length: 5 }, pass), 50);
}

const bareParse = (text: string) => {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let count = 0;
  parser.on('opentag', () => count++);
  parser.on('error', () => undefined);
  parser.write(text).close();
};

const fullAnalysis = (text: string) => analyseArtifact({ iflows: [parseIflow('file:///c/a.iflw', text)], config: DEFAULT_CONFIG });

/** Runs this script again for one measurement; it prints the time in ms. */
function measuredApart(mode: string): number {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, mode], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench ${mode} failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

function throughput(): void {
  const texts = corpusTexts();
  if (!texts) {
    console.log('scan throughput: skipped (no ../shared/corpus)');
    return;
  }
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const bare = measuredApart('scan-bare');
  const full = measuredApart('scan-analysis');
  const mbps = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(1);
  console.log(`scan throughput over ${texts.length} iFlows (${(bytes / 1024 / 1024).toFixed(1)} MB): analysis ${mbps(full)} MB/s, bare parse ${mbps(bare)} MB/s (${((bare / full) * 100).toFixed(0)}% of the limit)`);
}

const mode = process.argv[2];
if (mode === 'scan-bare') console.log(scanTime(corpusTexts()!, bareParse));
else if (mode === 'scan-analysis') console.log(scanTime(corpusTexts()!, fullAnalysis));
else {
  // BENCH_ONLY=edit or BENCH_ONLY=scan runs one half (for profiling).
  const only = process.env.BENCH_ONLY;
  if (only !== 'scan') editLatency();
  if (only !== 'edit') throughput();
}
