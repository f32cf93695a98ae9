import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { CLI, ensureBuilt, fixture, layout, REPO, removeFolder, tempFolder, write, writeOrderArtifact } from './support';
import { validateSarif } from './sarif-schema';
import { mappingKeys, readmeYaml } from '../support/readme-snippets';

// The GitHub action's shell part (scripts/ci/github-action.sh), run with
// bash as action.yml runs it, with GitHub's environment variables faked:
// SARIF written, the markdown summary appended to the job page, the outputs
// set, and the scan's exit code passed on.

const SCRIPT = join(REPO, 'scripts', 'ci', 'github-action.sh');

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
}

describe('GitHub action script', function () {
  let root: string;
  let runner: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    runner = tempFolder();
    writeOrderArtifact(root); // two cleartext-basic-auth errors
    write(root, layout('Partner').iflow('Partner Orders'), fixture('cleartext-http-endpoint/positive-literal', 'Partner Orders.iflw'));
    writeFileSync(join(runner, 'summary.md'), '# Earlier step\n');
    writeFileSync(join(runner, 'output'), '');
  });
  afterEach(() => {
    removeFolder(root);
    removeFolder(runner);
  });

  /** Runs the script in the workspace; `onPath`: a cpi-security-lint command on the PATH (else the action's source is used). */
  function runAction(inputs: Record<string, string>, onPath: boolean): ActionRun {
    const bin = join(runner, 'bin');
    if (onPath && !existsSync(join(bin, 'cpi-security-lint'))) {
      write(
        runner,
        'bin/cpi-security-lint',
        `#!/bin/sh\necho "shim" >> "${join(runner, 'shim-calls')}"\nexec "${process.execPath}" "${CLI}" "$@"\n`,
      );
      chmodSync(join(bin, 'cpi-security-lint'), 0o755);
    }
    const env: NodeJS.ProcessEnv = {
      PATH: [...(onPath ? [bin] : []), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
      HOME: runner,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: root,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_REPOSITORY: 'acme/integration-content',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
    };
    const run = spawnSync('bash', [SCRIPT], { cwd: root, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(join(runner, 'output'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(join(runner, 'summary.md'), 'utf8'), outputs };
  }

  it('writes SARIF and the job summary, sets the outputs and fails on findings', () => {
    const run = runAction({ path: '.', 'fail-on': 'error', 'sarif-file': 'results.sarif' }, true);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(existsSync(join(runner, 'shim-calls')), 'the command on the PATH was used');
    const log = JSON.parse(readFileSync(join(root, 'results.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(validateSarif(log), []);
    assert.ok(log.runs[0].results.some((result) => result.ruleId === 'cleartext-basic-auth'));
    assert.deepEqual(run.outputs, { 'exit-code': '1', 'sarif-file': 'results.sarif' });
    // appended below what earlier steps wrote, with links into the repository at the commit
    assert.ok(run.summary.startsWith('# Earlier step\n## cpi-security-lint '), run.summary);
    assert.match(run.summary, /\*\*2 findings at or above error\*\*/);
    assert.ok(
      run.summary.includes(
        '](https://github.example.com/acme/integration-content/blob/0123456789abcdef0123456789abcdef01234567/Order%20Replication/src/main/resources/',
      ),
      run.summary,
    );
  });

  it('passes when nothing reaches fail-on, scanning the paths given one per line', () => {
    const run = runAction({ path: 'Partner\n\n', 'fail-on': 'error' }, true);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(root, 'cpi-security-lint.sarif')), 'the default SARIF file');
    assert.match(run.summary, /No finding at or above error/);
    assert.doesNotMatch(run.summary, /Order Replication/);
    assert.equal(run.outputs['exit-code'], '0');
  });

  it("uses the command line built in the action's folder when none is on the PATH", () => {
    const run = runAction({ path: '.', 'fail-on': 'warning', 'sarif-file': 'out.sarif' }, false);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(!existsSync(join(runner, 'shim-calls')));
    assert.ok(existsSync(join(root, 'out.sarif')));
    assert.match(run.summary, /findings at or above warning/);
  });

  it('exits 2 with an error annotation for bad input, and writes no summary', () => {
    const run = runAction({ path: '.', 'fail-on': 'sometimes' }, true);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown --fail-on severity "sometimes"/);
    assert.match(run.stdout, /^::error title=CPI Security Lint::/m);
    assert.equal(run.summary, '# Earlier step\n');
    assert.equal(run.outputs['exit-code'], '2');
  });

  it('action.yml runs the script with bash, passes every input on, and uploads the SARIF unless told not to or the scan was incomplete', () => {
    const action = readFileSync(join(REPO, 'action.yml'), 'utf8');
    const inputs = mappingKeys(action, 'inputs');
    assert.deepEqual(inputs, ['path', 'fail-on', 'sarif-file', 'changed-since', 'package', 'upload-sarif']);
    assert.deepEqual(mappingKeys(action, 'outputs'), ['exit-code', 'sarif-file']);
    assert.match(action, /using: composite/);
    assert.match(action, /shell: bash\n\s+run: bash "\$GITHUB_ACTION_PATH\/scripts\/ci\/github-action\.sh"/);
    for (const input of inputs)
      assert.ok(action.includes(`\${{ inputs.${input} }}`) || action.includes(`inputs.${input} ==`), `action.yml uses ${input}`);
    // the step outputs action.yml reads are the ones the script writes to GITHUB_OUTPUT
    const written = new Set(
      [...readFileSync(SCRIPT, 'utf8').matchAll(/echo "([\w-]+)=[^"]*" >>"\$GITHUB_OUTPUT"/g)].map((match) => match[1]),
    );
    const read = [...action.matchAll(/steps\.scan\.outputs\.([\w-]+)/g)].map((match) => match[1]);
    assert.ok(read.length > 0 && read.every((name) => written.has(name)), `${read.join(', ')} / ${[...written].join(', ')}`);

    const upload = action.slice(action.indexOf('uses: github/codeql-action/upload-sarif@v3') - 200);
    const condition = /- if: \$\{\{ (.*) \}\}\n\s+uses: github\/codeql-action\/upload-sarif@v3/.exec(upload)?.[1] ?? '';
    for (const part of [
      '!cancelled()',
      "inputs.upload-sarif == 'true'",
      "steps.scan.outputs.sarif-file != ''",
      "steps.scan.outputs.exit-code != '2'",
    ])
      assert.ok(condition.includes(part), `upload condition ${condition} lacks ${part}`);
    assert.match(upload, /sarif_file: \$\{\{ steps\.scan\.outputs\.sarif-file \}\}/);
  });

  it("README's example workflow gives the action only its inputs, reads only its outputs, and grants the upload's permission", () => {
    const action = readFileSync(join(REPO, 'action.yml'), 'utf8');
    const workflow = readmeYaml('GitHub Actions');
    const step = workflow.slice(workflow.indexOf('uses: <owner>/cpi-security-lint@'));
    const given = mappingKeys(step, 'with');
    assert.ok(given.length > 0 && given.every((key) => mappingKeys(action, 'inputs').includes(key)), given.join(', '));
    const read = [...workflow.matchAll(/steps\.lint\.outputs\.([\w-]+)/g)].map((match) => match[1]);
    assert.ok(
      read.every((key) => mappingKeys(action, 'outputs').includes(key)),
      read.join(', '),
    );
    assert.match(workflow, /security-events: write/);
  });
});
