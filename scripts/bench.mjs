// `npm run bench`: bundles the benchmark with esbuild (so it measures the same
// code the extension ships) and runs it in a fresh Node process.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = '.cache/bench/run.js';
await build({ entryPoints: ['scripts/bench/run.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', mainFields: ['module', 'main'] });
const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
