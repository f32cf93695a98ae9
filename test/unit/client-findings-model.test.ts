import * as assert from 'node:assert/strict';
import {
  CONFIGURATION_KEY,
  findingFile,
  findingLabel,
  groupFindings,
  ruleOfCode,
  totalCount,
  type FindingRecord,
  type SeverityNumber,
} from '../../client/src/findings/findings-model';

function finding(rule: string, file: string, line: number, severity: SeverityNumber = 1, character = 0): FindingRecord {
  return { rule, uri: `file:///ws/${file}`, file, message: `${rule} at ${line}`, severity, line, character };
}

const FINDINGS: FindingRecord[] = [
  finding('cleartext-http-endpoint', 'b/Orders.iflw', 12),
  finding('cleartext-basic-auth', 'a/Invoices.iflw', 40, 0),
  finding('cleartext-http-endpoint', 'a/Invoices.iflw', 30),
  finding('cleartext-http-endpoint', 'a/Invoices.iflw', 5),
  finding('smtp-port-25', 'b/parameters.prop', 2, 2),
  finding(CONFIGURATION_KEY, '.cpisecurity.json', 0, 0),
];

describe('client: findings grouping', () => {
  it('groups by rule with counts, most severe first, then by id', () => {
    const groups = groupFindings(FINDINGS, 'rule');
    assert.deepEqual(
      groups.map((group) => [group.key, group.findings.length, group.severity]),
      [
        ['cleartext-basic-auth', 1, 0],
        [CONFIGURATION_KEY, 1, 0],
        ['cleartext-http-endpoint', 3, 1],
        ['smtp-port-25', 1, 2],
      ],
    );
    assert.equal(totalCount(groups), FINDINGS.length);
  });

  it('orders findings inside a rule group by file, then line', () => {
    const http = groupFindings(FINDINGS, 'rule').find((group) => group.key === 'cleartext-http-endpoint');
    assert.deepEqual(
      http?.findings.map((item) => `${item.file}:${item.line}`),
      ['a/Invoices.iflw:5', 'a/Invoices.iflw:30', 'b/Orders.iflw:12'],
    );
  });

  it('groups by file, ordered by path, with the worst severity of the file', () => {
    const groups = groupFindings(FINDINGS, 'file');
    assert.deepEqual(
      groups.map((group) => [group.findings[0].file, group.findings.length, group.severity]),
      [
        ['.cpisecurity.json', 1, 0],
        ['a/Invoices.iflw', 3, 0],
        ['b/Orders.iflw', 1, 1],
        ['b/parameters.prop', 1, 2],
      ],
    );
    assert.equal(groups[1].key, 'file:///ws/a/Invoices.iflw');
    assert.deepEqual(
      groups[1].findings.map((item) => item.line),
      [5, 30, 40],
    );
  });

  it('returns no groups for no findings', () => {
    assert.deepEqual(groupFindings([], 'rule'), []);
    assert.equal(totalCount([]), 0);
  });

  it('reads the rule id from every shape of diagnostic code', () => {
    assert.equal(ruleOfCode('cert-expired'), 'cert-expired');
    assert.equal(ruleOfCode({ value: 'cert-weak-key' }), 'cert-weak-key');
    assert.equal(ruleOfCode(42), '42');
    assert.equal(ruleOfCode(undefined), CONFIGURATION_KEY);
    assert.equal(ruleOfCode(''), CONFIGURATION_KEY);
  });

  describe('rows', () => {
    const onIflow: FindingRecord = {
      ...finding('cleartext-basic-auth', 'Loyalty/Loyalty.iflw', 40, 0, 12),
      message: 'The receiver "Loyalty Points" (HTTP) sends Basic credentials over http://, in cleartext. Use https://.',
      channel: 'Loyalty Points',
      subject: 'httpAddressWithoutQuery',
      related: [{ uri: 'file:///ws/Loyalty/parameters.prop', line: 3, character: 14 }],
    };
    const onParameter: FindingRecord = {
      ...finding('cleartext-basic-auth', 'Loyalty/parameters.prop', 3, 0, 14),
      message: `${onIflow.message} The value comes from parameter "Loyalty URL".`,
      channel: 'Loyalty Points',
      subject: 'Loyalty URL',
      related: [{ uri: onIflow.uri, line: 40, character: 12 }],
    };

    it('label a finding by its channel and subject, not its message', () => {
      assert.equal(findingLabel(onIflow), '"Loyalty Points" · httpAddressWithoutQuery');
      assert.equal(findingLabel({ ...finding('cert-weak-key', 'a.pem', 0), subject: 'CN=legacy' }), 'CN=legacy');
      assert.equal(findingLabel({ ...finding('x', 'a.iflw', 0), message: 'First clause: then a long explanation.' }), 'First clause:');
    });

    it('show the parameter copy of an iFlow finding under it, counted once', () => {
      const [group] = groupFindings([onParameter, onIflow], 'rule');
      assert.equal(group.findings.length, 1);
      assert.equal(group.findings[0].uri, onIflow.uri);
      assert.deepEqual(
        group.findings[0].copies.map((copy) => copy.uri),
        [onParameter.uri],
      );
      assert.equal(totalCount([group]), 1);
    });

    it('keep the copy on its own when its iFlow finding is in another group', () => {
      const groups = groupFindings([onParameter, onIflow], 'file');
      assert.deepEqual(
        groups.map((group) => group.findings.length),
        [1, 1],
      );
    });
  });
});

