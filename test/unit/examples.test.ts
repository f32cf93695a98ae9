import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { parseConfig } from '../../server/src/core/config/parse';
import { ConfigResolver } from '../../server/src/engine/config-resolver';
import { discoverFiles } from '../../server/src/engine/discover';
import { DiskSource } from '../../server/src/engine/disk-source';
import type { ReportedFinding, ScanReport } from '../../server/src/engine/report';
import { scanFiles } from '../../server/src/engine/scan';
import { fileUri } from '../../server/src/engine/uri';
import { RULES } from '@cpi/common/rules/catalogue';
import { FIXTURE_TODAY, type ExpectedFinding } from '../support/fixture-cases';
import { filesUnder } from '../support/files';

// The demo workspace examples/ is what users open first and what the
// end-to-end tests run in: every finding in it is listed, by hand, in
// test/fixtures/examples-expected.json. A change in a rule or in the
// examples that adds, moves or drops a finding fails here.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const EXPECTED = join(__dirname, '..', 'fixtures', 'examples-expected.json');
const CONFIG = join(EXAMPLES, '.cpisecurity.json');
const SCRIPTS = 'Kestrel_Supplier_Catalog_Sync/src/main/resources/script/';

/**
 * Scans the workspace as the command line and the editor's workspace scan
 * do (the engine: artifacts with their iFlows, parameters.prop and scripts,
 * the nearest .cpisecurity.json). Certificates have their own test
 * (examples-certificates.test.ts).
 */
function scanExamples(): ScanReport {
  const { problems } = parseConfig(readFileSync(CONFIG, 'utf8'), pathToFileURL(CONFIG).href);
  assert.deepEqual(problems, [], 'examples/.cpisecurity.json has problems');
  const discovery = discoverFiles([EXAMPLES], EXAMPLES);
  assert.deepEqual(discovery.problems, []);
  const source = new DiskSource(discovery.listedFolders);
  const configs = new ConfigResolver(source, { defaultRoot: fileUri(EXAMPLES) });
  const files = discovery.files.filter((file) => file.kind !== 'certificate');
  return scanFiles(files, { root: EXAMPLES, now: FIXTURE_TODAY, source, configs });
}

function summary(finding: ReportedFinding): ExpectedFinding {
  return { rule: finding.ruleId, file: finding.path, line: finding.line, column: finding.column, severity: finding.severity };
}

const order = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

