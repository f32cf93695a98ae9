// A large scan spread over worker threads, one per core: parsing and the
// rules are CPU work, independent per artifact. Each worker runs the same
// bundle (this file's code is in server/out/cli.js) and asks the main thread
// for a few units at a time, so a worker with a large artifact does not hold
// up the others; the parts are merged as one sequential scan would give them.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ArchiveLimits } from './archive';
import { ConfigResolver, type ConfigRecipe } from './configuration';
import type { FoundFile } from './discover';
import type { ScanReport } from './report';
import { finishScan, scanPart, scanUnits, unitFileCount, type PartialScan, type ScanOptions, type ScanUnit } from './scan';

/** Below this many files a scan stays in the main thread: starting workers costs more than it saves. */
const PARALLEL_FROM_FILES = 200;
/** Workers beyond this add memory (a heap each) more than speed. */
const MAX_WORKERS = 4;
/** Units handed out at a time: few enough to share the work evenly, enough to keep messages rare. */
const BATCH = 4;

const ROLE = 'cpi-security-lint/scan';

/**
 * A worker holds one artifact's texts and model at a time, a few MB even at
 * the size limit; a small young generation keeps each worker's heap, and
 * so the process's memory, from growing with the garbage of a long scan.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 };

/** Threads to scan `fileCount` files with when the user did not say. */
export function defaultJobs(fileCount: number): number {
  return fileCount < PARALLEL_FROM_FILES ? 1 : Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

interface WorkerInput {
  readonly role: typeof ROLE;
  readonly units: readonly ScanUnit[];
  readonly config: ConfigRecipe;
  readonly root: string;
  readonly now: string;
  readonly limits?: ArchiveLimits;
  readonly reportUnusedSuppressions?: boolean;
  readonly maxFileSizeMB?: number;
  readonly raiseLimitWith?: string;
}

type FromWorker = { readonly type: 'next' } | { readonly type: 'done'; readonly part: PartialScan };
type ToWorker = { readonly type: 'units'; readonly indices: readonly number[] } | { readonly type: 'finish' };

/** Scans `files` with `jobs` worker threads (at most one per unit); the report equals scanFiles'. */
export async function scanFilesInParallel(files: readonly FoundFile[], options: ScanOptions, jobs: number): Promise<ScanReport> {
  const units = scanUnits(files);
  const input: WorkerInput = {
    role: ROLE,
    units,
    config: options.configs.recipe(),
    root: options.root,
    now: options.now.toISOString(),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.reportUnusedSuppressions ? { reportUnusedSuppressions: true } : {}),
    ...(options.maxFileSizeMB !== undefined ? { maxFileSizeMB: options.maxFileSizeMB } : {}),
    ...(options.raiseLimitWith !== undefined ? { raiseLimitWith: options.raiseLimitWith } : {}),
  };
  let next = 0;
  let done = 0;
  const total = files.length;
  const run = (worker: Worker) =>
    new Promise<PartialScan>((resolve, reject) => {
      let given: readonly number[] = [];
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'done') {
          resolve(message.part);
          return;
        }
        for (const index of given) done += unitFileCount(units[index]);
        if (given.length > 0) options.onProgress?.(done, total);
        given = Array.from({ length: Math.min(BATCH, units.length - next) }, () => next++);
        worker.postMessage((given.length > 0 ? { type: 'units', indices: given } : { type: 'finish' }) satisfies ToWorker);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`scan worker stopped (exit code ${code}) before it finished`)));
    });
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, units.length)) }, () => new Worker(__filename, { workerData: input, resourceLimits: WORKER_HEAP }));
  try {
    const parts = await Promise.all(workers.map(run));
    return finishScan(parts, options);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Whether this thread is a scan worker started by scanFilesInParallel. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | undefined)?.role === ROLE;
}

/** The worker's side: scan the units the main thread hands out, then send the part back. */
export function runScanWorker(): void {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const options: ScanOptions = {
    root: input.root,
    now: new Date(input.now),
    configs: ConfigResolver.fromRecipe(input.config),
    ...(input.limits ? { limits: input.limits } : {}),
    ...(input.reportUnusedSuppressions ? { reportUnusedSuppressions: true } : {}),
    ...(input.maxFileSizeMB !== undefined ? { maxFileSizeMB: input.maxFileSizeMB } : {}),
    ...(input.raiseLimitWith !== undefined ? { raiseLimitWith: input.raiseLimitWith } : {}),
  };
  const parts: PartialScan[] = [];
  port.on('message', (message: ToWorker) => {
    if (message.type === 'units') {
      parts.push(scanPart(message.indices.map((index) => input.units[index]), options));
      port.postMessage({ type: 'next' } satisfies FromWorker);
      return;
    }
    const part: PartialScan = {
      report: mergedReports(parts.map((p) => p.report), input.root),
      configsSeen: [...new Set(parts.flatMap((p) => p.configsSeen))],
      usedSuppressions: [...new Set(parts.flatMap((p) => p.usedSuppressions))],
    };
    port.postMessage({ type: 'done', part } satisfies FromWorker);
  });
  port.postMessage({ type: 'next' } satisfies FromWorker);
}

function mergedReports(reports: readonly ScanReport[], root: string): ScanReport {
  return {
    root,
    scanned: reports.flatMap((report) => report.scanned),
    findings: reports.flatMap((report) => report.findings),
    suppressed: reports.flatMap((report) => report.suppressed),
    fileErrors: reports.flatMap((report) => report.fileErrors),
    notes: reports.flatMap((report) => report.notes),
  };
}
