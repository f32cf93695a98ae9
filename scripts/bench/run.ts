// `npm run bench`: the issue's measures in one run on this machine, over
// generated workloads (fixed seed, cached in .cache/bench/workload):
//   edit    edit-to-diagnostics latency of the language server (5 MB iFlow)
//   scan    cold command-line scan of 1,000 artifacts, the bare saxes parse
//           of the same files, and the peak memory of both processes
//   package .vsix size and the extension's activation time (real VS Code)
//   tenant  a --tenant scan of a local fake tenant: 500 iFlows, 50 ms per request
//   scripts the Groovy lexer alone over the script corpus (../shared/corpus/scripts):
//           the bare-read reference for script scans; and a scan's work on the same
//           scripts (reading and every script rule), in memory, their rounds
//           alternated so that each pair gives a ratio (measure/script-ratio.ts)
//   script-edit  edit-to-diagnostics latency of the language server on a generated
//           5,000-line Groovy script
// Prints a table against the targets; `--json <file>` writes the numbers.
// `--only edit,scan,package,tenant,scripts,script-edit` (or BENCH_ONLY=...) runs some parts only (for
// profiling); BENCH_SERVER_ARGS passes Node options to the measured server,
// BENCH_CLI_ARGS to the command line of the tenant scan (BENCH_TENANT_LOG=1
// prints when its downloads ran).
// Exits 1 when a target is missed.
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { measureActivation } from './measure/activation';
import { measureBareParse, type BareParseResult } from './measure/bare-parse';
import { measureEditLatency, STAGES, type EditResult } from './measure/edit';
import { measureVsix } from './measure/package';
import { measureScan, type ScanResult } from './measure/scan';
import { measureScriptEditLatency } from './measure/script-edit';
import { scriptCorpus } from './measure/script-lex';
import { measureScriptRatio } from './measure/script-ratio';
import { measureTenantScan, type TenantScanResult } from './measure/tenant';
import { verdict, writeJson, type Metrics } from './report';
import { MB } from './stats';
import { ensureWorkloads } from './workload/cache';
import { BENCH_SEED, FULL_WORKSPACE, LARGE_IFLOW } from './workload/workspace';

// bundled to .cache/bench/run.js by scripts/bench.mjs
const REPO = resolve(__dirname, '..', '..');
const CACHE = join(REPO, '.cache', 'bench');
const OUT = join(CACHE, 'out');
const PRELOAD = join(REPO, 'scripts', 'bench', 'peak-rss.cjs');
const PARTS = ['edit', 'scan', 'package', 'tenant', 'scripts', 'script-edit'] as const;
type Part = (typeof PARTS)[number];

const log = (message: string) => console.log(`[bench] ${message}`);

function jsonPath(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === '--json' || arg.startsWith('--json='));
  if (at < 0) return undefined;
  const path = argv[at].startsWith('--json=') ? argv[at].slice('--json='.length) : argv[at + 1];
  if (!path) throw new Error('--json needs a file name');
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** `--only edit,scan` (or `--only=...`), else BENCH_ONLY, else every part. */
function parts(argv: readonly string[]): Set<Part> {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  const list = at < 0 ? process.env.BENCH_ONLY : argv[at].startsWith('--only=') ? argv[at].slice('--only='.length) : argv[at + 1];
  if (at >= 0 && !list) throw new Error(`--only needs parts: ${PARTS.join(', ')}`);
  const only = list
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!only) return new Set(PARTS);
  const unknown = only.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
  return new Set(only as Part[]);
}

async function timed<T>(what: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  log(`${what} ...`);
  const result = await work();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const round = (value: number | undefined | null, digits = 2) =>
  value === undefined || value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));

