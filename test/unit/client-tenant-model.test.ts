import * as assert from 'node:assert/strict';
import { DOWNLOAD_ARTIFACT_COMMAND, type KeystoreEntrySummary, type TenantScanResult } from '@cpi/common/tenant-protocol';
import { ViewCommands } from '../../client/src/command-ids';
import {
  afterScan,
  artifactCounts,
  defaultTenantName,
  describeCounts,
  describeKeystoreEntry,
  packageCounts,
  readTenantRecords,
  scannedWhen,
  serviceKeyTarget,
  tenantStatusText,
  usedBy,
  withoutTenant,
  withTenant,
  worstSeverity,
} from '../../client/src/tenants/tenant-model';
import { SAMPLE_SERVICE_KEY } from '../support/service-key-sample';

const counts = (error: number, warning = 0, information = 0, hint = 0) => ({ error, warning, information, hint });
const KEY = SAMPLE_SERVICE_KEY;

function result(artifacts: TenantScanResult['artifacts'], extra: Partial<TenantScanResult> = {}): TenantScanResult {
  return { scannedAt: Date.UTC(2026, 0, 5, 14, 5), cancelled: false, incomplete: false, artifacts, problems: [], findings: 0, ...extra };
}

describe('client: tenants tree model', () => {
  it('reads where a service key points without keeping or showing its secret', () => {
    const target = serviceKeyTarget(JSON.stringify(KEY));
    assert.deepEqual(target, {
      url: 'https://my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com',
      host: 'my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com',
    });
    assert.equal(defaultTenantName('my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com'), 'my-tenant');
    assert.equal(defaultTenantName('127.0.0.1:8443'), '127.0.0.1:8443');
    assert.equal(defaultTenantName('my-tenant.example.com:8443'), 'my-tenant');
  });

  it('says what is wrong with a pasted key, never quoting it', () => {
    const cases: [string, RegExp][] = [
      ['{"oauth": {"clientsecret": "s3cr3t"', /not JSON/],
      [JSON.stringify({ clientsecret: 's3cr3t' }), /no "oauth" object/],
      [JSON.stringify({ oauth: { ...KEY.oauth, tokenurl: '' } }), /lacks oauth\.tokenurl/],
      [JSON.stringify({ oauth: { ...KEY.oauth, url: 'http://my-tenant.example.com' } }), /not https/],
    ];
    for (const [text, message] of cases) {
      const target = serviceKeyTarget(text);
      assert.ok('error' in target, text);
      assert.match(target.error, message);
      assert.ok(!target.error.includes('s3cr3t'));
    }
  });

  it('keeps several tenants side by side, one per host, sorted by name; drops malformed stored records', () => {
    let list = withTenant([], { host: 'b.example.com', url: 'https://b.example.com', name: 'Production' });
    list = withTenant(list, { host: 'a.example.com', url: 'https://a.example.com', name: 'Development' });
    list = withTenant(list, { host: 'b.example.com', url: 'https://b.example.com', name: 'Prod' });
    assert.deepEqual(
      list.map((tenant) => tenant.name),
      ['Development', 'Prod'],
    );
    assert.deepEqual(
      withoutTenant(list, 'a.example.com').map((tenant) => tenant.host),
      ['b.example.com'],
    );
    assert.deepEqual(readTenantRecords([list[0], { host: 'x' }, 'junk', null]), [list[0]]);
    assert.deepEqual(readTenantRecords(undefined), []);
  });

  it('counts by artifact and package once scanned; unscanned packages say so', () => {
    const state = afterScan(undefined, result([{ packageId: 'Finance', artifactId: 'Orders', counts: counts(2, 1) }]), ['Finance']);
    assert.deepEqual(artifactCounts(state, 'Finance', 'Orders'), counts(2, 1));
    assert.deepEqual(artifactCounts(state, 'Finance', 'Clean'), counts(0), 'an artifact of a scanned package without findings is clean');
    assert.equal(artifactCounts(state, 'Sales', 'Quotes'), undefined);
    assert.equal(describeCounts(packageCounts(state, 'Sales')), 'not scanned');
    assert.equal(describeCounts(packageCounts(state, 'Finance')), '2 errors · 1 warning');
    assert.equal(describeCounts(counts(0)), 'no findings');
    assert.equal(describeCounts(counts(1, 0, 3, 1)), '1 error · 3 infos · 1 hint');
    assert.equal(worstSeverity(counts(0, 0, 2)), 'information');
    assert.equal(worstSeverity(counts(0)), undefined);
  });

  it('replaces only the scanned package on a package scan; a whole-tenant scan replaces all; a cancelled one nothing', () => {
    const material = { keystore: [], credentials: [], missing: [], certificateUserMappings: [] };
    const whole = afterScan(
      undefined,
      result(
        [
          { packageId: 'Finance', artifactId: 'Orders', counts: counts(2) },
          { packageId: 'Sales', artifactId: 'Quotes', counts: counts(0, 1) },
        ],
        { material },
      ),
      [],
    );
    assert.deepEqual(artifactCounts(whole, 'Other', 'Any'), counts(0), 'the whole tenant was scanned');
    const rescanned = afterScan(whole, result([]), ['Finance']);
    assert.deepEqual(artifactCounts(rescanned, 'Finance', 'Orders'), counts(0), 'fixed on the tenant since');
    assert.deepEqual(artifactCounts(rescanned, 'Sales', 'Quotes'), counts(0, 1), 'other packages keep their results');
    assert.equal(rescanned?.material, material, 'the security material stays until the next whole scan');
    assert.equal(afterScan(rescanned, result([], { cancelled: true }), []), rescanned);
    assert.equal(afterScan(rescanned, result([], { error: { kind: 'auth', message: 'no' } }), []), rescanned);
  });

  it('describes a keystore entry by what is wrong with it and who uses it', () => {
    const entry = (rules: string[], usedByNames: string[], owner = 'tenant'): KeystoreEntrySummary => ({
      alias: 'partner',
      type: 'Certificate',
      owner,
      validUntil: '2025-01-31T00:00:00.000Z',
      uri: 'cpi-tenant://t/keystore/partner',
      usedBy: usedByNames,
      rules,
      counts: counts(rules.length),
    });
    assert.equal(
      describeKeystoreEntry(entry(['cert-expired', 'outbound-cert-self-signed'], ['Orders'])),
      'expired 2025-01-31 · self-signed · used by Orders',
    );
    assert.equal(describeKeystoreEntry(entry(['cert-expiring-soon', 'cert-weak-key'], [])), 'expires 2025-01-31 · weak key · unused');
    assert.equal(describeKeystoreEntry(entry([], ['A', 'B', 'C', 'D', 'E'], 'SAP')), 'until 2025-01-31 · SAP · used by A, B, C +2');
    assert.equal(usedBy([]), 'unused');
  });

  it('says when the tenant was scanned, and whether completely', () => {
    const now = new Date(Date.UTC(2026, 0, 5, 15, 0));
    const state = afterScan(undefined, result([], { incomplete: true }), []);
    assert.match(scannedWhen(state, now, 'en-GB'), /^scanned \d\d:\d\d \(incomplete\)$/);
    assert.match(scannedWhen(state, new Date(Date.UTC(2026, 0, 9)), 'en-GB'), /^scanned \d\d\/\d\d\/2026 \d\d:\d\d/);
    assert.equal(scannedWhen(undefined, now), 'not scanned');
  });
});

