import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecurityMaterial } from '../../server/src/core/tenant/material';
import type { ReportedFinding } from '../../server/src/engine/report';
import { deleteSavedScan, readSavedScan, savedScanFile, writeSavedScan, type SavedScan } from '../../server/src/lsp/tenant/saved-scan';

// A tenant's last scan kept for a restarted language server: read back as
// written (dates, certificate bytes, findings by URI), and anything else in
// the file taken as no kept scan rather than an error.
const HOST = 'acme.it-cpi018.cfapps.eu10.hana.ondemand.com';
const finding: ReportedFinding = {
  uri: `cpi-tenant://${HOST}/keystore/old_partner`,
  path: `cpi-tenant://${HOST}/keystore/old_partner`,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  ruleId: 'cert-expired',
  severity: 'error',
  message: 'Keystore entry "old_partner": expired',
  related: [],
  fingerprint: 'abc:0',
} as unknown as ReportedFinding;
const material: SecurityMaterial = {
  host: HOST,
  keystore: [
    {
      alias: 'old_partner',
      hexalias: '6f6c645f706172746e6572',
      type: 'Certificate',
      owner: 'tenant',
      validNotBefore: new Date('2024-01-01T00:00:00Z'),
      validNotAfter: new Date('2026-11-20T00:00:00Z'),
      certificate: new Uint8Array([0x30, 0x82, 0x01, 0x0a]),
    },
  ],
  userCredentials: [{ name: 'Catalog', kind: 'default', user: 'catalog-reader' }],
  oauth2ClientCredentials: [],
  certificateUserMappings: [{ user: 'POS_TERMINAL', certificate: new Uint8Array([1, 2, 3]), validUntil: new Date('2036-01-01T00:00:00Z') }],
};

describe('lsp: a tenant scan kept for a restarted server', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cpi-saved-scan-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads back what was written: findings by URI, material dates and bytes', () => {
    const file = savedScanFile(join(folder, 'tenant-scans'), HOST);
    const scan: SavedScan = {
      scannedAt: 1_780_000_000_000,
      wholeTenant: false,
      packages: ['Finance'],
      problems: ['Partner: configure-only, not scanned'],
      incomplete: true,
      findings: new Map([[finding.uri, [finding]]]),
      material,
    };
    writeSavedScan(file, scan);
    const read = readSavedScan(file)!;
    assert.deepEqual({ ...read, findings: [...read.findings] }, { ...scan, findings: [...scan.findings] });
    assert.ok(read.material!.keystore[0].validNotAfter instanceof Date);
    assert.ok(read.material!.certificateUserMappings[0].certificate instanceof Uint8Array);
  });

  it('takes a damaged, foreign or missing file as no kept scan, and deletes quietly', () => {
    const file = savedScanFile(folder, HOST);
    assert.equal(readSavedScan(file), undefined);
    writeFileSync(file, '{ "format": 1, "scannedAt": ');
    assert.equal(readSavedScan(file), undefined);
    writeFileSync(file, JSON.stringify({ format: 99, scannedAt: 1, findings: [] }));
    assert.equal(readSavedScan(file), undefined);
    deleteSavedScan(file);
    deleteSavedScan(file);
    assert.throws(() => readFileSync(file));
  });
});
