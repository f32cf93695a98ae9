// The command line from arguments to exit code. Output formats, discovery,
// scanning and baselines live in their own modules; this only wires them.
//
// Decisions: a --config that cannot be read or is not JSON stops the run
// (exit 2); a discovered .cpisecurity.json with problems is reported on
// stderr and what is valid in it applies, as in the editor. Expired and
// unused suppressions are warnings and never change the exit code, and so are
// files skipped for their size (skipped on purpose, by configuration). Writing
// a baseline exits 0. Exit 2 for bad input only when no file could be scanned.
// A rule that threw leaves the analysis incomplete, which must not pass as
// clean (nor as a mere finding): exit 2, even when writing a baseline.
// So does a tenant scan that could not read all it was asked for: it reports
// what it read, then exits 2.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { severityRank } from '@cpi/common/findings';
import { ChangedFilesError, changedSince, filesOfChangedUnits } from './changed-files';
import { applyBaseline, BaselineError, readBaseline, writeBaseline, type BaselineEntry } from './baseline';
import { discoverFiles } from '../engine/discover';
import { noteWhere, type FileNote, type ScanReport } from '../engine/report';
import { scanFiles } from '../engine/scan';
import type { ScanOptions } from '../engine/scanner';
import { displayPath, fileUri } from '../engine/uri';
import { FORMATTERS } from './formats';
import { HELP, parseOptions, UsageError, type CliOptions } from './options';
import { progressOn } from './progress';
import type { Worker } from 'node:worker_threads';
import { defaultJobs, scanFilesInParallel, startWorkers, stopWorkers } from './parallel-scan';
import { scanContext, UnreadableConfig, type ScanRecipe } from './scan-setup';
import { shownArgument } from './shown-argument';
import { TOOL_NAME, toolVersion } from './version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly now: Date;
}