describe('client: tenant status', () => {
  it('names the tenant scanned last, when, and its findings, material included', () => {
    const dev = { host: 'dev.example.com', url: 'https://dev.example.com', name: 'dev' };
    const prod = { host: 'prod.example.com', url: 'https://prod.example.com', name: 'prod' };
    const entry = { alias: 'a', type: 'Certificate', owner: 'tenant', uri: 'u', usedBy: [], rules: ['cert-expired'], counts: counts(1) };
    const states = new Map([
      [
        'dev.example.com',
        afterScan(
          undefined,
          result([{ packageId: 'P', artifactId: 'A', counts: counts(0, 2) }], { scannedAt: Date.UTC(2026, 0, 5, 9, 0) }),
          [],
        )!,
      ],
      [
        'prod.example.com',
        afterScan(
          undefined,
          result([{ packageId: 'P', artifactId: 'A', counts: counts(2) }], {
            scannedAt: Date.UTC(2026, 0, 5, 14, 5),
            material: { keystore: [entry], credentials: [], missing: [], certificateUserMappings: [] },
          }),
          [],
        )!,
      ],
    ]);
    const now = new Date(Date.UTC(2026, 0, 5, 15, 0));
    const shown = tenantStatusText([dev, prod], (host) => states.get(host), now, 'en-GB')!;
    assert.match(shown.text, /^CPI tenant prod: 3 errors, scanned \d\d:\d\d$/);
    assert.match(shown.tooltip, /prod \(prod\.example\.com\) scanned .*\ndev: scanned/);
    assert.equal(
      tenantStatusText([dev], () => undefined, now),
      undefined,
    );
  });
});

describe('client: tenant command ids', () => {
  it('downloads under the id the server names in its code action', () => {
    assert.equal(ViewCommands.downloadArtifact, DOWNLOAD_ARTIFACT_COMMAND);
  });
});
