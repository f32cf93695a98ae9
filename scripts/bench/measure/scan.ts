// Full-scan throughput of the command line over the workspace, cold: every
// run is a fresh `node server/out/cli.js` process writing a JSON report to a
// file (the page cache stays warm: dropping it needs root). The median of
// the runs is reported; bytes are those of the files the command line reads.
// The command line runs as a user would (its default: worker threads, one per
// core); `extraArgs: ['--jobs', '1']` measures one thread, to compare per core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, MB } from '../stats';
import { scannedFiles } from '../scanned-files';
import { timedNodeRun } from './processes';

export interface ScanResult {
  readonly files: number;
  readonly bytes: number;
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly mbPerSec: number;
  readonly filesPerSec: number;
  /** The highest of the runs. */
  readonly peakRssMB?: number;
  readonly findings: number;
}

export function measureScan(options: {
  cliJs: string;
  workspace: string;
  outDir: string;
  preload: string;
  runs: number;
  extraArgs?: readonly string[];
}): ScanResult {
  const files = scannedFiles(options.workspace);
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const report = join(options.outDir, 'scan-report.json');
  const runsMs: number[] = [];
  const rss: number[] = [];
  let findings = 0;
  for (let run = 0; run < options.runs; run++) {
    const result = timedNodeRun([options.cliJs, '--format', 'json', '--output', report, ...(options.extraArgs ?? []), '.'], {
      cwd: options.workspace,
      preload: options.preload,
      peakRssFile: join(options.outDir, 'scan-rss.txt'),
    });
    // 1 means findings at the --fail-on severity, the normal outcome here
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`the scan exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
    const summary = (
      JSON.parse(readFileSync(report, 'utf8')) as { summary: { scannedFiles: number; problems: number; notScanned: number } }
    ).summary;
    if (summary.scannedFiles + summary.notScanned !== files.length) {
      throw new Error(
        `the command line reports ${summary.scannedFiles} files scanned and ${summary.notScanned} not scanned; the benchmark counted ${files.length}`,
      );
    }
    findings = summary.problems;
    runsMs.push(result.wallMs);
    if (result.peakRssMB !== undefined) rss.push(result.peakRssMB);
  }
  const medianMs = median(runsMs);
  return {
    files: files.length,
    bytes,
    runsMs,
    medianMs,
    mbPerSec: bytes / MB / (medianMs / 1000),
    filesPerSec: files.length / (medianMs / 1000),
    peakRssMB: rss.length === options.runs ? Math.max(...rss) : undefined,
    findings,
  };
}
