// A fresh Node process per measured run, timed from spawn to exit by the
// parent (start-up included, as a user of the command line sees it), with
// its peak memory read from what peak-rss.cjs wrote.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { peakRssMB } from '../stats';

export interface TimedRun {
  readonly wallMs: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakRssMB?: number;
}

export function timedNodeRun(args: readonly string[], options: { cwd: string; preload: string; peakRssFile: string }): TimedRun {
  rmSync(options.peakRssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', options.preload, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_PEAK_RSS_FILE: options.peakRssFile },
  });
  const wallMs = performance.now() - started;
  let rss: string | undefined;
  try {
    rss = readFileSync(options.peakRssFile, 'utf8');
  } catch {
    rss = undefined;
  }
  return {
    wallMs,
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? String(result.error ?? ''),
    peakRssMB: peakRssMB(rss),
  };
}
