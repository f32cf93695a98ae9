import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, fixture, layout, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

// --changed-since in a throw-away git repository: only artifacts with a file
// changed since the revision (committed, modified or untracked) are
// reported, each read whole so its parameters still resolve.

const ORDER = 'Order Replication';
const PARTNER = 'Partner Orders';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

const artifactsOf = (findings: readonly { path: string }[]) => [...new Set(findings.map((finding) => finding.path.split('/')[0]))].sort();

describe('cli --changed-since', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root, ORDER); // Basic over http:// from a parameter: findings in the iFlow and in parameters.prop
    write(root, layout(PARTNER).iflow(PARTNER), fixture('cleartext-http-endpoint/positive-literal', 'Partner Orders.iflw'));
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '.');
    git(root, 'commit', '--quiet', '-m', 'content');
  });
  afterEach(() => removeFolder(root));

  it('reports nothing and passes when nothing changed', () => {
    const { code, report, stderr } = runJson(['--changed-since', 'HEAD', '.'], root);
    assert.equal(code, 0, stderr);
    assert.equal(report.findings.length, 0);
    assert.equal(report.summary.scannedFiles, 0);
    assert.match(stderr, /0 of 3 files are in artifacts changed since HEAD/);
  });

  it('reads a whole artifact when one of its files is modified in the work tree', () => {
    const everything = runJson(['.'], root).report;
    appendFileSync(join(root, layout(ORDER).parameters), '# reviewed\n');
    const { code, report } = runJson(['--changed-since', 'HEAD', '.'], root);
    assert.equal(code, 1);
    assert.deepEqual(artifactsOf(report.findings), [ORDER]);
    // the iFlow was not edited, but its finding comes from the edited parameter file: both are reported
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.path]),
      everything.findings.filter((finding) => finding.path.startsWith(`${ORDER}/`)).map((finding) => [finding.ruleId, finding.path]),
    );
    assert.ok(report.findings.some((finding) => finding.path.endsWith('.iflw')));
    assert.equal(report.summary.scannedFiles, 2);
  });

  it('counts commits since the revision, and untracked files', () => {
    appendFileSync(join(root, layout(PARTNER).iflow(PARTNER)), '\n');
    git(root, 'commit', '--quiet', '-am', 'partner edited');
    writeOrderArtifact(root, 'New Flow'); // untracked
    write(root, 'ignored/.gitignore', '*\n');
    writeOrderArtifact(join(root, 'ignored'), 'Ignored Flow'); // untracked but ignored: not a change
    const { report } = runJson(['--changed-since', 'HEAD~1', '.'], root);
    assert.deepEqual(artifactsOf(report.findings), ['New Flow', PARTNER]);
    // HEAD itself: the committed edit is no longer a change
    assert.deepEqual(artifactsOf(runJson(['--changed-since', 'HEAD', '.'], root).report.findings), ['New Flow']);
  });

  it('works from a subfolder of the repository, with paths relative to it', () => {
    appendFileSync(join(root, layout(ORDER).parameters), '# reviewed\n');
    const { report } = runJson(['--changed-since', 'HEAD', '.'], join(root, ORDER));
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((finding) => finding.path.startsWith('src/main/resources/')));
  });

  it('fails with exit 2 for an unknown revision, outside a repository, and with --tenant or --write-baseline', () => {
    const unknown = runCli(['--changed-since', 'no-such-branch', '.'], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown git revision "no-such-branch"/);
    const option = runCli(['--changed-since', '--output=x', '.'], root);
    assert.equal(option.code, 2);

    const plain = tempFolder();
    try {
      writeOrderArtifact(plain);
      const outside = runCli(['--changed-since', 'HEAD', '.'], plain);
      assert.equal(outside.code, 2);
      assert.match(outside.stderr, /needs a git work tree/);
    } finally {
      removeFolder(plain);
    }
    assert.equal(runCli(['--changed-since', 'HEAD', '--write-baseline', 'b.json', '.'], root).code, 2);
    assert.equal(runCli(['--changed-since', '', '.'], root).code, 2);
    const tenant = runCli(['--changed-since', 'HEAD', '--tenant', 'key.json'], root);
    assert.equal(tenant.code, 2);
    assert.match(tenant.stderr, /does not apply with --tenant/);
  });
});
