import * as assert from 'node:assert/strict';
import { ensureBuilt, fixture, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

describe('cli exit codes and configuration', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => (root = tempFolder()));
  afterEach(() => removeFolder(root));

  /** Outbound port 2222 over SFTP: one warning (outbound-port-not-open), nothing else. */
  function writeWarningOnly() {
    write(root, 'Files/parameters.prop', fixture('outbound-port-not-open/positive-parameter', 'parameters.prop'));
    write(root, 'Files/Order Replication.iflw', fixture('outbound-port-not-open/positive-parameter', 'Order Replication.iflw'));
  }

  it('0 for a clean tree, 1 for errors, 2 for usage errors and missing paths', () => {
    write(root, 'clean/Order Replication.iflw', fixture('cleartext-basic-auth/negative-https', 'Order Replication.iflw'));
    assert.equal(runCli([], root).code, 0);
    writeOrderArtifact(root);
    assert.equal(runCli([], root).code, 1);

    const unknownOption = runCli(['--bogus'], root);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /cpi-security-lint: Unknown option '--bogus'/);
    assert.match(unknownOption.stderr, /--help/);
    assert.equal(runCli(['--format', 'xml'], root).code, 2);
    assert.equal(runCli(['--fail-on', 'fatal'], root).code, 2);

    const missing = runCli(['does/not/exist'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: does\/not\/exist/);
    assert.equal(missing.stdout, '');
  });

  it('--fail-on decides which severities fail the run', () => {
    writeWarningOnly();
    const { code, report } = runJson([], root);
    assert.deepEqual(report.findings.map((f) => f.severity).sort(), ['warning', 'warning', 'warning', 'warning']);
    assert.equal(code, 0);
    assert.equal(runCli(['--fail-on', 'warning'], root).code, 1);
    assert.equal(runCli(['--fail-on', 'information'], root).code, 1);
    assert.equal(runCli(['--fail-on', 'error'], root).code, 0);
  });

  it('a discovered .cpisecurity.json applies (severity override, ignore) and its problems go to stderr without stopping the run', () => {
    writeWarningOnly();
    write(root, '.cpisecurity.json', '{ "rules": { "outbound-port-not-open": "error", "no-such-rule": "off" }, "ignore": ["ignored/**"] }');
    writeOrderArtifact(root, 'ignored/Order Replication');
    const { code, report, stderr } = runJson([], root);
    assert.equal(code, 1);
    assert.deepEqual([...new Set(report.findings.map((f) => `${f.ruleId}:${f.severity}`))], ['outbound-port-not-open:error']);
    assert.ok(report.findings.every((f) => !f.path.startsWith('ignored/')));
    assert.match(stderr, /\.cpisecurity\.json:1:\d+: (warning|error): .*no-such-rule/);
    assert.ok(report.notes.some((n) => n.kind === 'configuration' && /no-such-rule/.test(n.message)));
  });

  it('the nearest configuration wins, per artifact', () => {
    writeWarningOnly();
    write(root, '.cpisecurity.json', '{ "rules": { "outbound-port-not-open": "error" } }');
    write(root, 'Other/.cpisecurity.json', '{ "openedPorts": [2222, 444] }');
    write(root, 'Other/parameters.prop', fixture('outbound-port-not-open/positive-parameter', 'parameters.prop'));
    write(root, 'Other/Order Replication.iflw', fixture('outbound-port-not-open/positive-parameter', 'Order Replication.iflw'));
    const { report } = runJson([], root);
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((f) => f.path.startsWith('Files/')));
  });

  it('--config: used for every file; invalid JSON there is exit 2 with the position', () => {
    writeWarningOnly();
    write(root, '.cpisecurity.json', '{ "rules": { "outbound-port-not-open": "error" } }');
    write(root, 'ci/strict.json', '{ "rules": { "outbound-port-not-open": "off" } }');
    const { code, report } = runJson(['--config', 'ci/strict.json'], root);
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);

    write(root, 'ci/broken.json', '{ "rules": { "outbound-port-not-open": "off" ');
    const broken = runCli(['--config', 'ci/broken.json'], root);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /invalid configuration .*broken\.json:1:\d+: Invalid JSON/);
    assert.equal(broken.stdout, '');
    assert.equal(runCli(['--config', 'ci/missing.json'], root).code, 2);
  });

  it('a discovered configuration with invalid JSON is reported and the valid defaults apply', () => {
    writeWarningOnly();
    write(root, '.cpisecurity.json', '{ "rules": ');
    const { code, report, stderr } = runJson([], root);
    assert.equal(code, 0);
    assert.equal(report.findings.length, 4);
    assert.match(stderr, /\.cpisecurity\.json:\d+:\d+: error: Invalid JSON/);
  });

  it("a file named on the command line is scanned with its artifact's parameters", () => {
    const { iflow } = writeOrderArtifact(root);
    const { code, report } = runJson([iflow], root);
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.line, f.column, f.path.endsWith('.iflw')]),
      [['cleartext-basic-auth', 21, 28, true]],
    );
  });

  it('an empty tree is a clean run', () => {
    const { code, report } = runJson([], root);
    assert.equal(code, 0);
    assert.equal(report.summary.scannedFiles, 0);
  });
});