/** Writes `message` as the tool's error and gives the exit code for bad input. */
function failed(io: CliIo, message: string): number {
  io.stderr.write(`${TOOL_NAME}: ${message}\n`);
  return EXIT_USAGE;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => failed(io, message);
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\nRun "${TOOL_NAME} --help" for usage.`);
    throw error;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT_OK;
  }

  let baseline: BaselineEntry[] | undefined;
  try {
    if (options.baseline !== undefined) baseline = readBaseline(resolve(io.cwd, options.baseline));
  } catch (error) {
    if (error instanceof BaselineError) return fail(error.message);
    throw error;
  }

  if (options.tenant !== undefined) {
    // Loaded here, not at the top: the tenant client and its HTTP stack (undici, TLS, HTTP/2)
    // cost every file scan and --version their start-up time. The bundle keeps the module
    // lazily initialised, so nothing of it runs until a tenant is scanned.
    const { runTenantScan } = await import('./tenant-scan');
    const run = await runTenantScan(
      { ...options, tenant: options.tenant },
      options.config !== undefined ? resolve(io.cwd, options.config) : undefined,
      io,
    );
    if ('failed' in run) {
      failed(io, run.failed);
      return run.exitCode ?? EXIT_USAGE;
    }
    return reportScan(run.report, options, io, { baseline, incomplete: run.incomplete });
  }

  // Workers start while the files are being found, and stop when the scan does not need them.
  const workers = options.jobs === 1 ? [] : startWorkers(options.jobs);
  try {
    return await scanAndReport(options, io, workers, baseline);
  } finally {
    await stopWorkers(workers);
  }
}

async function scanAndReport(
  options: CliOptions,
  io: CliIo,
  workers: readonly Worker[],
  baseline: BaselineEntry[] | undefined,
): Promise<number> {
  const fail = (message: string) => failed(io, message);
  const discovery = discoverFiles(options.paths, io.cwd);
  if (discovery.missing.length > 0)
    return fail(discovery.missing.map((path) => `no such file or folder: ${shownArgument(path)}`).join('\n'));
  for (const path of discovery.unsupported)
    io.stderr.write(`${TOOL_NAME}: skipped ${path}: not an iFlow, parameters.prop, certificate or zip\n`);

  let files = discovery.files;
  if (options.changedSince !== undefined) {
    try {
      files = filesOfChangedUnits(files, changedSince(options.changedSince, io.cwd));
    } catch (error) {
      if (error instanceof ChangedFilesError) return fail(error.message);
      throw error;
    }
    io.stderr.write(
      `${TOOL_NAME}: ${files.length} of ${discovery.files.length} files are in artifacts changed since ${options.changedSince}\n`,
    );
  }

  const recipe: ScanRecipe = {
    ...(options.config !== undefined ? { explicitConfigPath: resolve(io.cwd, options.config) } : {}),
    rootPath: io.cwd,
    listedFolders: [...discovery.listedFolders],
  };
  let context;
  try {
    context = scanContext(recipe);
  } catch (error) {
    if (error instanceof UnreadableConfig) return fail(error.message);
    throw error;
  }

  const progress = progressOn(io.stderr);
  const scanOptions: ScanOptions = {
    root: io.cwd,
    now: io.now,
    ...context,
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    ...(options.maxFileSizeMB !== undefined ? { maxFileSizeMB: options.maxFileSizeMB } : {}),
    onProgress: (done, total) => progress.update(done, total),
  };
  const jobs = Math.min(options.jobs ?? defaultJobs(files.length), workers.length + 1);
  const report =
    jobs > 1 ? await scanFilesInParallel(files, scanOptions, recipe, workers.slice(0, jobs - 1)) : scanFiles(files, scanOptions);
  progress.clear();
  for (const problem of discovery.problems) {
    const uri = fileUri(problem.path);
    report.fileErrors.push({ kind: 'unreadable', severity: 'error', path: displayPath(uri, io.cwd), uri, message: problem.message });
  }
  return reportScan(report, options, io, { baseline, incomplete: false });
}

/**
 * Baselines, output and exit code of a scan, from files or a tenant.
 * `baseline`: the one --baseline names, read before the scan. `incomplete`:
 * something the scan was asked to read could not be (exit 2 after the report).
 */
function reportScan(
  report: ScanReport,
  options: CliOptions,
  io: CliIo,
  { baseline, incomplete }: { baseline?: BaselineEntry[]; incomplete: boolean },
): number {
  const fail = (message: string) => failed(io, message);

  if (options.writeBaseline !== undefined) {
    try {
      writeBaseline(resolve(io.cwd, options.writeBaseline), report.findings, toolVersion());
    } catch (error) {
      if (error instanceof BaselineError) return fail(error.message);
      throw error;
    }
    io.stderr.write(`${TOOL_NAME}: wrote ${report.findings.length} findings to the baseline ${options.writeBaseline}\n`);
  }
  if (baseline) {
    const { fresh, known } = applyBaseline(report.findings, baseline);
    report.findings = fresh;
    report.baseline = { path: options.baseline!, known };
  }

  // Warnings go to stderr whatever the format, so they are seen when the report goes to a file or a tool.
  for (const note of report.notes) io.stderr.write(`${noteText(note)}\n`);
  if (options.format !== 'text') for (const note of report.fileErrors) io.stderr.write(`${noteText(note)}\n`);

  const output = FORMATTERS[options.format]({
    report,
    failOn: options.failOn,
    toolVersion: toolVersion(),
    ...(options.linkBase !== undefined ? { linkBase: options.linkBase } : {}),
  });
  if (options.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, options.output), output);
    } catch (error) {
      return fail(`cannot write ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else io.stdout.write(output);

  return incomplete ? EXIT_USAGE : exitCode(report, options);
}

function noteText(note: FileNote): string {
  return `${noteWhere(note)}: ${note.severity}: ${note.message}`;
}

function exitCode(report: ScanReport, options: CliOptions): number {
  if (report.scanned.length === 0 && report.fileErrors.length > 0) return EXIT_USAGE;
  if (report.notes.some((note) => note.kind === 'rule-failure')) return EXIT_USAGE;
  if (options.writeBaseline !== undefined) return EXIT_OK;
  const threshold = severityRank(options.failOn);
  return report.findings.some((finding) => severityRank(finding.severity) >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}
