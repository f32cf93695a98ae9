import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TenantConnectRequest, TenantScanRequest } from '../../common/src/tenant-protocol';
import { daysFromNow, makeCertificate } from '../support/certs';
import type { FakeTenant } from '../support/fake-tenant';
import type { LspSession } from './support/lsp-session';
import { useTenantServers } from './support/tenant-session';

// A tenant scanned from the editor follows the workspace's .cpisecurity.json
// as the command line's --tenant follows --config: the file at the top of the
// first workspace folder that has one (rules off, severities, ignores).
const CATALOG = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules', 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
const IFLOW = 'Product Catalog.iflw';
const IFLOW_PATH = `src/main/resources/scenarioflows/integrationflow/${IFLOW}`;
const EXPIRED = makeCertificate({
  subject: 'old.config.example',
  key: { type: 'ec', curve: 'prime256v1' },
  slot: 'tenant-workspace-config',
  notBefore: daysFromNow(-400),
  notAfter: daysFromNow(-10),
});

describe('tenant scans in the editor use the workspace configuration', function () {
  this.timeout(60_000);
  const servers = useTenantServers(() => ({
    packages: [
      {
        id: 'Finance',
        name: 'Finance Flows',
        iflows: [
          {
            id: 'Catalog',
            files: {
              [IFLOW_PATH]: readFileSync(join(CATALOG, IFLOW), 'utf8'),
              'src/main/resources/parameters.prop': 'Catalog\\ URL=https\\://catalog.example.com/odata/v2\n',
            },
            configurations: [{ key: 'Catalog URL', value: 'http://catalog.example.com/v2' }],
          },
        ],
      },
    ],
    keystore: [{ alias: 'old_partner', certificate: EXPIRED.pem }],
    userCredentials: [],
    secureParameters: [],
  }));
  let tenant: FakeTenant;
  let session: LspSession;
  let workspace: string;
  let configured: string;

  before(async () => {
    tenant = servers.tenant;
    workspace = mkdtempSync(join(tmpdir(), 'cpi-tenant-config-'));
    // the first folder has no configuration: the second folder's applies
    mkdirSync(join(workspace, 'first'));
    configured = join(workspace, 'second');
    mkdirSync(configured);
    writeFileSync(join(configured, '.cpisecurity.json'), '{}\n');
    session = await servers.start([pathToFileURL(join(workspace, 'first')).href, pathToFileURL(configured).href]);
  });

  after(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  const host = () => new URL(tenant.serviceKey.oauth.url).host;
  const iflowUri = () => `cpi-tenant://${host()}/Finance/Catalog/${IFLOW_PATH.split('/').map(encodeURIComponent).join('/')}`;
  const entryUri = () => `cpi-tenant://${host()}/keystore/old_partner`;

  async function scan(): Promise<{ iflow: Diagnostic[]; entry: Diagnostic[] }> {
    const published = new Map<string, Diagnostic[]>();
    const stop = session.onPublish((params) => published.set(params.uri, params.diagnostics));
    const result = await session.connection.sendRequest(TenantScanRequest.type, { host: host() });
    stop();
    assert.equal(result.error, undefined);
    return { iflow: published.get(iflowUri()) ?? [], entry: published.get(entryUri()) ?? [] };
  }

  it("turns a rule off, raises a severity, suppresses and ignores as the second folder's file says, from the next scan", async () => {
    const connected = await session.connection.sendRequest(TenantConnectRequest.type, { serviceKey: JSON.stringify(tenant.serviceKey) });
    assert.equal(connected.error, undefined);
    const codes = (list: Diagnostic[]) => list.map((diagnostic) => diagnostic.code).sort();
    const severity = (list: Diagnostic[], code: string) => list.find((diagnostic) => diagnostic.code === code)?.severity;

    const before = await scan();
    assert.ok(codes(before.iflow).includes('cleartext-http-endpoint'), codes(before.iflow).join());
    assert.equal(severity(before.iflow, 'receiver-auth-none'), 3, 'a hint by default');
    assert.equal(severity(before.entry, 'cert-expired'), 1);

    writeFileSync(
      join(configured, '.cpisecurity.json'),
      JSON.stringify({ rules: { 'cleartext-http-endpoint': 'off', 'receiver-auth-none': 'error' }, openedPorts: [80] }),
    );
    const after = await scan();
    assert.deepEqual(codes(after.iflow), ['receiver-auth-none'], 'the rule turned off and the port recorded as opened are gone');
    assert.equal(severity(after.iflow, 'receiver-auth-none'), 1, 'raised to an error');
    assert.equal(severity(after.entry, 'cert-expired'), 1, 'the security material is scanned with the same file');

    // a suppression whose file glob names the tenant's package, as a suppression of local files names their folder
    writeFileSync(
      join(configured, '.cpisecurity.json'),
      JSON.stringify({
        rules: { 'cleartext-http-endpoint': 'off' },
        openedPorts: [80],
        suppressions: [{ rule: 'receiver-auth-none', file: 'Finance/Catalog/**', reason: 'A public catalogue; reviewed.' }],
      }),
    );
    const suppressed = await scan();
    assert.deepEqual(session.latest(iflowUri()), [], 'the suppressed finding is withdrawn');
    assert.ok(codes(suppressed.entry).includes('cert-expired'));

    // globs are relative to the tenant, as for --tenant on the command line
    writeFileSync(join(configured, '.cpisecurity.json'), JSON.stringify({ ignore: ['Finance/**'] }));
    const ignored = await scan();
    assert.deepEqual(session.latest(iflowUri()), [], "the ignored package's findings are withdrawn");
    assert.ok(codes(ignored.entry).includes('cert-expired'));
  });
});
