// `npm run bench` (see scripts/bench/run.ts): bundles the benchmark and the
// bare-parse process with esbuild, then runs the benchmark in a fresh Node
// process. Arguments pass through (`npm run bench -- --json out.json`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', mainFields: ['module', 'main'] };
await Promise.all([
  build({ ...common, entryPoints: ['scripts/bench/run.ts'], outfile: '.cache/bench/run.js' }),
  // its own small bundle: the bare parse loads nothing but saxes
  build({ ...common, entryPoints: ['scripts/bench/bare-parse.ts'], outfile: '.cache/bench/bare-parse.js' }),
]);
const result = spawnSync(process.execPath, ['.cache/bench/run.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
