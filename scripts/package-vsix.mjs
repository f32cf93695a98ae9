// The .vsix, as `npm run package` and the package test make it: vsce from
// the built bundles, offline. The package gets a copy of README.md whose
// screenshots are named rather than shown: vsce refuses relative images
// when the manifest names no public repository (this one names none), and
// the extension page would show them broken anyway.
//
//   node scripts/package-vsix.mjs [-o <file.vsix>]   (default: cpi-security-lint.vsix)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('-o');
const output = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : join(ROOT, 'cpi-security-lint.vsix'));

/** README text with each relative image replaced by a line naming the picture and its file. */
export function packageReadme(text) {
  return text.replace(/!\[([^\]]*)\]\((?![a-z]+:)([^)\s]+)\)/gi, (_, alt, path) => `*Screenshot (\`${path}\` in the repository): ${alt}*`);
}

const folder = join(ROOT, 'dist', 'vsix');
mkdirSync(folder, { recursive: true });
const readme = join(folder, 'README.md');
writeFileSync(readme, packageReadme(readFileSync(join(ROOT, 'README.md'), 'utf8')));

const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'dist/vsix/README.md', '-o', output],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
