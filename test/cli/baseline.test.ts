import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  basicOverHttpChannel,
  ensureBuilt,
  layout,
  ORDER_IFLOW,
  removeFolder,
  runCli,
  runJson,
  tempFolder,
  withChannel,
  write,
  writeOrderArtifact,
} from './support';

describe('cli baseline', function () {
  let root: string;
  let paths: { iflow: string; parameters: string };
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    paths = writeOrderArtifact(root);
    // A second insecure channel, so the baseline holds findings of two channels in one file.
    write(
      root,
      layout('Order Replication').iflow('Order Replication'),
      withChannel(ORDER_IFLOW(), basicOverHttpChannel('MessageFlow_20', 'Orders to Archive', 'http://archive.example.com:8443/in')),
    );
  });
  afterEach(() => removeFolder(root));

  function writeBaselineNow() {
    const run = runCli(['--write-baseline', 'baseline.json'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote 3 findings to the baseline/);
    const baseline = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as {
      findings: { fingerprint: string; ruleId: string }[];
    };
    assert.equal(baseline.findings.length, 3);
  }

  it('--write-baseline records the findings and exits 0; --baseline then reports none', () => {
    writeBaselineNow();
    const { code, report } = runJson(['--baseline', 'baseline.json'], root);
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.knownFindings, 3);
    assert.match(runCli(['--baseline', 'baseline.json'], root).stdout, /3 known findings hidden by the baseline/);
  });

  it('known findings stay known after line shifts and unrelated edits', () => {
    writeBaselineNow();
    const iflow = readFileSync(paths.iflow, 'utf8')
      .replace('<bpmn2:collaboration', '\n\n\n<!-- reviewed -->\n<bpmn2:collaboration')
      .replace('<value>ERP_USER</value>', '<value>ERP_USER_2</value>')
      .replace(/\n/g, '\r\n');
    write(root, layout('Order Replication').iflow('Order Replication'), iflow);
    write(root, layout('Order Replication').parameters, `# a comment\n\n${readFileSync(paths.parameters, 'utf8')}Unrelated=value\n`);
    const { code, report } = runJson(['--baseline', 'baseline.json'], root);
    assert.deepEqual(report.findings, []);
    assert.equal(code, 0);
    // the findings did move: without the baseline they sit on other lines now
    const all = runJson([], root).report.findings;
    assert.equal(all.length, 3);
    assert.ok(all.some((f) => f.path.endsWith('.iflw') && f.line !== 21 && f.line > 21));
  });

  it('a new insecure channel is exactly one new finding', () => {
    writeBaselineNow();
    const iflow = readFileSync(paths.iflow, 'utf8');
    write(
      root,
      layout('Order Replication').iflow('Order Replication'),
      withChannel(iflow, basicOverHttpChannel('MessageFlow_30', 'Orders to Billing', 'http://billing.example.com:9443/in')),
    );
    const { code, report } = runJson(['--baseline', 'baseline.json'], root);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0].ruleId, 'cleartext-basic-auth');
    assert.match(report.findings[0].message, /Orders to Billing/);
  });

  it('a second identical finding is new even though the first is known', () => {
    writeBaselineNow();
    const iflow = readFileSync(paths.iflow, 'utf8');
    // same channel name, same address: same fingerprint hash as the archived one
    write(
      root,
      layout('Order Replication').iflow('Order Replication'),
      withChannel(iflow, basicOverHttpChannel('MessageFlow_31', 'Orders to Archive', 'http://archive.example.com:8443/in')),
    );
    const { report } = runJson(['--baseline', 'baseline.json'], root);
    assert.equal(report.findings.length, 1);
    assert.match(report.findings[0].fingerprint, /:2$/);
  });

  it('a missing or foreign baseline is exit 2', () => {
    assert.equal(runCli(['--baseline', 'nope.json'], root).code, 2);
    write(root, 'foreign.json', '{"results": []}');
    const foreign = runCli(['--baseline', 'foreign.json'], root);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /not a cpi-security-lint baseline/);
  });
});