function roundedBreakdown(breakdown: EditResult['breakdown']) {
  return Object.fromEntries(
    Object.entries(breakdown).map(([stage, t]) => [stage, { p50Ms: round(t.p50Ms), p95Ms: round(t.p95Ms), meanMs: round(t.meanMs) }]),
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  const json = jsonPath(process.argv.slice(2));
  const run = parts(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  log(`node ${process.version}, ${cpus().length} cores; parts: ${[...run].join(', ')}`);

  const workloads = await timed('workloads', () => ensureWorkloads(CACHE, FULL_WORKSPACE, log));
  log(`workloads ${workloads.generated ? 'generated' : 'reused (stamp matches)'}: ${workloads.workspace}`);

  // Production bundles, as the .vsix ships them; `npm run package` builds them too.
  let vsix: ReturnType<typeof measureVsix> | undefined;
  if (run.has('package')) vsix = await timed('npm run package', () => measureVsix(REPO));
  else {
    const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--production'], { cwd: REPO, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the production build failed');
  }
  const serverJs = join(REPO, 'server', 'out', 'server.js');
  const cliJs = join(REPO, 'server', 'out', 'cli.js');

  let edit: EditResult | undefined;
  if (run.has('edit')) {
    edit = await timed('edit latency (LSP over stdio)', () =>
      measureEditLatency({
        serverJs,
        peakRssPreload: PRELOAD,
        peakRssFile: join(OUT, 'server-rss.txt'),
        workspace: workloads.editWorkspace,
        iflowPath: workloads.largeIflow,
        seed: BENCH_SEED,
        warmup: 20,
        measured: 200,
      }),
    );
  }
  let scan: ScanResult | undefined;
  let scanOneThread: ScanResult | undefined;
  let bare: BareParseResult | undefined;
  let fastParse: BareParseResult | undefined;
  if (run.has('scan')) {
    scan = await timed('scan (3 fresh CLI processes)', () =>
      measureScan({ cliJs, workspace: workloads.workspace, outDir: OUT, preload: PRELOAD, runs: 3 }),
    );
    scanOneThread = await timed('scan with --jobs 1 (3 fresh CLI processes)', () =>
      measureScan({ cliJs, workspace: workloads.workspace, outDir: OUT, preload: PRELOAD, runs: 3, extraArgs: ['--jobs', '1'] }),
    );
    bare = await timed('bare parse (3 fresh processes)', () =>
      measureBareParse({ script: join(CACHE, 'bare-parse.js'), workspace: workloads.workspace, outDir: OUT, preload: PRELOAD, runs: 3 }),
    );
    fastParse = await timed('bare parse with the fast reader (3 fresh processes)', () =>
      measureBareParse({
        script: join(CACHE, 'bare-parse.js'),
        workspace: workloads.workspace,
        outDir: OUT,
        preload: PRELOAD,
        runs: 3,
        fast: true,
      }),
    );
    if (fastParse.elements !== bare.elements)
      throw new Error(`the fast reader found ${fastParse.elements} elements where saxes found ${bare.elements}`);
  }
  let tenant: TenantScanResult | undefined;
  if (run.has('tenant')) {
    tenant = await timed('tenant scan (fake tenant, 500 iFlows, 50 ms per request, 3 fresh CLI processes)', () =>
      measureTenantScan({ cliJs, repo: REPO, outDir: OUT, iflows: 500, latencyMs: 50, runs: 3 }),
    );
  }
  let scriptRatio: ReturnType<typeof measureScriptRatio> | undefined;
  if (run.has('scripts'))
    scriptRatio = await timed('Groovy lexer and script scan over the script corpus, alternated (in process)', () =>
      measureScriptRatio(scriptCorpus(REPO)),
    );
  const scripts = scriptRatio && 'ratio' in scriptRatio ? scriptRatio : undefined;
  const lexed = scripts?.lex;
  const scriptScanned = scripts?.scan;
  let scriptEdit: Awaited<ReturnType<typeof measureScriptEditLatency>> | undefined;
  if (run.has('script-edit')) {
    scriptEdit = await timed('script edit latency (LSP over stdio, 5,000-line Groovy script)', () =>
      measureScriptEditLatency({ serverJs, folder: join(CACHE, 'script-edit'), lines: 5000, seed: BENCH_SEED, warmup: 20, measured: 200 }),
    );
  }
  let activation: ReturnType<typeof measureActivation> | undefined;
  if (run.has('package')) activation = await timed('activation (e2e harness)', () => measureActivation(REPO, OUT));

  const metrics: Metrics = {
    editP50Ms: round(edit?.p50Ms),
    editP95Ms: round(edit?.p95Ms),
    scanMBps: round(scan?.mbPerSec),
    scanFilesPerSec: round(scan?.filesPerSec, 1),
    bareParseMBps: round(bare?.mbPerSec),
    scanToParseRatio: scan && bare ? round(scan.mbPerSec / bare.mbPerSec, 3) : null,
    scanOneThreadMBps: round(scanOneThread?.mbPerSec),
    scanOneThreadToParseRatio: scanOneThread && bare ? round(scanOneThread.mbPerSec / bare.mbPerSec, 3) : null,
    fastParseMBps: round(fastParse?.mbPerSec),
    scanOneThreadToFastParseRatio: scanOneThread && fastParse ? round(scanOneThread.mbPerSec / fastParse.mbPerSec, 3) : null,
    serverPeakRssMB: round(edit?.peakRssMB, 1),
    scanPeakRssMB: round(scan?.peakRssMB, 1),
    vsixBytes: vsix?.value ?? null,
    activationMs: round(activation?.value ?? undefined),
    tenantScanSeconds: round(tenant?.seconds),
    tenantRequests: tenant?.requests ?? null,
    scriptLexMBps: round(lexed?.mbPerSec),
    scriptScanMBps: round(scriptScanned?.mbPerSec),
    scriptScanToLexRatio: round(scripts?.ratio, 3),
    scriptScanToLexRatioRange: scripts ? [Number(scripts.ratioMin.toFixed(3)), Number(scripts.ratioMax.toFixed(3))] : null,
    scriptEditP50Ms: round(scriptEdit?.p50Ms),
    scriptEditP95Ms: round(scriptEdit?.p95Ms),
  };
  const partOf: Record<keyof Metrics, Part> = {
    editP50Ms: 'edit',
    editP95Ms: 'edit',
    serverPeakRssMB: 'edit',
    scanMBps: 'scan',
    scanFilesPerSec: 'scan',
    bareParseMBps: 'scan',
    scanToParseRatio: 'scan',
    scanOneThreadMBps: 'scan',
    scanOneThreadToParseRatio: 'scan',
    fastParseMBps: 'scan',
    scanOneThreadToFastParseRatio: 'scan',
    scanPeakRssMB: 'scan',
    vsixBytes: 'package',
    activationMs: 'package',
    tenantScanSeconds: 'tenant',
    tenantRequests: 'tenant',
    scriptLexMBps: 'scripts',
    scriptScanMBps: 'scripts',
    scriptScanToLexRatio: 'scripts',
    scriptScanToLexRatioRange: 'scripts',
    scriptEditP50Ms: 'script-edit',
    scriptEditP95Ms: 'script-edit',
  };
  const result = verdict(metrics, (key) => run.has(partOf[key]));
  const totalS = (performance.now() - started) / 1000;

  console.log('');
  console.log(result.table);
  console.log('');
  if (edit) {
    console.log(
      `edits: ${edit.samples} measured after 20 warm-up, ${(edit.iflowBytes / 1024 / 1024).toFixed(2)} MB iFlow with ${LARGE_IFLOW.channels} channels, ${edit.diagnostics} diagnostics;`,
    );
    console.log(
      `  max ${edit.maxMs.toFixed(1)} ms, open (full read) ${edit.openMs.toFixed(0)} ms, server's own analysis time p50 ${edit.serverAnalysisP50Ms?.toFixed(1) ?? 'n/a'} ms`,
    );
    console.log(
      `  by kind: ${Object.entries(edit.byKind)
        .map(([kind, t]) => `${kind} ${t.p50Ms.toFixed(0)}/${t.p95Ms.toFixed(0)} ms (${t.count})`)
        .join(', ')} (p50/p95)`,
    );
    console.log(
      `  by stage: ${Object.entries(edit.breakdown)
        .map(([stage, t]) => `${stage} ${t.meanMs.toFixed(1)}/${t.p50Ms.toFixed(1)}/${t.p95Ms.toFixed(1)}`)
        .join(', ')} ms (mean/p50/p95; gc overlaps the rest)`,
    );
    console.log(`  diagnostics message: ${(edit.diagnosticsJsonBytes / 1024).toFixed(0)} KB of JSON`);
  }
  if (scan && bare) {
    console.log(
      `scan: ${scan.files} files, ${(scan.bytes / 1024 / 1024).toFixed(1)} MB, ${scan.findings} findings; runs ${scan.runsMs.map((t) => t.toFixed(0)).join(', ')} ms (median used), worker threads: one per core (${cpus().length})`,
    );
    if (scanOneThread)
      console.log(
        `scan with --jobs 1: runs ${scanOneThread.runsMs.map((t) => t.toFixed(0)).join(', ')} ms, peak RSS ${scanOneThread.peakRssMB?.toFixed(0) ?? 'n/a'} MB`,
      );
    console.log(
      `bare parse: ${bare.files} files, ${(bare.bytes / 1024 / 1024).toFixed(1)} MB, ${bare.elements} elements; runs ${bare.runsMs.map((t) => t.toFixed(0)).join(', ')} ms, peak RSS ${bare.peakRssMB?.toFixed(0) ?? 'n/a'} MB`,
    );
    if (fastParse)
      console.log(
        `bare parse with the fast reader: ${fastParse.elements} elements, ${fastParse.leftToSaxes} files left to saxes; runs ${fastParse.runsMs.map((t) => t.toFixed(0)).join(', ')} ms`,
      );
  }
  if (tenant) {
    console.log(
      `tenant scan: ${tenant.iflows} iFlows, ${tenant.latencyMs} ms per request; runs ${tenant.runsS.map((t) => t.toFixed(1)).join(', ')} s (median used); ${tenant.requests} requests (at most ${tenant.maxInFlight} at once), ${tenant.scannedFiles} files, ${tenant.findings} findings`,
    );
  }
  if (scriptRatio && 'reason' in scriptRatio) console.log(`Groovy lexer and script scan: not measured: ${scriptRatio.reason}`);
  if (scripts && lexed && scriptScanned) {
    console.log(
      `Groovy lexer: ${lexed.files} scripts, ${(lexed.bytes / 1024 / 1024).toFixed(2)} MB, ${lexed.tokens} tokens; script scan: ${scriptScanned.findings} findings; each the median of its ${lexed.roundsMs.length} rounds, alternated with the other's, after warm-up`,
    );
    console.log(
      `  script scan / bare lexer: median of the ${scripts.pairRatios.length} pairs' ratios ${scripts.ratio.toFixed(3)}, range ${scripts.ratioMin.toFixed(3)}–${scripts.ratioMax.toFixed(3)}`,
    );
    const byCost = Object.entries(scriptScanned.ruleMs).sort((a, b) => b[1] - a[1]);
    console.log(
      `  rules over the corpus: ${byCost.map(([id, t]) => `${id} ${t.toFixed(0)}`).join(', ')} ms (reading alone: ${lexed ? ((lexed.bytes / MB / lexed.mbPerSec) * 1000).toFixed(0) : 'n/a'} ms)`,
    );
  }
  if (scriptEdit)
    console.log(
      `script edits: ${scriptEdit.samples} measured after 20 warm-up, ${scriptEdit.lines} lines (${(scriptEdit.bytes / 1024).toFixed(0)} KB), ${scriptEdit.diagnostics} diagnostics; max ${scriptEdit.maxMs.toFixed(1)} ms, open ${scriptEdit.openMs.toFixed(0)} ms`,
    );
  if (vsix && vsix.value === null) console.log(`.vsix: not measured: ${vsix.reason}`);
  if (activation && activation.value === null) console.log(`activation: not measured: ${activation.reason}`);
  console.log('MB = 1,048,576 bytes. Times are wall-clock on this machine; scans are fresh processes with the page cache warm.');
  console.log(`bench took ${totalS.toFixed(0)} s`);

  if (json) {
    writeJson(json, metrics, {
      seed: BENCH_SEED,
      node: process.version,
      cores: cpus().length,
      parts: [...run],
      benchSeconds: round(totalS, 1),
      edit: edit && {
        samples: edit.samples,
        warmup: 20,
        maxMs: round(edit.maxMs),
        openMs: round(edit.openMs),
        serverAnalysisP50Ms: round(edit.serverAnalysisP50Ms),
        iflowBytes: edit.iflowBytes,
        channels: LARGE_IFLOW.channels,
        diagnostics: edit.diagnostics,
        byKind: edit.byKind,
        breakdown: roundedBreakdown(edit.breakdown),
        stages: STAGES,
        diagnosticsJsonBytes: edit.diagnosticsJsonBytes,
      },
      scan: scan && {
        files: scan.files,
        bytes: scan.bytes,
        findings: scan.findings,
        runsMs: scan.runsMs.map((t) => round(t, 1)),
        artifacts: FULL_WORKSPACE.artifacts,
        threads: cpus().length,
      },
      scanOneThread: scanOneThread && {
        runsMs: scanOneThread.runsMs.map((t) => round(t, 1)),
        peakRssMB: round(scanOneThread.peakRssMB, 1),
      },
      bareParse: bare && {
        parser: 'saxes',
        files: bare.files,
        bytes: bare.bytes,
        elements: bare.elements,
        runsMs: bare.runsMs.map((t) => round(t, 1)),
        peakRssMB: round(bare.peakRssMB, 1),
      },
      fastParse: fastParse && {
        parser: 'fast reader, saxes for what it leaves',
        elements: fastParse.elements,
        leftToSaxes: fastParse.leftToSaxes,
        runsMs: fastParse.runsMs.map((t) => round(t, 1)),
      },
      tenant: tenant && {
        iflows: tenant.iflows,
        latencyMs: tenant.latencyMs,
        runsS: tenant.runsS.map((t) => round(t, 2)),
        maxInFlight: tenant.maxInFlight,
        scannedFiles: tenant.scannedFiles,
        findings: tenant.findings,
      },
      scriptLex: lexed && {
        files: lexed.files,
        bytes: lexed.bytes,
        tokens: lexed.tokens,
        roundsMs: lexed.roundsMs.map((t) => round(t, 1)),
      },
      scriptScan: scriptScanned && {
        files: scriptScanned.files,
        findings: scriptScanned.findings,
        roundsMs: scriptScanned.roundsMs.map((t) => round(t, 1)),
        // scriptLex.roundsMs[i] and this round i were taken one right after the other
        pairRatios: scripts?.pairRatios.map((r) => round(r, 3)),
        ruleMs: Object.fromEntries(Object.entries(scriptScanned.ruleMs).map(([id, t]) => [id, round(t, 1)])),
      },
      scriptEdit: scriptEdit && {
        samples: scriptEdit.samples,
        warmup: 20,
        lines: scriptEdit.lines,
        bytes: scriptEdit.bytes,
        diagnostics: scriptEdit.diagnostics,
        maxMs: round(scriptEdit.maxMs),
        openMs: round(scriptEdit.openMs),
      },
      notMeasured: {
        vsix: vsix?.value === null ? vsix.reason : undefined,
        activation: activation?.value === null ? activation.reason : undefined,
        scriptLex: scriptRatio && 'reason' in scriptRatio ? scriptRatio.reason : undefined,
      },
    });
    log(`wrote ${json}`);
  }
  if (result.missed.length > 0) {
    console.log(`targets missed: ${result.missed.join('; ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
