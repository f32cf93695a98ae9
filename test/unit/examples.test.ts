import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseArtifact, type ArtifactResult } from '../../server/src/core/analysis/analyse-artifact';
import { artifactFolder, isIflowUri } from '../../server/src/core/analysis/artifact-layout';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { parseConfig } from '../../server/src/core/config/parse';
import { configTarget } from '../../server/src/core/config/target';
import type { Finding } from '@cpi/common/findings';
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

/** Analyses every artifact the way the language server does: iFlows grouped by artifact folder, with that folder's parameters.prop. */
function analyseExamples(): ArtifactResult {
  const configUri = pathToFileURL(CONFIG).href;
  const configText = readFileSync(CONFIG, 'utf8');
  const { config, problems } = parseConfig(configText, configUri);
  assert.deepEqual(problems, [], 'examples/.cpisecurity.json has problems');

  const artifacts = new Map<string, string[]>();
  for (const path of filesUnder(EXAMPLES)) {
    const uri = pathToFileURL(path).href;
    if (!isIflowUri(uri)) continue;
    const folder = artifactFolder(uri);
    artifacts.set(folder, [...(artifacts.get(folder) ?? []), uri]);
  }

  const findings: Finding[] = [];
  const suppressed: ArtifactResult['suppressed'][number][] = [];
  const ruleFailures: ArtifactResult['ruleFailures'][number][] = [];
  for (const [folder, iflowUris] of [...artifacts].sort(([a], [b]) => a.localeCompare(b))) {
    const iflows = iflowUris.sort().map((uri) => parseIflow(uri, readFileSync(fileURLToPath(uri), 'utf8')));
    const parametersUri = `${folder}/parameters.prop`;
    const parametersPath = fileURLToPath(parametersUri);
    const parameters = existsSync(parametersPath) ? parseParameters(parametersUri, readFileSync(parametersPath, 'utf8')) : undefined;
    const result = analyseArtifact({ iflows, parameters, config, configTarget: configTarget(configUri, configText), today: FIXTURE_TODAY });
    findings.push(...result.findings);
    suppressed.push(...result.suppressed);
    ruleFailures.push(...result.ruleFailures);
  }
  return { findings, suppressed, ruleFailures };
}

function examplesPath(uri: string): string {
  return relative(EXAMPLES, fileURLToPath(uri)).split('\\').join('/');
}

function summary(finding: Finding): ExpectedFinding {
  return {
    rule: finding.ruleId,
    file: examplesPath(finding.uri),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    severity: finding.severity,
  };
}

const order = (a: ExpectedFinding, b: ExpectedFinding) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

describe('examples workspace', () => {
  const result = analyseExamples();
  const expected: ExpectedFinding[] = JSON.parse(readFileSync(EXPECTED, 'utf8'));

  it('reports exactly the findings reviewed in examples-expected.json', () => {
    assert.deepEqual(result.findings.map(summary).sort(order), [...expected].sort(order));
    assert.deepEqual(result.ruleFailures, [], 'no rule fails on the examples');
  });

  it('shows every network and authentication rule at least once (but those only a tenant scan raises)', () => {
    const shown = new Set(expected.map((finding) => finding.rule));
    // Script rules are shown by the examples' scripts, which this analysis of the iFlows does not read.
    const missing = RULES.filter((rule) => rule.section !== 'certificates' && rule.section !== 'scripts' && !rule.tenantOnly && !shown.has(rule.id)).map((rule) => rule.id);
    assert.deepEqual(missing, []);
  });

  it('applies the suppression of .cpisecurity.json to the open-data calendar only', () => {
    const silenced = result.suppressed.map(({ finding, suppression }) => ({ ...summary(finding), by: suppression.rule }));
    assert.deepEqual(silenced, [
      {
        rule: 'receiver-auth-none',
        file: 'Kestrel_Carrier_Shipment_Exchange/src/main/resources/scenarioflows/integrationflow/Carrier Shipment Exchange.iflw',
        line: expectedLineOf('Carrier Shipment Exchange.iflw', 'Pickup Holiday Calendar', 'authenticationMethod'),
        column: 28,
        severity: 'information',
        by: 'receiver-auth-none',
      },
    ]);
  });

  it('ignores test-data/ as configured, where the stub would otherwise be reported', () => {
    const reported = [...result.findings, ...result.suppressed.map((s) => s.finding)].filter((finding) => examplesPath(finding.uri).startsWith('test-data/'));
    assert.deepEqual(reported, []);
    const stub = join(EXAMPLES, 'test-data', 'Order Echo Stub.iflw');
    const uri = pathToFileURL(stub).href;
    const { config } = parseConfig(readFileSync(CONFIG, 'utf8'), pathToFileURL(CONFIG).href);
    const unignored = analyseArtifact({ iflows: [parseIflow(uri, readFileSync(stub, 'utf8'))], config: { ...config, ignore: [] }, today: FIXTURE_TODAY });
    assert.ok(unignored.findings.length > 0, 'the stub has nothing to ignore');
  });

  it('lists the findings of parameters.prop beside those of the iFlow that uses the value', () => {
    // A finding on a parameter value always has its twin on the iFlow property (cleartext-secret of an unused parameter aside).
    for (const finding of result.findings.filter((f) => f.uri.endsWith('/parameters.prop') && f.related.length > 0)) {
      const twin = result.findings.find((f) => f.ruleId === finding.ruleId && f.uri === finding.related[0].uri && f.range.start.line === finding.related[0].range.start.line);
      assert.ok(twin, `${finding.ruleId} at ${examplesPath(finding.uri)}:${finding.range.start.line + 1} has no finding in the iFlow`);
    }
  });
});

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
