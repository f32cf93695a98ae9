import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TenantConnectRequest,
  TenantDisconnectRequest,
  TenantFileRequest,
  TenantScanRequest,
  type TenantScanResult,
} from '../../common/src/tenant-protocol';
import type { FakeTenant } from '../support/fake-tenant';
import { demoFixture } from '../support/fake-tenant/demo';
import { useTenantServers } from './support/tenant-session';

// A language server that restarts (a crash, "Restart Language Server")
// brings back the tenant's last scan when the client connects the tenant
// again with the same results folder: diagnostics, the tree's counts, the
// security material's documents and hovers, without scanning the tenant.

describe('tenant scans survive a language server restart', function () {
  this.timeout(60_000);
  const servers = useTenantServers(() => demoFixture(join(__dirname, '..', '..', 'examples')));
  let tenant: FakeTenant;
  let results: string;

  before(() => {
    tenant = servers.tenant;
    results = mkdtempSync(join(tmpdir(), 'cpi-tenant-results-'));
  });

  after(() => {
    rmSync(results, { recursive: true, force: true });
  });

  const serviceKey = () => JSON.stringify(tenant.serviceKey);

  it('publishes the kept scan again on connect after a crash, and forgets it when the tenant is removed', async () => {
    const first = await servers.start();
    const connected = await first.connection.sendRequest(TenantConnectRequest.type, { serviceKey: serviceKey(), resultsFolder: results });
    assert.equal(connected.restored, undefined, 'nothing kept yet');
    const host = connected.host!;
    const published = new Set<string>();
    const stop = first.onPublish((params) => params.diagnostics.length > 0 && published.add(params.uri));
    const scan: TenantScanResult = await first.connection.sendRequest(TenantScanRequest.type, { host });
    stop();
    assert.equal(scan.error, undefined);
    assert.ok(published.size > 3, 'the demo tenant has findings in several files');
    const before = new Map([...published].map((uri) => [uri, first.latest(uri)!]));
    const entry = scan.material!.keystore.find((item) => item.rules.length > 0)!;
    assert.ok(readdirSync(results).length === 1, 'one file for the tenant');
    assert.ok(!readFileSync(join(results, readdirSync(results)[0]), 'utf8').includes(tenant.serviceKey.oauth.clientsecret));

    // the server dies without a shutdown
    await first.kill();

    const second = await servers.start();
    const requestsBefore = tenant.requests.length;
    const again = await second.connection.sendRequest(TenantConnectRequest.type, { serviceKey: serviceKey(), resultsFolder: results });
    assert.ok(again.restored, 'the kept scan comes back');
    assert.deepEqual(
      again.restored.result.artifacts.map((artifact) => [artifact.packageId, artifact.artifactId, artifact.counts]).sort(),
      scan.artifacts.map((artifact) => [artifact.packageId, artifact.artifactId, artifact.counts]).sort(),
      'the tree shows the same counts',
    );
    assert.equal(again.restored.result.scannedAt <= Date.now(), true);
    assert.deepEqual(again.restored.packageIds, [], 'a whole-tenant scan');
    assert.deepEqual(again.restored.result.material, scan.material);
    for (const [uri, diagnostics] of before) {
      const restored = await second.waitForDiagnostics(uri, (list) => list.length === diagnostics.length);
      assert.deepEqual(restored, diagnostics, uri);
    }
    const scannedAgain = tenant.requests
      .slice(requestsBefore)
      .filter((request) => /\$value|KeystoreEntries|Configurations/.test(request.path));
    assert.deepEqual(scannedAgain, [], 'no artifact or material was read again');

    // the keystore entry's document and hover work from the kept material
    const text = await second.connection.sendRequest(TenantFileRequest.type, { uri: entry.uri });
    assert.match(text.text ?? '', new RegExp(`Keystore entry ${entry.alias}`));
    const hover: { contents: { value: string } } | null = await second.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: entry.uri },
      position: { line: 0, character: 1 },
    });
    assert.ok(hover?.contents.value.includes(`· ${entry.rules[0]}**`), hover?.contents.value);

    // removing (or refreshing) the tenant forgets the kept scan
    await second.connection.sendRequest(TenantDisconnectRequest.type, { host });
    assert.equal(readdirSync(results).length, 0);
    const third = await second.connection.sendRequest(TenantConnectRequest.type, { serviceKey: serviceKey(), resultsFolder: results });
    assert.equal(third.restored, undefined);
    assert.ok(!existsSync(join(results, 'missing')));
  });

  it('brings back a package scan as a package scan: the other packages stay unscanned', async () => {
    const first = await servers.start();
    const { host, packages } = await first.connection.sendRequest(TenantConnectRequest.type, {
      serviceKey: serviceKey(),
      resultsFolder: results,
    });
    const packageId = packages![0].id;
    const scan = await first.connection.sendRequest(TenantScanRequest.type, { host: host!, packageIds: [packageId] });
    assert.equal(scan.error, undefined);
    assert.ok(scan.artifacts.length > 0);
    await first.kill();

    const second = await servers.start();
    const again = await second.connection.sendRequest(TenantConnectRequest.type, { serviceKey: serviceKey(), resultsFolder: results });
    assert.deepEqual(again.restored?.packageIds, [packageId]);
    assert.equal(again.restored?.result.material, undefined, 'a package scan reads no security material');
    assert.ok(again.restored!.result.artifacts.every((artifact) => artifact.packageId === packageId));
    await second.connection.sendRequest(TenantDisconnectRequest.type, { host: host! });
  });
});
