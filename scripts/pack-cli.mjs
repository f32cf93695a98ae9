// The command line as an npm package of its own, from the bundle the build
// made (server/out/cli.js; the .vsix does not ship it): a folder
// dist/cli/ with a manifest of no dependencies, the bundle, a README and the
// licence, then `npm pack` there. Nothing is fetched: the bundle already holds
// every library the command line uses.
//
//   node scripts/pack-cli.mjs [--destination <folder>]   (default: the repository root)
//
// Prints the tarball's path. `npm run pack:cli` builds first; `npm run
// package` builds once and makes both the .vsix and this tarball.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'server', 'out', 'cli.js');
const FOLDER = join(ROOT, 'dist', 'cli');

const at = process.argv.indexOf('--destination');
const destination = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : ROOT);

if (!existsSync(BUNDLE)) {
  console.error(`pack-cli: ${BUNDLE} is missing; run npm run build (or npm run pack:cli, which builds) first`);
  process.exit(2);
}
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

rmSync(FOLDER, { recursive: true, force: true });
mkdirSync(FOLDER, { recursive: true });
// a development build points at a source map the package does not ship
const bundle = readFileSync(BUNDLE, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
writeFileSync(join(FOLDER, 'cli.js'), bundle, { mode: 0o755 });
copyFileSync(join(ROOT, 'scripts', 'cli-package', 'README.md'), join(FOLDER, 'README.md'));
copyFileSync(join(ROOT, 'LICENSE'), join(FOLDER, 'LICENSE'));
const manifest = {
  // the same name: the command line reads its version from the nearest manifest of this name
  name: root.name,
  version: root.version,
  description:
    'Command line of CPI Security Lint: security checks for SAP Cloud Integration iFlows, parameters, scripts and certificates, with text, JSON, SARIF, JUnit, markdown and GitLab Code Quality reports.',
  license: root.license,
  keywords: root.keywords,
  bin: { 'cpi-security-lint': 'cli.js' },
  main: 'cli.js',
  files: ['cli.js', 'README.md', 'LICENSE'],
  engines: { node: root.engines.node },
};
writeFileSync(join(FOLDER, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

mkdirSync(destination, { recursive: true });
// --ignore-scripts: the manifest has none, and no user configuration may add any
const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
  cwd: FOLDER,
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
const [packed] = JSON.parse(output);
const tarball = join(destination, packed.filename);
console.log(tarball);
console.error(
  `pack-cli: ${packed.filename}: ${(statSync(tarball).size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.entryCount} files`,
);
