import * as assert from 'node:assert/strict';
import { ensureBuilt, removeFolder, runCli, runJson, tempFolder, writeOrderArtifact } from './support';

// The SAP design guideline a rule matches reaches every machine-readable
// report, so pipeline results can be set beside the tenant's own check.

describe('cli: SAP design guidelines in reports', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root); // Basic over http://: cleartext-basic-auth, USE_SECURE_AUTHENTICATION_METHODS
  });
  afterEach(() => removeFolder(root));

  it('json: on each finding and in the rules section', () => {
    const { report } = runJson(['.'], root);
    const findings = report.findings as unknown as { ruleId: string; sapDesignGuideline?: string }[];
    const basic = findings.filter((finding) => finding.ruleId === 'cleartext-basic-auth');
    assert.ok(basic.length > 0);
    for (const finding of basic) assert.equal(finding.sapDesignGuideline, 'USE_SECURE_AUTHENTICATION_METHODS');
    const rules = (report as unknown as { rules: { id: string; title: string; sapDesignGuideline: string | null }[] }).rules;
    assert.deepEqual(
      rules.map((rule) => rule.id),
      [...new Set(findings.map((finding) => finding.ruleId))].sort(),
    );
    assert.equal(rules.find((rule) => rule.id === 'cleartext-basic-auth')?.sapDesignGuideline, 'USE_SECURE_AUTHENTICATION_METHODS');
  });

  it('sarif: as a rule property and a tag', () => {
    const run = runCli(['--format', 'sarif', '.'], root);
    const log = JSON.parse(run.stdout) as {
      runs: { tool: { driver: { rules: { id: string; properties: { tags: string[]; sapDesignGuideline?: string } }[] } } }[];
    };
    const rule = log.runs[0].tool.driver.rules.find((candidate) => candidate.id === 'cleartext-basic-auth');
    assert.equal(rule?.properties.sapDesignGuideline, 'USE_SECURE_AUTHENTICATION_METHODS');
    assert.ok(rule?.properties.tags.includes('sap-guideline/USE_SECURE_AUTHENTICATION_METHODS'));
    const none = log.runs[0].tool.driver.rules.find((candidate) => candidate.id === 'cert-expired');
    assert.equal(none?.properties.sapDesignGuideline, undefined);
  });
});
