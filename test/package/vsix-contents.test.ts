import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

// scripts/package-vsix.mjs as `npm run package` runs it (offline, from the built
// bundles), then the .vsix is opened: it must hold the two bundles and the
// command line, the manifest's assets and the demo workspace; never sources,
// tests, dependencies or the demo's private key.
const ROOT = join(__dirname, '..', '..');

describe('.vsix package', function () {
  this.timeout(180_000);
  let files: string[] = [];
  let shipped = '';
  let folder = '';

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'cpi-vsix-'));
    const vsix = join(folder, 'cpi-security-lint.vsix');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs'), '-o', vsix], { cwd: ROOT, stdio: 'pipe' });
    const entries = unzipSync(readFileSync(vsix));
    shipped = new TextDecoder().decode(entries['extension/readme.md'] ?? new Uint8Array());
    files = Object.keys(entries)
      .filter((name) => name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('ships the bundles, the manifest and its assets', () => {
    for (const needed of [
      'client/out/extension.js',
      'server/out/server.js',
      'server/out/cli.js',
      'package.json',
      'package.nls.json',
      'readme.md',
      'LICENSE.txt',
      'schemas/cpisecurity.schema.json',
      'media/cpi-security.svg',
    ]) {
      assert.ok(
        files.some((file) => file.toLowerCase() === needed.toLowerCase()),
        `${needed} is missing from the package: ${files.join(', ')}`,
      );
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const referenced = [
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
      ...manifest.contributes.languages.flatMap((l: { configuration?: string }) => (l.configuration ? [l.configuration] : [])),
    ].map((path: string) => path.replace(/^\.\//, ''));
    for (const path of referenced) {
      assert.ok(existsSync(join(ROOT, path)), `${path} does not exist`);
      assert.ok(files.includes(path), `${path} is referenced by package.json but not shipped`);
    }
  });

  it('ships the README with its screenshots named, since a package without a repository cannot link them', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(shipped.length > 0, 'readme.md is in the package');
    assert.doesNotMatch(shipped, /!\[[^\]]*\]\((?![a-z]+:)/i, 'no relative image is left');
    for (const [, path] of readme.matchAll(/!\[[^\]]*\]\((?![a-z]+:)([^)\s]+)\)/gi)) assert.ok(shipped.includes(path), `${path} is named`);
  });

  it('ships no sources, tests, dependencies or private keys', () => {
    const unwanted = files.filter(
      (file) =>
        /^(node_modules|test|common|client\/src|server\/src|scripts|\.ci)\//.test(file) || /\.(ts|map)$/.test(file) || /\.key$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });
});