describe('client: tenant findings in the Findings view', () => {
  const relative = (uri: string) => uri.replace('file:///ws/', '');
  const host = 'acme-dev.it-cpi018.cfapps.eu10-003.hana.ondemand.com';
  const tenantIflow = `cpi-tenant://${host}/Finance/Catalog%20Sync/src/main/resources/scenarioflows/integrationflow/Catalog%20Sync.iflw`;
  const keystore = `cpi-tenant://${host}/keystore/old_partner`;
  const record = (uri: string, rule: string, severity: SeverityNumber): FindingRecord => ({
    rule,
    uri,
    file: findingFile(uri, relative),
    message: rule,
    severity,
    line: 3,
    character: 0,
  });

  it("names a tenant file by its host and decoded path, a local one by the workspace's path", () => {
    assert.equal(findingFile('file:///ws/a/Invoices.iflw', relative), 'a/Invoices.iflw');
    assert.equal(
      findingFile(tenantIflow, relative),
      `${host}/Finance/Catalog Sync/src/main/resources/scenarioflows/integrationflow/Catalog Sync.iflw`,
    );
    assert.equal(findingFile(keystore, relative), `${host}/keystore/old_partner`);
    assert.equal(findingFile(`cpi-tenant://${host}/P/A/bad%zz.groovy`, relative), `${host}/P/A/bad%zz.groovy`);
  });

  it('lists tenant findings beside local ones, in one rule group and as their own files', () => {
    const records = [
      record('file:///ws/a/Invoices.iflw', 'cleartext-http-endpoint', 1),
      record(tenantIflow, 'cleartext-http-endpoint', 1),
      record(keystore, 'cert-expired', 0),
    ];
    const byRule = groupFindings(records, 'rule');
    const http = byRule.find((group) => group.key === 'cleartext-http-endpoint')!;
    assert.deepEqual(
      http.findings.map((row) => row.uri),
      ['file:///ws/a/Invoices.iflw', tenantIflow],
    );
    assert.deepEqual(
      byRule.map((group) => group.key),
      ['cert-expired', 'cleartext-http-endpoint'],
    );
    const byFile = groupFindings(records, 'file');
    assert.deepEqual(
      byFile.map((group) => group.findings[0].file),
      [
        'a/Invoices.iflw',
        `${host}/Finance/Catalog Sync/src/main/resources/scenarioflows/integrationflow/Catalog Sync.iflw`,
        `${host}/keystore/old_partner`,
      ],
    );
    assert.equal(totalCount(byFile), 3);
  });
});
