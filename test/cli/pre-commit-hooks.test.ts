import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { CLI, ensureBuilt, fixture, layout, REPO, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

// .pre-commit-hooks.yaml: the files pattern picks the CPI files pre-commit
// passes on, and each hook's entry, run as pre-commit runs it, checks them.

interface Hook {
  id: string;
  entry: string;
  files: RegExp;
  passFilenames: boolean;
}

/** The hooks as pre-commit reads them (a list of flat mappings; this file has no nesting beyond that). */
function hooks(): Hook[] {
  const text = readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8');
  return text
    .split(/^- /m)
    .slice(1)
    .map((block) => {
      const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(`  ${block}`)?.[1].trim() ?? '';
      return {
        id: field('id'),
        entry: field('entry'),
        files: new RegExp(field('files')),
        passFilenames: field('pass_filenames') === 'true',
      };
    });
}

describe('pre-commit hooks', function () {
  before(ensureBuilt);

  it('pick the files the command line reads, and no others', () => {
    const all = hooks();
    assert.deepEqual(
      all.map((hook) => hook.id),
      ['cpi-security-lint', 'cpi-security-lint-artifacts'],
    );
    for (const hook of all) {
      for (const path of [
        'Orders/src/main/resources/scenarioflows/integrationflow/Orders.iflw',
        'Orders/src/main/resources/parameters.prop',
        'parameters.prop',
        'Orders/src/main/resources/script/map.groovy',
        'x/y.gsh',
        'lib/check.js',
        'certs/partner.pem',
        'keys/tls.key',
        'keystore.p12',
      ]) {
        assert.ok(hook.files.test(path), `${hook.id} should pick ${path}`);
      }
      for (const path of [
        'README.md',
        'my-parameters.prop.bak',
        'xparameters.prop',
        'package.json',
        '.cpisecurity.json',
        'Orders.iflw.orig',
      ]) {
        assert.ok(!hook.files.test(path), `${hook.id} should leave ${path}`);
      }
    }
  });

  it('cpi-security-lint: checks the staged files passed to it', () => {
    const hook = hooks().find((candidate) => candidate.id === 'cpi-security-lint')!;
    assert.equal(hook.entry, 'cpi-security-lint');
    assert.ok(hook.passFilenames);
    const root = tempFolder();
    try {
      const { iflow, parameters } = writeOrderArtifact(root);
      write(root, 'README.md', '# content\n');
      const staged = [iflow, parameters, join(root, 'README.md')]
        .map((path) => path.slice(root.length + 1))
        .filter((path) => hook.files.test(path));
      assert.equal(staged.length, 2);
      const { code, report } = runJson(staged, root);
      assert.equal(code, 1, 'findings at error fail the commit');
      assert.deepEqual(
        report.findings.map((finding) => finding.ruleId),
        ['cleartext-basic-auth', 'cleartext-basic-auth'],
      );
    } finally {
      removeFolder(root);
    }
  });

  it('cpi-security-lint-artifacts: checks whole artifacts with a change since HEAD', () => {
    const hook = hooks().find((candidate) => candidate.id === 'cpi-security-lint-artifacts')!;
    assert.ok(!hook.passFilenames);
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'cpi-security-lint');
    const root = tempFolder();
    const git = (...more: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...more], {
        cwd: root,
        encoding: 'utf8',
      });
    try {
      writeOrderArtifact(root);
      write(root, layout('Partner').iflow('Partner Orders'), fixture('cleartext-http-endpoint/positive-literal', 'Partner Orders.iflw'));
      git('init', '--quiet');
      git('add', '.');
      git('commit', '--quiet', '-m', 'content');
      assert.equal(runCli(args, root).code, 0, 'nothing changed: the commit goes through');
      appendFileSync(join(root, layout('Order Replication').parameters), '# reviewed\n');
      git('add', '.');
      const { code, report } = runJson(args, root);
      assert.equal(code, 1);
      assert.ok(report.findings.length > 0 && report.findings.every((finding) => finding.path.startsWith('Order Replication/')));
    } finally {
      removeFolder(root);
    }
  });

  it('work under pre-commit itself (try-repo on the staged files): findings fail the hook, no CPI file skips it (skipped without pre-commit)', function () {
    if (spawnSync('pre-commit', ['--version']).status !== 0) this.skip();
    const root = tempFolder();
    const home = tempFolder();
    // the installed command line, as language: system expects it on the PATH
    write(home, 'bin/cpi-security-lint', `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(home, 'bin', 'cpi-security-lint'), 0o755);
    const env = {
      ...process.env,
      HOME: home,
      PRE_COMMIT_HOME: join(home, 'pre-commit-cache'),
      PATH: [join(home, 'bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    const git = (...more: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...more], { cwd: root, env, encoding: 'utf8' });
    try {
      write(root, 'README.md', '# content\n');
      git('init', '--quiet');
      git('add', '.');
      git('commit', '--quiet', '-m', 'start');
      writeOrderArtifact(root); // two cleartext-basic-auth errors
      git('add', '.');
      for (const hook of ['cpi-security-lint', 'cpi-security-lint-artifacts']) {
        // try-repo: this repository's hooks as they are in the work tree, on the staged files
        const run = spawnSync('pre-commit', ['try-repo', REPO, hook], { cwd: root, env, encoding: 'utf8' });
        assert.equal(run.status, 1, `${hook}\n${run.stdout}\n${run.stderr}`);
        assert.match(run.stdout, /cleartext-basic-auth/, hook);
        assert.match(run.stdout, /2 problems \(2 errors/, hook);
      }
      git('commit', '--quiet', '-m', 'order flow', '--no-verify');
      write(root, 'notes.txt', 'no CPI file\n');
      git('add', '.');
      const skipped = spawnSync('pre-commit', ['try-repo', REPO, 'cpi-security-lint'], { cwd: root, env, encoding: 'utf8' });
      assert.equal(skipped.status, 0, `${skipped.stdout}\n${skipped.stderr}`);
      assert.match(skipped.stdout, /no files to check/);
    } finally {
      removeFolder(root);
      removeFolder(home);
    }
  });
});
