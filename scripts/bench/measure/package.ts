// The .vsix size: `npm run package` (production bundles + vsce), then the
// size of the file it writes.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Measured<T> = { readonly value: T } | { readonly value: null; readonly reason: string };

export function measureVsix(repo: string): Measured<number> {
  const vsix = join(repo, 'cpi-security-lint.vsix');
  rmSync(vsix, { force: true }); // never report the size of an older package
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'package'], { cwd: repo, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0)
    return {
      value: null,
      reason: `npm run package exited with ${result.status}: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').slice(-5).join(' | ')}`,
    };
  try {
    return { value: statSync(vsix).size };
  } catch {
    return { value: null, reason: `npm run package wrote no ${vsix}` };
  }
}
