import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What `npm run package` puts into the .vsix (vsce lists it without packing):
// the two bundles and the command line, the manifest's assets, the demo
// workspace; never sources, tests, dependencies or the demo's private key.
const ROOT = join(__dirname, '..', '..');

describe('.vsix contents', function () {
  this.timeout(120_000);

  it('ships exactly the bundles, assets and demo files the extension needs', () => {
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    for (const needed of ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'package.json', 'package.nls.json', 'README.md', 'LICENSE', 'schemas/cpisecurity.schema.json', 'media/cpi-security.svg']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const unwanted = files.filter((file) => /^(node_modules|test|client\/src|server\/src|scripts|\.ci)\//.test(file) || /\.(ts|map)$/.test(file) || /\.key$/.test(file));
    assert.deepEqual(unwanted, []);
    // every path the manifest points at is shipped
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
});
