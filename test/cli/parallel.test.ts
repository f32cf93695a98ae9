import * as assert from 'node:assert/strict';
import { ensureBuilt, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

// A scan spread over worker threads (--jobs, or by default for large scans)
// must report exactly what one thread reports: findings, fingerprints,
// suppressions used and unused, notes, exit code.

describe('cli parallel scan', function () {
  this.timeout(60_000);
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    for (let i = 0; i < 9; i++) writeOrderArtifact(root, `Order Replication ${i}`);
    write(root, 'Oversized/src/main/resources/parameters.prop', `# ${'x'.repeat(2048)}\n`);
    write(root, 'Oversized/.cpisecurity.json', JSON.stringify({ maxFileSizeMB: 0.001 }));
    write(root, 'certs/broken.pem', '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    // scripts travel with their artifact's unit: a reading problem, a suppression comment without a reason, a binary file
    write(root, 'Order Replication 5/src/main/resources/script/Open.groovy', 'def s = "never closed\n');
    write(root, 'Order Replication 6/src/main/resources/script/Loud.js', '// cpi-security-lint-disable-next-line script-eval\neval(x)\n');
    write(root, 'Order Replication 7/src/main/resources/script/Binary.groovy', new Uint8Array([0, 1, 2]));
    write(
      root,
      '.cpisecurity.json',
      JSON.stringify({
        suppressions: [
          { rule: 'cleartext-basic-auth', file: 'Order Replication 3/**', reason: 'partner has no TLS until Q3', expires: '2999-12-31' },
          { rule: 'cleartext-http-endpoint', file: 'nowhere/**', reason: 'matches nothing' },
        ],
      }),
    );
  });
  afterEach(() => removeFolder(root));

  const comparable = (stdout: string) => {
    const report = JSON.parse(stdout) as Record<string, unknown>;
    delete report.durationMs;
    return report;
  };

  it('reports the same with several threads as with one', () => {
    const args = ['--format', 'json', '--report-unused-suppressions'];
    const one = runCli([...args, '--jobs', '1'], root);
    const three = runCli([...args, '--jobs', '3'], root);
    assert.equal(three.code, one.code);
    assert.equal(three.stderr, one.stderr);
    assert.deepEqual(comparable(three.stdout), comparable(one.stdout));

    const { report } = runJson(['--report-unused-suppressions', '--jobs', '1'], root);
    // the scan did reach every kind of result the merge has to keep
    assert.ok(report.findings.length >= 16);
    assert.equal(report.suppressed.length, 2); // both findings of Order Replication 3
    assert.deepEqual(report.notes.map((note) => note.kind).sort(), [
      'certificate',
      'script',
      'suppression-comment',
      'too-large',
      'unused-suppression',
    ]);
    assert.deepEqual(
      report.fileErrors.map((note) => note.path),
      ['Order Replication 7/src/main/resources/script/Binary.groovy'],
    );
    assert.ok(report.fileErrors.length + report.notes.length > 0);
  });

  it('rejects a number of threads that is not a whole number from 1 to 64', () => {
    for (const value of ['0', '65', '1.5', 'two', '']) {
      const run = runCli([`--jobs=${value}`], root);
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, /--jobs needs a whole number of threads from 1 to 64/);
    }
    assert.match(runCli(['--help'], root).stdout, /-j, --jobs <n>/);
  });
});