describe('examples workspace', () => {
  const report = scanExamples();
  const expected: ExpectedFinding[] = JSON.parse(readFileSync(EXPECTED, 'utf8'));

  it('reports exactly the findings reviewed in examples-expected.json', () => {
    assert.deepEqual(report.findings.map(summary).sort(order), [...expected].sort(order));
    assert.deepEqual(report.fileErrors, [], 'every file of the examples is read');
    assert.deepEqual(report.notes, [], 'no rule fails, every script reads cleanly, every suppression comment has its reason');
  });

  it('shows every rule at least once (but those only a tenant scan raises, and the certificate rules of their own test)', () => {
    const shown = new Set(expected.map((finding) => finding.rule));
    const missing = RULES.filter((rule) => rule.section !== 'certificates' && !rule.tenantOnly && !shown.has(rule.id)).map(
      (rule) => rule.id,
    );
    assert.deepEqual(missing, []);
  });

  it('applies the suppression of .cpisecurity.json to the open-data calendar and the comment in LogCatalogDetails.groovy to its attachment', () => {
    const silenced = report.suppressed.map(({ finding, configPath, inSource }) => ({
      ...summary(finding),
      by: inSource ? 'comment' : configPath,
    }));
    assert.deepEqual(silenced, [
      {
        rule: 'receiver-auth-none',
        file: 'Kestrel_Carrier_Shipment_Exchange/src/main/resources/scenarioflows/integrationflow/Carrier Shipment Exchange.iflw',
        line: expectedLineOf('Carrier Shipment Exchange.iflw', 'Pickup Holiday Calendar', 'authenticationMethod'),
        column: 28,
        severity: 'information',
        by: '.cpisecurity.json',
      },
      {
        rule: 'script-mpl-attachment',
        file: `${SCRIPTS}LogCatalogDetails.groovy`,
        line: lineAfter(`${SCRIPTS}LogCatalogDetails.groovy`, 'cpi-security-lint-disable-next-line script-mpl-attachment -- '),
        column: 9,
        severity: 'information',
        by: 'comment',
      },
    ]);
  });

  it('ignores test-data/ as configured, where the stub would otherwise be reported', () => {
    const reported = [...report.findings, ...report.suppressed.map((s) => s.finding)].filter((finding) =>
      finding.path.startsWith('test-data/'),
    );
    assert.deepEqual(reported, []);
    const stub = join(EXAMPLES, 'test-data', 'Order Echo Stub.iflw');
    const uri = pathToFileURL(stub).href;
    const { config } = parseConfig(readFileSync(CONFIG, 'utf8'), pathToFileURL(CONFIG).href);
    const unignored = analyseArtifact({
      iflows: [parseIflow(uri, readFileSync(stub, 'utf8'))],
      config: { ...config, ignore: [] },
      today: FIXTURE_TODAY,
    });
    assert.ok(unignored.findings.length > 0, 'the stub has nothing to ignore');
  });

  it('lists the findings of parameters.prop beside those of the iFlow that uses the value', () => {
    // A finding on a parameter value always has its twin on the iFlow property (cleartext-secret of an unused parameter aside).
    for (const finding of report.findings.filter((f) => f.path.endsWith('/parameters.prop') && f.related.length > 0)) {
      const twin = report.findings.find(
        (f) =>
          f.ruleId === finding.ruleId && f.uri === finding.related[0].uri && f.range.start.line === finding.related[0].range.start.line,
      );
      assert.ok(twin, `${finding.ruleId} at ${finding.path}:${finding.line} has no finding in the iFlow`);
    }
  });

  it('reads every script of the catalog artifact: SetImportHeaders.groovy is clean, each other one has findings naming its Script step', () => {
    const scripts = report.scanned.filter((path) => path.startsWith(SCRIPTS)).sort();
    assert.deepEqual(
      scripts,
      filesUnder(join(EXAMPLES, ...SCRIPTS.split('/')))
        .map((path) => SCRIPTS + path.slice(path.lastIndexOf('/') + 1))
        .sort(),
    );
    assert.ok(
      scripts.some((path) => path.endsWith('.js')),
      'a JavaScript script is among them',
    );
    for (const path of scripts) {
      const found = report.findings.filter((finding) => finding.path === path);
      if (path.endsWith('/SetImportHeaders.groovy')) {
        assert.deepEqual(found.map(summary), [], 'the clean script has no finding');
        continue;
      }
      assert.ok(found.length > 0, `${path} has no finding`);
      const name = path.slice(SCRIPTS.length);
      for (const finding of found) {
        assert.deepEqual(
          finding.related.map((related) => [related.path, related.message]),
          [
            [
              'Kestrel_Supplier_Catalog_Sync/src/main/resources/scenarioflows/integrationflow/Supplier Catalog Sync.iflw',
              'Script step of iFlow "Supplier Catalog Sync" runs this script',
            ],
          ],
          `${finding.ruleId} in ${name}`,
        );
        const iflow = readFileSync(join(EXAMPLES, ...finding.related[0].path.split('/')), 'utf8').split(/\r?\n/);
        assert.equal(
          iflow[finding.related[0].line - 1].trim(),
          `<value>${name}</value>`,
          'the related location is the Script step naming the file',
        );
      }
    }
  });
});

/** 1-based line after the first line of an examples file containing `text`. */
function lineAfter(relativePath: string, text: string): number {
  const lines = readFileSync(join(EXAMPLES, ...relativePath.split('/')), 'utf8').split(/\r?\n/);
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `"${text}" not found in ${relativePath}`);
  return index + 2;
}

/** 1-based line of the `<value>` of `key` inside the channel named `channel` of an example iFlow. */
function expectedLineOf(fileName: string, channel: string, key: string): number {
  const path = filesUnder(EXAMPLES).find((p) => p.endsWith(`/${fileName}`));
  assert.ok(path, `${fileName} not found`);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const named = lines.findIndex((line) => line.includes(`<value>${channel}</value>`));
  assert.ok(named >= 0, `channel ${channel} not found`);
  const end = lines.findIndex((line, i) => i > named && line.includes('</bpmn2:messageFlow>'));
  let start = named;
  while (start > 0 && !lines[start].includes('<bpmn2:messageFlow')) start--;
  const keyLine = lines.findIndex((line, i) => i > start && i < end && line.includes(`<key>${key}</key>`));
  assert.ok(keyLine >= 0, `${key} not found in ${channel}`);
  return keyLine + 2;
}
