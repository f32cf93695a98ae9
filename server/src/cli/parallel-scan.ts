// A large scan spread over threads, one per core: parsing and the rules are
// CPU work, independent per artifact. The main thread scans too; workers run
// the same bundle (this file's code is in server/out/cli.js). The parts are
// merged as one sequential scan would give them.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ScanReport } from '../engine/report';
import { finishScan, scanPart } from '../engine/scan';
import type { PartialScan, ScanOptions } from '../engine/scanner';
import type { ContentFile } from '../engine/source';
import { scanUnits, unitFileCount, type ScanUnit } from '../engine/units';
import { scanContext, type ScanRecipe } from './scan-setup';

/** Below this many files a scan stays in the main thread: sharing it out costs more than it saves. */
const PARALLEL_FROM_FILES = 200;
/** Workers beyond this add memory (a heap each) more than speed. */
const MAX_WORKERS = 4;
/** Units taken at a time: few enough to share the work evenly. */
const BATCH = 4;

const ROLE = 'cpi-security-lint/scan';

/**
 * A worker holds one artifact's texts and model at a time, a few MB even at
 * the size limit; a bounded young generation keeps each worker's heap, and
 * so the process's memory, from growing with the garbage of a long scan.
 * 16 MB against 48 MB: the bench scan's peak RSS 212 MB instead of 250 MB
 * on average over five runs each, at the same speed.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 };

/** Threads to scan `fileCount` files with when the user did not say. */
export function defaultJobs(fileCount: number): number {
  return fileCount < PARALLEL_FROM_FILES ? 1 : mostJobs();
}

const mostJobs = () => Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));

/**
 * Workers for a scan with `jobs` threads (absent: as many as a large scan
 * gets), started before the files are even found: a worker takes about as
 * long to start as finding a thousand artifacts, and both can happen at once.
 * Whatever the scan does not use is terminated by stopWorkers.
 */
export function startWorkers(jobs: number | undefined): Worker[] {
  return Array.from({ length: (jobs ?? mostJobs()) - 1 }, () => {
    const worker = new Worker(__filename, { workerData: { role: ROLE }, resourceLimits: WORKER_HEAP });
    // Listening from the start: a worker that fails before the scan needs it must not crash the process.
    let failure: Error | undefined;
    worker.on('error', (error) => (failure = error));
    endings.set(
      worker,
      new Promise((resolve) =>
        worker.once('exit', (code) => resolve(failure ?? new Error(`scan worker stopped (exit code ${code}) before it finished`))),
      ),
    );
    return worker;
  });
}

/** How each started worker ended, once it has: its error, or its exit code. */
const endings = new WeakMap<Worker, Promise<Error>>();

export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.terminate()));
}

/** ScanOptions as plain data, for a worker: the source and configurations by recipe, the date as text. */
type PortableOptions = Omit<ScanOptions, 'source' | 'configs' | 'now' | 'onProgress'> & { readonly now: string };

/** What a worker is sent once the files are found. */
interface ScanInput {
  readonly units: readonly ScanUnit[];
  /** Shared with every thread: the next unit to take, and files done. */
  readonly counters: Int32Array;
  readonly recipe: ScanRecipe;
  readonly options: PortableOptions;
}

type FromWorker = { readonly type: 'done'; readonly part: PartialScan };

/**
 * Scans `files` with the main thread and `workers` (from startWorkers),
 * which read as `recipe` says; the report equals scanFiles'. Threads take the next few units from a
 * shared counter, so no thread waits on another and none is left with all
 * the large ones. The workers are spent afterwards.
 */
export async function scanFilesInParallel(
  files: readonly ContentFile[],
  options: ScanOptions,
  recipe: ScanRecipe,
  workers: readonly Worker[],
): Promise<ScanReport> {
  const units = scanUnits(files);
  // [next unit to take, files done]
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { source, configs, now, onProgress, ...portable } = options;
  const input: ScanInput = { units, counters, recipe, options: { ...portable, now: now.toISOString() } };
  const finished = workers.map(
    (worker) =>
      new Promise<PartialScan>((resolve, reject) => {
        worker.once('message', (message: FromWorker) => resolve(message.part));
        void endings.get(worker)?.then(reject); // also when it ended before it was needed
        worker.postMessage(input);
      }),
  );
  try {
    const own = scanShare(units, counters, options, () => onProgress?.(Atomics.load(counters, 1), files.length));
    const parts = [own, ...(await Promise.all(finished))];
    onProgress?.(files.length, files.length);
    return finishScan(parts, options);
  } finally {
    await stopWorkers(workers);
  }
}

/** One thread's part of the scan: units taken from the shared counter, a few at a time, until none is left. */
function scanShare(units: readonly ScanUnit[], counters: Int32Array, options: ScanOptions, onUnit?: () => void): PartialScan {
  function* taken(): Generator<ScanUnit> {
    for (let first = Atomics.add(counters, 0, BATCH); first < units.length; first = Atomics.add(counters, 0, BATCH)) {
      for (let i = first; i < Math.min(first + BATCH, units.length); i++) yield units[i];
    }
  }
  return scanPart(taken(), options, (unit) => {
    Atomics.add(counters, 1, unitFileCount(unit));
    onUnit?.();
  });
}

/** Whether this thread is a scan worker started by scanFilesInParallel. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | undefined)?.role === ROLE;
}

/** The worker's side: once sent the units, scan its share of them and send its part back. */
export function runScanWorker(): void {
  parentPort!.once('message', (input: ScanInput) => {
    const options: ScanOptions = { ...input.options, now: new Date(input.options.now), ...scanContext(input.recipe) };
    parentPort!.postMessage({ type: 'done', part: scanShare(input.units, input.counters, options) } satisfies FromWorker);
  });
}
