// The extension's activation time, as the extension itself reports it
// (activationMs in its exported API): the e2e harness starts the real VS Code
// (code-server) on the repository with the production bundles, and the
// activation-time test writes the number to the file named by
// CPI_E2E_METRICS. One sample, from a fresh extension host.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Measured } from './package';

const TEST = 'CPI Security Lint activation time';

export function measureActivation(repo: string, outDir: string): Measured<number> {
  const metrics = join(outDir, 'activation.json');
  rmSync(metrics, { force: true });
  const result = spawnSync(process.execPath, [join(repo, 'test', 'e2e', 'run-tests.mjs')], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, CPI_E2E_GREP: TEST, CPI_E2E_METRICS: metrics },
  });
  const tail = () => `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-6).join(' | ');
  if (result.status !== 0)
    return { value: null, reason: `the e2e harness exited with ${result.status ?? result.signal ?? String(result.error)}: ${tail()}` };
  try {
    const { activationMs } = JSON.parse(readFileSync(metrics, 'utf8')) as { activationMs: unknown };
    if (typeof activationMs === 'number' && activationMs > 0) return { value: activationMs };
    return { value: null, reason: `the extension reported activationMs ${String(activationMs)}` };
  } catch {
    return { value: null, reason: `the activation-time test wrote no ${metrics}: ${tail()}` };
  }
}
