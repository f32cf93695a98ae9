// Throughput of the bare parse (scripts/bench/bare-parse.ts) over the same
// files, timed exactly like the scan: fresh processes, median wall time.
import { join } from 'node:path';
import { median, MB } from '../stats';
import { timedNodeRun } from './processes';

export interface BareParseResult {
  readonly files: number;
  readonly bytes: number;
  readonly elements: number;
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly mbPerSec: number;
  readonly peakRssMB?: number;
  /** With `fast`: XML files the fast reader left to saxes. */
  readonly leftToSaxes: number;
}

/** `fast`: the iFlow reader's own fast reader instead of saxes (see scripts/bench/bare-parse.ts). */
export function measureBareParse(options: {
  script: string;
  workspace: string;
  outDir: string;
  preload: string;
  runs: number;
  fast?: boolean;
}): BareParseResult {
  const runsMs: number[] = [];
  let counts = { files: 0, bytes: 0, elements: 0, errors: 0, leftToSaxes: 0 };
  let peak: number | undefined;
  for (let run = 0; run < options.runs; run++) {
    const result = timedNodeRun([options.script, options.workspace, ...(options.fast ? ['--fast'] : [])], {
      cwd: options.workspace,
      preload: options.preload,
      peakRssFile: join(options.outDir, 'bare-rss.txt'),
    });
    if (result.status !== 0) throw new Error(`the bare parse exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
    counts = JSON.parse(result.stdout) as typeof counts;
    if (counts.errors > 0) throw new Error(`saxes reported ${counts.errors} errors in the generated workspace`);
    runsMs.push(result.wallMs);
    peak = Math.max(peak ?? 0, result.peakRssMB ?? 0) || undefined;
  }
  const medianMs = median(runsMs);
  return {
    files: counts.files,
    bytes: counts.bytes,
    elements: counts.elements,
    runsMs,
    medianMs,
    mbPerSec: counts.bytes / MB / (medianMs / 1000),
    peakRssMB: peak,
    leftToSaxes: counts.leftToSaxes,
  };
}
