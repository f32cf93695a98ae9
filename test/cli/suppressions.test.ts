import * as assert from 'node:assert/strict';
import { ensureBuilt, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

describe('cli suppressions', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root);
  });
  afterEach(() => removeFolder(root));

  const config = (suppressions: object[]) => write(root, '.cpisecurity.json', JSON.stringify({ suppressions }, null, 2));

  it('an active suppression silences its findings and they are listed as suppressed with the reason', () => {
    config([{ rule: 'cleartext-basic-auth', file: '**/*.iflw', reason: 'partner has no TLS until Q3', expires: '2999-12-31' }]);
    const { code, report } = runJson([], root);
    assert.deepEqual(
      report.findings.map((f) => f.path.endsWith('parameters.prop')),
      [true],
    );
    assert.equal(code, 1);
    assert.equal(report.suppressed.length, 1);
    assert.equal(report.suppressed[0].reason, 'partner has no TLS until Q3');
    assert.ok(report.suppressed[0].finding.path.endsWith('.iflw'));

    const sarif = JSON.parse(runCli(['--format', 'sarif'], root).stdout) as {
      runs: { results: { suppressions?: { kind: string; justification: string }[] }[] }[];
    };
    const suppressed = sarif.runs[0].results.filter((r) => r.suppressions);
    assert.deepEqual(
      suppressed.map((r) => r.suppressions),
      [[{ kind: 'external', status: 'accepted', justification: 'partner has no TLS until Q3' }]],
    );
  });

  it('an expired suppression no longer applies and is reported as a warning on stderr and in the output', () => {
    config([{ rule: 'cleartext-basic-auth', reason: 'temporary', expires: '2001-01-31' }]);
    const { code, report, stderr } = runJson([], root);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 2);
    assert.equal(report.suppressed.length, 0);
    const expired = report.notes.filter((n) => n.kind === 'expired-suppression');
    assert.equal(expired.length, 1);
    assert.deepEqual([expired[0].path, expired[0].line, expired[0].severity], ['.cpisecurity.json', 3, 'warning']);
    assert.match(stderr, /\.cpisecurity\.json:3:\d+: warning: Suppression of "cleartext-basic-auth" expired on 2001-01-31/);
    assert.match(runCli([], root).stdout, /Warnings:\n {2}\.cpisecurity\.json:3:\d+ {2}Suppression of "cleartext-basic-auth" expired/);
  });

  it('--report-unused-suppressions lists suppressions that matched nothing', () => {
    config([
      { rule: 'cleartext-basic-auth', reason: 'accepted risk' },
      { rule: 'smtp-port-25', reason: 'relay is internal' },
    ]);
    const quiet = runJson([], root);
    assert.equal(quiet.code, 0);
    assert.deepEqual(quiet.report.notes, []);
    const { report, stderr } = runJson(['--report-unused-suppressions'], root);
    const unused = report.notes.filter((n) => n.kind === 'unused-suppression');
    assert.equal(unused.length, 1);
    assert.match(unused[0].message, /"smtp-port-25" matched no finding/);
    assert.match(stderr, /warning: Suppression of "smtp-port-25" matched no finding/);
  });

  it('a suppression without a reason is a configuration problem and does not apply', () => {
    config([{ rule: 'cleartext-basic-auth' }]);
    const { report, stderr } = runJson([], root);
    assert.equal(report.findings.length, 2);
    assert.match(stderr, /needs "reason"/);
  });
});
