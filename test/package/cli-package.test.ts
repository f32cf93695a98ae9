import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ensureBuilt, layout, write, writeOrderArtifact } from '../cli/support';
import { runChild } from '../support/child-run';
import { RULES_DIR } from '../support/fixture-cases';
import { startFakeTenant } from '../support/fake-tenant';
import { azureScripts, gitlabScript, readmeYaml } from '../support/readme-snippets';

// The command line's own npm package: packed from the built bundle by
// scripts/pack-cli.mjs, installed globally into a temporary prefix with npm
// offline and an empty cache (so it cannot need the registry), then run from
// there on a fixture folder, far from this repository's node_modules.
const ROOT = join(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The packed size stays small: the bundle and three text files. */
const MAX_PACKED_BYTES = 1.5 * 1024 * 1024;

/** Names and contents of a .tgz's entries (ustar: 512-byte headers, name with optional prefix). */
function untar(tgz: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(tgz);
  const entries = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    if (header[156] === 0x30 || header[156] === 0) entries.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

describe('command-line package', function () {
  this.timeout(180_000);
  let work = '';
  let tarball = '';
  let bin = '';
  const env = () => ({ ...process.env, PATH: `${dirname(process.execPath)}${delimiter}/usr/bin${delimiter}/bin` });

  before(() => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'cpi-cli-package-'));
    tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--destination', join(work, 'out')], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    const prefix = join(work, 'prefix');
    execFileSync(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund', tarball],
      {
        cwd: work,
        env: env(),
        stdio: 'pipe',
      },
    );
    bin = join(prefix, 'bin', 'cpi-security-lint');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the bundle, its manifest, a README and the licence, with no dependencies', () => {
    assert.equal(tarball, join(work, 'out', `cpi-security-lint-${VERSION}.tgz`));
    const entries = untar(readFileSync(tarball));
    assert.deepEqual([...entries.keys()].sort(), ['package/LICENSE', 'package/README.md', 'package/cli.js', 'package/package.json']);
    const manifest = JSON.parse(entries.get('package/package.json')!.toString('utf8')) as Record<string, unknown>;
    assert.equal(manifest.name, 'cpi-security-lint');
    assert.equal(manifest.version, VERSION);
    assert.deepEqual(manifest.bin, { 'cpi-security-lint': 'cli.js' });
    assert.deepEqual(manifest.engines, { node: '>=20' });
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies', 'scripts', 'private'])
      assert.equal(manifest[field], undefined, field);
    const cli = entries.get('package/cli.js')!.toString('utf8');
    assert.ok(cli.startsWith('#!/usr/bin/env node\n'));
    assert.ok(!cli.includes('sourceMappingURL'), 'no link to a source map the package does not ship');
    // the bundle requires Node's own modules only, loaded at once or lazily (undici for --tenant is inside)
    const required = new Set([...cli.matchAll(/\b(?:require|import)\("([^"]+)"\)/g)].map((match) => match[1]));
    const foreign = [...required].filter(
      (name) =>
        !name.startsWith('node:') &&
        !['crypto', 'module', 'fs', 'path', 'os', 'util', 'url', 'stream', 'events', 'buffer', 'zlib'].includes(name),
    );
    assert.deepEqual(foreign, []);
    assert.ok(statSync(tarball).size < MAX_PACKED_BYTES, `${statSync(tarball).size} bytes`);
  });

  it('installs offline and runs on its own: version, findings, exit code, worker threads', () => {
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env: env(), cwd: work });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);

    const scanned = join(work, 'content');
    writeOrderArtifact(scanned); // two cleartext-basic-auth errors
    const text = spawnSync(bin, ['.'], { encoding: 'utf8', env: env(), cwd: scanned });
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /cleartext-basic-auth/);
    assert.match(text.stdout, /^2 problems \(2 errors/m);

    const sarif = spawnSync(bin, ['--format', 'sarif', '--jobs', '2', '--fail-on', 'warning', '.'], {
      encoding: 'utf8',
      env: env(),
      cwd: scanned,
    });
    assert.equal(sarif.status, 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { version: string } }; results: unknown[] }[] };
    assert.equal(log.runs[0].tool.driver.version, VERSION);
    assert.equal(log.runs[0].results.length, 2);

    const usage = spawnSync(bin, ['--format', 'nope'], { encoding: 'utf8', env: env(), cwd: scanned });
    assert.equal(usage.status, 2);
  });

  it('scans a live tenant on its own: the HTTP client is in the bundle, not in a node_modules', async () => {
    const catalog = join(RULES_DIR, 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
    const tenant = await startFakeTenant({
      fixture: {
        packages: [
          {
            id: 'Sales',
            iflows: [
              {
                id: 'Catalog',
                files: {
                  'src/main/resources/scenarioflows/integrationflow/Product Catalog.iflw': readFileSync(
                    join(catalog, 'Product Catalog.iflw'),
                    'utf8',
                  ),
                  'src/main/resources/parameters.prop': 'Catalog\\ URL=http\\://catalog.example.com/odata/v2\n',
                },
              },
            ],
          },
        ],
      },
    });
    try {
      const runEnv: NodeJS.ProcessEnv = { ...env(), NODE_EXTRA_CA_CERTS: tenant.caFile };
      for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete runEnv[name];
      // asynchronous: the fake tenant answers from this process
      const run = await runChild(bin, ['--tenant', tenant.writeServiceKey(), '--format', 'json', '--fail-on', 'warning'], {
        cwd: work,
        env: runEnv,
      });
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout) as { findings: { ruleId: string; uri: string }[] };
      assert.ok(
        report.findings.some(
          (finding) => finding.ruleId === 'cleartext-http-endpoint' && finding.uri.startsWith(`cpi-tenant://${tenant.host}/Sales/Catalog/`),
        ),
        run.stdout,
      );
      assert.ok(tenant.count(/\/\$value$/) === 1, 'the iFlow was downloaded');
    } finally {
      await tenant.close();
    }
  });

  it('is also what plain npm pack in the repository root makes: the bundle as bin, built for production first', () => {
    // scripts are skipped here (prepack would rebuild the shared bundles for
    // production under the other tests); the prepack script is checked instead
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      bin: Record<string, string>;
    };
    assert.equal(root.scripts.prepack, 'node scripts/build.mjs --production');
    assert.deepEqual(root.bin, { 'cpi-security-lint': './server/out/cli.js' });
    const out = join(work, 'root-pack');
    mkdirSync(out);
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', env: env() }),
    ) as { filename: string }[];
    assert.equal(packed.filename, `cpi-security-lint-${VERSION}.tgz`);
    const rootTarball = join(out, packed.filename);
    const entries = untar(readFileSync(rootTarball));
    assert.deepEqual([...entries.keys()].sort(), [
      'package/LICENSE',
      'package/README.md',
      'package/package.json',
      'package/server/out/cli.js',
    ]);
    assert.ok(statSync(rootTarball).size < MAX_PACKED_BYTES, `${statSync(rootTarball).size} bytes`);

    const prefix = join(work, 'root-prefix');
    execFileSync(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund', rootTarball],
      { cwd: work, env: env(), stdio: 'pipe' },
    );
    const rootBin = join(prefix, 'bin', 'cpi-security-lint');
    const version = spawnSync(rootBin, ['--version'], { encoding: 'utf8', env: env(), cwd: work });
    assert.equal(version.stdout.trim(), VERSION, version.stderr);
    const scanned = join(work, 'root-pack-content');
    writeOrderArtifact(scanned);
    const text = spawnSync(rootBin, ['.'], { encoding: 'utf8', env: env(), cwd: scanned });
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /^2 problems \(2 errors/m);
  });

  /**
   * A content repository as the README's recipes assume it: the tarball under
   * tools/, the order artifact (two errors) unless `clean`; and a shell that
   * installs globally into a prefix of its own, offline.
   */
  function recipeWorkspace(name: string, clean = false) {
    const content = join(work, name);
    mkdirSync(join(content, 'tools'), { recursive: true });
    copyFileSync(tarball, join(content, 'tools', basename(tarball)));
    if (clean) write(content, layout('Clean').parameters, 'Greeting=hello\n');
    else writeOrderArtifact(content);
    const prefix = join(work, `${name}-prefix`);
    const shellEnv = {
      ...env(),
      PATH: `${join(prefix, 'bin')}${delimiter}${env().PATH}`,
      HOME: work,
      npm_config_prefix: prefix,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_offline: 'true',
    };
    return { content, shellEnv };
  }

  it("README's GitLab CI job runs as written: Code Quality report, markdown artifact, the scan's exit code", () => {
    const script = gitlabScript(readmeYaml('GitLab CI'));
    assert.equal(script[0], `npm install -g ./tools/cpi-security-lint-${VERSION}.tgz`, 'the README names the current tarball');
    // GitLab's runner runs the items in one bash with errexit and pipefail
    const job = (content: string, shellEnv: NodeJS.ProcessEnv) =>
      spawnSync('bash', ['-c', ['set -eo pipefail', ...script].join('\n')], { cwd: content, env: shellEnv, encoding: 'utf8' });

    const failing = recipeWorkspace('gitlab');
    const run = job(failing.content, failing.shellEnv);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(readFileSync(join(failing.content, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string }[];
    assert.deepEqual(
      report.map((issue) => issue.check_name),
      ['cleartext-basic-auth', 'cleartext-basic-auth'],
    );
    assert.match(
      readFileSync(join(failing.content, 'cpi-security-lint.md'), 'utf8'),
      /^## cpi-security-lint .*\n\n:x: \*\*2 findings at or above error/,
    );

    const passing = recipeWorkspace('gitlab-clean', true);
    const clean = job(passing.content, passing.shellEnv);
    assert.equal(clean.status, 0, `${clean.stdout}\n${clean.stderr}`);
    assert.deepEqual(JSON.parse(readFileSync(join(passing.content, 'gl-code-quality-report.json'), 'utf8')), []);
  });

  it("README's Azure Pipelines steps run as written: summary uploaded, JUnit results, the step fails on findings", () => {
    const [install, scan, ...more] = azureScripts(readmeYaml('Azure Pipelines'));
    assert.equal(more.length, 0);
    assert.equal(install, `npm install -g ./tools/cpi-security-lint-${VERSION}.tgz`, 'the README names the current tarball');
    const { content, shellEnv } = recipeWorkspace('azure');
    const agentTemp = join(work, 'agent-temp');
    mkdirSync(agentTemp);
    // the agent expands $(Agent.TempDirectory) before bash sees the script
    const step = (text: string) =>
      spawnSync('bash', ['--noprofile', '--norc', '-c', text.replace(/\$\(Agent\.TempDirectory\)/g, agentTemp)], {
        cwd: content,
        env: shellEnv,
        encoding: 'utf8',
      });
    const installed = step(install);
    assert.equal(installed.status, 0, installed.stderr);
    const run = step(scan);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    assert.ok(run.stdout.includes(`##vso[task.uploadsummary]${join(agentTemp, 'cpi-security-lint.md')}\n`), run.stdout);
    assert.match(readFileSync(join(agentTemp, 'cpi-security-lint.md'), 'utf8'), /^## cpi-security-lint /);
    const junit = readFileSync(join(agentTemp, 'cpi-security-lint.xml'), 'utf8');
    assert.match(junit, /<testsuites name="cpi-security-lint" tests="\d+" failures="2"/);
  });

  it('is what the GitHub action installs from its package input', () => {
    const scanned = join(work, 'action-workspace');
    writeOrderArtifact(scanned);
    const summary = join(work, 'summary.md');
    const run = spawnSync('bash', [join(ROOT, 'scripts', 'ci', 'github-action.sh')], {
      cwd: scanned,
      encoding: 'utf8',
      env: {
        ...env(),
        HOME: work,
        // a global install of its own, offline, as on a runner with the tarball in the repository
        npm_config_prefix: join(work, 'action-prefix'),
        npm_config_cache: join(work, 'npm-cache'),
        npm_config_offline: 'true',
        INPUT_PACKAGE: tarball,
        INPUT_PATH: '.',
        INPUT_SARIF_FILE: 'results.sarif',
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_ACTION_PATH: join(work, 'no-source-here'),
      },
    });
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    assert.ok(statSync(join(work, 'action-prefix', 'bin', 'cpi-security-lint')).isFile());
    assert.equal(
      (JSON.parse(readFileSync(join(scanned, 'results.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0].results.length,
      2,
    );
    assert.match(readFileSync(summary, 'utf8'), new RegExp(`^## cpi-security-lint ${VERSION.replace(/\./g, '\\.')}`));
  });
});
