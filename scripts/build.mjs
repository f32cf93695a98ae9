// Bundles the client and the server (and the command line) into single files
// with esbuild; the .vsix ships only these bundles. The rule lists derived
// from the rule folders are brought up to date first.
import { build } from 'esbuild';
import { writeRuleLists } from './rule-lists.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry does not bundle; its ES module entry does
  mainFields: ['module', 'main'],
};

const targets = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const started = Date.now();
const regenerated = await writeRuleLists();
if (regenerated.length > 0) console.log(`rule lists: wrote ${regenerated.join(', ')}`);
if (watch) {
  const { context } = await import('esbuild');
  for (const target of targets) {
    const ctx = await context({ ...common, ...target });
    await ctx.watch();
  }
  console.log('esbuild: watching client and server');
} else {
  await Promise.all(targets.map((target) => build({ ...common, ...target })));
  console.log(`built ${targets.map((t) => t.outfile).join(', ')} in ${Date.now() - started} ms`);
}
