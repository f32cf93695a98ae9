// Installs the npm packages when a fresh clone has none yet, so that
// `npm start` and `npm test` work as the first command after cloning.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../test/e2e/host-env.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages the lock file names that the installed tree lacks or has at another version (after a pull that added one). */
function missingPackages() {
  const installedLock = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedLock)) return ['all'];
  const wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedLock, 'utf8')).packages ?? {};
  return Object.entries(wanted)
    .filter(([path, info]) => path !== '' && !info.optional && installed[path]?.version !== info.version)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
}

export function ensureDependencies() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  console.log(
    missing[0] === 'all'
      ? 'Installing npm packages (npm ci)…'
      : `Installing npm packages (npm ci): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} missing or outdated`,
  );
  // Under `npm start` / `npm test` the outer npm's variables would become the inner npm's configuration.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env: isolatedEnv() });
  if (result.status !== 0) {
    console.error('npm ci failed; see the output above');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureDependencies();
