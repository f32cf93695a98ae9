import * as assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { ensureBuilt, layout, ORDER_IFLOW, removeFolder, ruleIds, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';
import { validateSarif } from './sarif-schema';

// The Order Replication iFlow is 1823 bytes, its parameters.prop 76: a limit
// of 0.001 MB (1048 bytes) is between them.
const IFLOW_PATH = 'Order Replication/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw';
const PARAMETERS_PATH = 'Order Replication/src/main/resources/parameters.prop';

interface SarifNotification {
  level: string;
  message: { text: string };
  descriptor: { id: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

describe('cli --max-file-size and maxFileSizeMB', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => (root = tempFolder()));
  afterEach(() => removeFolder(root));

  it('skips an iFlow over the limit with one warning note and no findings; the exit code stays 0', () => {
    writeOrderArtifact(root);
    const { code, report, stderr } = runJson(['--max-file-size', '0.001'], root);
    assert.equal(code, 0, stderr);
    assert.deepEqual(report.findings, []);
    const skipped = report.notes.filter((note) => note.kind === 'too-large');
    assert.equal(skipped.length, 1, JSON.stringify(report.notes));
    assert.equal(skipped[0].path, IFLOW_PATH);
    assert.equal(skipped[0].severity, 'warning');
    assert.match(
      skipped[0].message,
      /^Not analysed: the file is 1\.8 KB \(1823 bytes\), over the 0\.001 MB limit\. To analyse it, raise the limit with --max-file-size <MB> or "maxFileSizeMB" in \.cpisecurity\.json\.$/,
    );
    assert.deepEqual(report.fileErrors, []);
    assert.equal(report.summary.scannedFiles, 1, 'parameters.prop is still read');
    assert.equal((report.summary as { skipped?: number }).skipped, 1);
    assert.match(stderr, /Order Replication\.iflw: warning: Not analysed/);
  });

  it('without the option the same files are analysed (the limit is what changed the result)', () => {
    writeOrderArtifact(root);
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.deepEqual(ruleIds(report.findings), ['cleartext-basic-auth', 'cleartext-basic-auth']);
    assert.deepEqual(report.notes, []);
  });

  it('a parameters.prop over the limit: the iFlow is analysed as if there were none, and the note says so', () => {
    writeOrderArtifact(root);
    write(root, layout('Order Replication').parameters, `${'# padding\n'.repeat(300)}ERP\\ Address=http\\://erp.example.com\\:8443\n`);
    const { code, report } = runJson(['--max-file-size', '0.002'], root);
    assert.equal(code, 0);
    assert.deepEqual(report.findings, [], 'the http:// address came from the parameter');
    const [note] = report.notes;
    assert.equal(report.notes.length, 1);
    assert.equal(note.path, PARAMETERS_PATH);
    assert.match(note.message, /as if it had no parameters\.prop/);
    assert.equal(report.summary.scannedFiles, 1);
  });

  it('reads maxFileSizeMB from .cpisecurity.json; --max-file-size wins over it', () => {
    writeOrderArtifact(root);
    write(root, '.cpisecurity.json', '{ "maxFileSizeMB": 0.001 }');
    const limited = runJson([], root);
    assert.equal(limited.code, 0);
    assert.deepEqual(
      limited.report.notes.map((note) => [note.kind, note.path]),
      [['too-large', IFLOW_PATH]],
    );
    assert.match(limited.report.notes[0].message, /over the 0\.001 MB limit/);

    const raised = runJson(['--max-file-size', '1'], root);
    assert.equal(raised.code, 1);
    assert.deepEqual(ruleIds(raised.report.findings), ['cleartext-basic-auth', 'cleartext-basic-auth']);
    assert.deepEqual(raised.report.notes, []);
  });

  it('a bad maxFileSizeMB in the configuration is reported and the default applies', () => {
    writeOrderArtifact(root);
    write(root, '.cpisecurity.json', '{ "maxFileSizeMB": 0 }');
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 2);
    assert.ok(
      report.notes.some(
        (note) => note.kind === 'configuration' && /"maxFileSizeMB" must be a number of megabytes greater than 0/.test(note.message),
      ),
    );
  });

  it('applies to certificates and to files inside zips', () => {
    write(root, 'certs/partner.pem', `-----BEGIN CERTIFICATE-----\n${'QUJD'.repeat(400)}\n-----END CERTIFICATE-----\n`);
    write(
      root,
      'export.zip',
      zipSync({ [`src/main/resources/scenarioflows/integrationflow/Order Replication.iflw`]: strToU8(ORDER_IFLOW()) }),
    );
    const { code, report } = runJson(['--max-file-size', '0.001'], root);
    assert.equal(code, 0);
    assert.deepEqual(report.notes.map((note) => [note.kind, note.path]).sort(), [
      ['too-large', 'certs/partner.pem'],
      ['too-large', 'export.zip!/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw'],
    ]);
  });

  it('sarif: a tool execution notification (warning) with the file, and a valid log', () => {
    writeOrderArtifact(root);
    const run = runCli(['--format', 'sarif', '--max-file-size', '0.001'], root);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(validateSarif(log), []);
    const invocation = log.runs[0].invocations[0];
    const notifications: SarifNotification[] = invocation.toolExecutionNotifications;
    assert.equal(notifications.length, 1, JSON.stringify(notifications));
    assert.equal(notifications[0].level, 'warning');
    assert.equal(notifications[0].descriptor.id, 'too-large');
    assert.match(notifications[0].message.text, /Order Replication\.iflw: Not analysed: .*--max-file-size/);
    assert.equal(notifications[0].locations[0].physicalLocation.artifactLocation.uri, encodeURI(IFLOW_PATH));
    assert.deepEqual(invocation.toolConfigurationNotifications, []);
    assert.equal(invocation.executionSuccessful, true);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('junit: a skipped test case; text: a section of its own and a count', () => {
    writeOrderArtifact(root);
    const junit = runCli(['--format', 'junit', '--max-file-size', '0.001'], root);
    assert.equal(junit.code, 0);
    assert.match(
      junit.stdout,
      /<testcase classname="[^"]*Order Replication\.iflw" name="size limit">\n\s*<skipped message="Not analysed: [^"]*"\/>/,
    );
    assert.doesNotMatch(junit.stdout, /<system-err>/, 'not repeated as a warning');

    const text = runCli(['--max-file-size', '0.001'], root);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Skipped \(over the size limit\):\n {2}Order Replication\/.*Order Replication\.iflw {2}Not analysed: /m);
    assert.match(text.stdout, /^1 file scanned; 1 file skipped \(size limit\)$/m);
  });

  it('a bad --max-file-size is a usage error', () => {
    writeOrderArtifact(root);
    for (const value of ['0', '-1', 'abc', '20MB', '', 'Infinity']) {
      const run = runCli([`--max-file-size=${value}`], root);
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, /--max-file-size needs a size in megabytes greater than 0, e\.g\. --max-file-size 50/, value);
      assert.equal(run.stdout, '');
    }
    assert.match(runCli(['--help'], root).stdout, /--max-file-size <MB>/);
  });
});
