import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { RULES } from '@cpi/common/rules/catalogue';
import { ruleCase } from '../support/fixture-cases';
import { ensureBuilt, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';
import { validateSarif } from './sarif-schema';

interface SarifLog {
  runs: {
    tool: {
      driver: {
        rules: { id: string; name: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } }; message: { text: string } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
    }[];
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
}

describe('cli output formats', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root);
  });
  afterEach(() => removeFolder(root));

  const IFLOW_PATH = 'Order Replication/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw';
  const PARAMETERS_PATH = 'Order Replication/src/main/resources/parameters.prop';

  it('text: groups findings by file with line:column, severity, message and rule id, then the summary', () => {
    const run = runCli([], root);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const iflowAt = lines.indexOf(IFLOW_PATH);
    const parametersAt = lines.indexOf(PARAMETERS_PATH);
    assert.ok(iflowAt >= 0 && parametersAt >= 0, run.stdout);
    assert.match(
      lines[iflowAt + 1],
      /^ {2}21:28 {2}error {4}The receiver "Orders to ERP" \(HTTP\) sends Basic credentials .* {2}cleartext-basic-auth$/,
    );
    assert.match(lines[parametersAt + 1], /^ {2}2:14 {2}error {4}The .* {2}cleartext-basic-auth$/);
    assert.match(run.stdout, /^2 problems \(2 errors, 0 warnings, 0 infos\)$/m);
    assert.match(run.stdout, /^2 files scanned$/m);
  });

  it('json: findings with 1-based positions, 0-based ranges, related locations, help links and fingerprints', () => {
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.deepEqual(report.summary, {
      scannedFiles: 2,
      problems: 2,
      errors: 2,
      warnings: 0,
      infos: 0,
      hints: 0,
      suppressed: 0,
      notScanned: 0,
    });
    const [onParameters, onIflow] = report.findings;
    assert.equal(onIflow.path, IFLOW_PATH);
    assert.deepEqual([onIflow.line, onIflow.column, onIflow.endLine, onIflow.endColumn], [21, 28, 21, 54]);
    assert.deepEqual(onIflow.range, { start: { line: 20, character: 27 }, end: { line: 20, character: 53 } });
    assert.deepEqual(
      onIflow.related.map((r) => [r.path, r.line, r.column]),
      [[PARAMETERS_PATH, 2, 14]],
    );
    assert.equal(onParameters.path, PARAMETERS_PATH);
    assert.deepEqual([onParameters.line, onParameters.column], [2, 14]);
    assert.match(onIflow.helpUri!, /^https:\/\/help\.sap\.com\//);
    assert.match(onIflow.fingerprint, /^[0-9a-f]{32}:1$/);
    assert.notEqual(onIflow.fingerprint, onParameters.fingerprint);
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, regions, related locations and fingerprints', () => {
    const run = runCli(['--format', 'sarif'], root);
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.deepEqual(validateSarif(log), [], 'valid against the official SARIF 2.1.0 schema');

    const [sarifRun] = log.runs;
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    const rule = sarifRun.tool.driver.rules.find((r) => r.id === 'cleartext-basic-auth')!;
    assert.equal(rule.name, 'CleartextBasicAuth');
    assert.equal(rule.shortDescription.text, 'Basic authentication over plain HTTP');
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.match(rule.helpUri, /^https:\/\/help\.sap\.com\//);

    assert.equal(sarifRun.results.length, 2);
    const onIflow = sarifRun.results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.iflw'))!;
    assert.equal(sarifRun.tool.driver.rules[onIflow.ruleIndex].id, 'cleartext-basic-auth');
    assert.equal(onIflow.level, 'error');
    assert.deepEqual(onIflow.locations[0].physicalLocation.artifactLocation, {
      uri: 'Order%20Replication/src/main/resources/scenarioflows/integrationflow/Order%20Replication.iflw',
      uriBaseId: 'SRCROOT',
    });
    assert.deepEqual(onIflow.locations[0].physicalLocation.region, { startLine: 21, startColumn: 28, endLine: 21, endColumn: 54 });
    assert.equal(
      onIflow.relatedLocations![0].physicalLocation.artifactLocation.uri,
      'Order%20Replication/src/main/resources/parameters.prop',
    );
    assert.match(onIflow.partialFingerprints['cpiSecurityLint/v1'], /^[0-9a-f]{32}:1$/);
    assert.match(sarifRun.originalUriBaseIds.SRCROOT.uri, /^file:\/\/.*\/$/);
  });

  it('sarif: the schema check rejects a broken log (the validator is not vacuous)', () => {
    const log = JSON.parse(runCli(['--format', 'sarif'], root).stdout) as SarifLog;
    log.runs[0].results[0].level = 'severe';
    (log.runs[0].results[0].locations[0].physicalLocation.region as Record<string, number>).startLine = 0;
    assert.ok(validateSarif(log).length >= 2);
  });

  it('junit: well-formed XML, one suite per file, failures at or above --fail-on', () => {
    write(
      root,
      'Clean/clean.iflw',
      readFileSync(join(ruleCase('cleartext-basic-auth', 'negative-https'), 'Order Replication.iflw'), 'utf8'),
    );
    const run = runCli(['--format', 'junit'], root);
    assert.equal(run.code, 1, run.stderr);
    const suites: Record<string, string>[] = [];
    const failures: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      if (tag.name === 'testsuite') suites.push(tag.attributes as Record<string, string>);
      if (tag.name === 'failure') failures.push((tag.attributes as Record<string, string>).type);
    });
    parser.write(run.stdout).close(); // throws when not well-formed
    assert.deepEqual(suites.map((s) => [s.name, s.failures]).sort(), [
      ['Clean/clean.iflw', '0'],
      [PARAMETERS_PATH, '1'],
      [IFLOW_PATH, '1'],
    ]);
    assert.deepEqual(failures, ['cleartext-basic-auth', 'cleartext-basic-auth']);
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const run = runCli(['--format', 'sarif', '--output', 'report.sarif'], root);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const log = JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')) as SarifLog;
    assert.equal(log.runs[0].results.length, 2);
  });

  it('--help and --version', () => {
    const help = runCli(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: cpi-security-lint/);
    assert.match(help.stdout, /--fail-on/);
    const version = runCli(['--version'], root);
    assert.equal(version.code, 0);
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), manifest.version);
  });
});
