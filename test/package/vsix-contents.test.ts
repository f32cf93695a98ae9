import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

// scripts/package-vsix.mjs as `npm run package` runs it (offline, from the built
// bundles), then the .vsix is opened: it must hold the client's and the
// server's bundles, the manifest's assets and the demo workspace; never the
// command line (it has its own package), sources, tests, dependencies or the
// demo's private key.
const ROOT = join(__dirname, '..', '..');

/** Strings each library keeps in a minified bundle too (an error message or code of its own). */
const LIBRARY_MARKERS: Readonly<Record<string, string>> = {
  undici: 'UND_ERR_CONNECT_TIMEOUT',
  acorn: 'Shorthand property assignments are valid only in destructuring patterns',
  'acorn-loose': 'dummyNode',
  'node-forge': 'Too few bytes to read ASN.1',
  saxes: 'disallowed character in processing instruction',
};
/** The bench's target for the package (issue 13); only a production build is that small. */
const MAX_VSIX_BYTES = 1024 * 1024;

describe('.vsix package', function () {
  this.timeout(180_000);
  let files: string[] = [];
  let shipped = '';
  let folder = '';
  let vsixBytes = 0;
  let scripts = new Map<string, string>();

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'cpi-vsix-'));
    const vsix = join(folder, 'cpi-security-lint.vsix');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs'), '-o', vsix], { cwd: ROOT, stdio: 'pipe' });
    const zipped = readFileSync(vsix);
    vsixBytes = zipped.length;
    const entries = unzipSync(zipped);
    // the bundles; the demo workspace's own scripts are content, not code of the extension
    scripts = new Map(
      Object.entries(entries)
        .filter(([name]) => /\.[cm]?js$/.test(name) && !name.startsWith('extension/examples/'))
        .map(([name, bytes]) => [name.slice('extension/'.length), new TextDecoder().decode(bytes)]),
    );
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

  it('ships the two bundles as its only code, each library in one of them only', () => {
    assert.deepEqual([...scripts.keys()].sort(), ['client/out/extension.js', 'server/out/server.js']);
    for (const [library, marker] of Object.entries(LIBRARY_MARKERS)) {
      const holders = [...scripts].filter(([, text]) => text.includes(marker)).map(([name]) => name);
      assert.deepEqual(holders, ['server/out/server.js'], `${library} (found by "${marker}") is in ${holders.join(', ') || 'no file'}`);
    }
  });

  it('stays under 1 MB when built for production', function () {
    // a development build is not minified (its source maps are not shipped, but it still names them)
    if (/\n\/\/# sourceMappingURL=\S+\s*$/.test(scripts.get('server/out/server.js') ?? '')) {
      this.skip();
    }
    assert.ok(vsixBytes < MAX_VSIX_BYTES, `the .vsix is ${(vsixBytes / 1024).toFixed(0)} KB`);
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
