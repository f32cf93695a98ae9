import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import {
  TenantArtifactFilesRequest,
  TenantArtifactsRequest,
  TenantConnectRequest,
  TenantDisconnectRequest,
  TenantDownloadRequest,
  DOWNLOAD_ARTIFACT_COMMAND,
  TenantFileRequest,
  TenantScanProgressNotification,
  TenantScanRequest,
  type TenantScanProgress,
} from '../../common/src/tenant-protocol';
import { daysFromNow, makeCertificate } from '../support/certs';
import { tenantPaths, type FakeTenant, type FakeTenantFixture } from '../support/fake-tenant';
import { demoFixture } from '../support/fake-tenant/demo';
import type { LspSession } from './support/lsp-session';
import { useTenantServers } from './support/tenant-session';

// The tenant requests of the language server against the fake HTTPS tenant:
// connect (and each way it fails, with the next step), browse, scan with
// progress and cancel, diagnostics at cpi-tenant:// URIs, file texts for the
// client's read-only file system, and no edits offered on tenant files.
const CATALOG = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules', 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
const IFLOW = 'Product Catalog.iflw';
const IFLOW_PATH = `src/main/resources/scenarioflows/integrationflow/${IFLOW}`;
const EXPIRED = makeCertificate({
  subject: 'old.partner.example',
  key: { type: 'ec', curve: 'prime256v1' },
  slot: 'tenant-protocol',
  notBefore: daysFromNow(-400),
  notAfter: daysFromNow(-10),
});

function fixture(): FakeTenantFixture {
  return {
    packages: [
      {
        id: 'Finance',
        name: 'Finance Flows',
        iflows: [
          {
            id: 'CatalogOverridden',
            name: 'Catalog (overridden)',
            files: {
              [IFLOW_PATH]: readFileSync(join(CATALOG, IFLOW), 'utf8'),
              'src/main/resources/parameters.prop': 'Catalog\\ URL=https\\://catalog.example.com/odata/v2\n',
            },
            configurations: [{ key: 'Catalog URL', value: 'http://catalog.example.com/v2' }],
          },
        ],
        scriptCollections: [{ id: 'Helpers', files: { 'src/main/resources/script/util.groovy': 'def x = 1\n' } }],
      },
      {
        id: 'Partner',
        name: 'Partner Content',
        mode: 'CONFIGURE_ONLY',
        iflows: [{ id: 'Hidden', files: { [IFLOW_PATH]: readFileSync(join(CATALOG, IFLOW), 'utf8') } }],
      },
    ],
    keystore: [{ alias: 'old_partner', certificate: EXPIRED.pem }],
    userCredentials: [{ name: 'Catalog', kind: 'default' }],
    secureParameters: [],
  };
}

describe('tenant requests of the language server', function () {
  this.timeout(60_000);
  const servers = useTenantServers(fixture);
  let tenant: FakeTenant;
  let session: LspSession;
  let key: string;

  before(async () => {
    tenant = servers.tenant;
    key = JSON.stringify(tenant.serviceKey);
    session = await servers.start();
  });

  const connect = (serviceKey: string) => session.connection.sendRequest(TenantConnectRequest.type, { serviceKey });
  const host = () => new URL(tenant.serviceKey.oauth.url).host;
  const uri = (pkg: string, artifact: string, path: string) =>
    `cpi-tenant://${host()}/${pkg}/${artifact}/${path.split('/').map(encodeURIComponent).join('/')}`;

  it('refuses a bad service key before sending anything, with the next step', async () => {
    const before = tenant.requests.length;
    const notJson = await connect('{ "oauth": ');
    assert.equal(notJson.error?.kind, 'service-key');
    assert.match(notJson.error!.message, /not JSON.*Next: paste the whole service key/s);
    const http = await connect(JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: 'http://tenant.example.com' } }));
    assert.equal(http.error?.kind, 'service-key');
    assert.match(http.error!.message, /http:\/\//);
    assert.equal(tenant.requests.length, before);
  });

  it('says what to do on wrong credentials, a missing role and an unreachable host', async () => {
    const wrong = await connect(JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, clientsecret: 'not-the-secret' } }));
    assert.equal(wrong.error?.kind, 'auth');
    assert.match(wrong.error!.message, /Next: .*new service key/);
    assert.ok(!wrong.error!.message.includes('not-the-secret'));

    tenant.fault(tenantPaths.packages, { status: 403, times: 1 });
    const forbidden = await connect(key);
    assert.equal(forbidden.error?.kind, 'forbidden');
    assert.equal(forbidden.error?.role, 'WorkspacePackagesRead');
    assert.match(forbidden.error!.message, /Next: give the service instance the role WorkspacePackagesRead/);

    const unreachable = await connect(
      JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: 'https://127.0.0.1:9', tokenurl: 'https://127.0.0.1:9/oauth/token' } }),
    );
    assert.equal(unreachable.error?.kind, 'network');
    assert.match(unreachable.error!.message, /Next: check the tenant URL/);
  });

  it('connects, lists packages and artifacts, and serves tenant files with the configured values', async () => {
    const connected = await connect(key);
    assert.equal(connected.error, undefined);
    assert.equal(connected.host, host());
    assert.deepEqual(
      connected.packages!.map((pkg) => [pkg.id, pkg.configureOnly]),
      [
        ['Finance', false],
        ['Partner', true],
      ],
    );
    const { artifacts } = await session.connection.sendRequest(TenantArtifactsRequest.type, { host: host(), packageId: 'Finance' });
    assert.deepEqual(
      artifacts!.map((artifact) => [artifact.id, artifact.kind, artifact.name]),
      [
        ['CatalogOverridden', 'iflow', 'Catalog (overridden)'],
        ['Helpers', 'script-collection', 'Helpers'],
      ],
    );
    const { files } = await session.connection.sendRequest(TenantArtifactFilesRequest.type, { uri: artifacts![0].uri });
    assert.ok(files!.some((file) => file.path === IFLOW_PATH && file.uri === uri('Finance', 'CatalogOverridden', IFLOW_PATH)));

    const iflow = await session.connection.sendRequest(TenantFileRequest.type, { uri: uri('Finance', 'CatalogOverridden', IFLOW_PATH) });
    assert.equal(iflow.text, readFileSync(join(CATALOG, IFLOW), 'utf8'));
    const parameters = await session.connection.sendRequest(TenantFileRequest.type, {
      uri: uri('Finance', 'CatalogOverridden', 'src/main/resources/parameters.prop'),
    });
    assert.equal(parameters.text, 'Catalog\\ URL=http\\://catalog.example.com/v2\n', 'the value the tenant runs with');
    const missing = await session.connection.sendRequest(TenantFileRequest.type, {
      uri: uri('Finance', 'CatalogOverridden', 'src/main/resources/nothing.txt'),
    });
    assert.equal(missing.error?.kind, 'not-found');
  });

  it('scans the tenant with progress, publishes diagnostics and summarises the security material', async () => {
    await connect(key);
    const progress: TenantScanProgress[] = [];
    const stop = session.connection.onNotification(TenantScanProgressNotification.type, (params) => progress.push(params));
    const result = await session.connection.sendRequest(TenantScanRequest.type, { host: host() });
    stop.dispose();
    assert.equal(result.cancelled, false);
    assert.equal(result.error, undefined);
    const catalog = result.artifacts.find((artifact) => artifact.artifactId === 'CatalogOverridden');
    assert.ok(catalog && catalog.counts.warning + catalog.counts.error >= 1, JSON.stringify(result.artifacts));
    assert.equal(
      result.findings,
      result.artifacts.reduce((sum, a) => sum + a.counts.error + a.counts.warning + a.counts.information + a.counts.hint, 0) + 1,
      "content findings and the keystore entry's",
    );
    assert.ok(progress.length > 0 && progress.at(-1)!.done === progress.at(-1)!.total);
    assert.ok(result.problems.some((problem) => /configure-only/.test(problem)));

    const iflowUri = uri('Finance', 'CatalogOverridden', IFLOW_PATH);
    const diagnostics = await session.waitForDiagnostics(iflowUri, (list) => list.some((d) => d.code === 'cleartext-http-endpoint'));
    assert.match(diagnostics.find((d) => d.code === 'cleartext-http-endpoint')!.message, /configured on the tenant/);

    const entry = result.material!.keystore.find((item) => item.alias === 'old_partner')!;
    assert.ok(entry.rules.includes('cert-expired'), entry.rules.join());
    assert.equal(entry.counts.error, 1);
    assert.ok(result.material!.credentials.some((item) => item.name === 'Catalog' && item.kind === 'user'));
    const entryDiagnostics = await session.waitForDiagnostics(entry.uri, (list) => list.some((d) => d.code === 'cert-expired'));
    assert.ok(entryDiagnostics.length > 0);
    const entryText = await session.connection.sendRequest(TenantFileRequest.type, { uri: entry.uri });
    assert.match(entryText.text!, /Keystore entry old_partner/);

    // an opened tenant file keeps the scan's diagnostics: it is not analysed live
    await session.open(iflowUri, 'xml', readFileSync(join(CATALOG, IFLOW), 'utf8'));
    const actions: CodeAction[] = await session.codeActionsFor(
      iflowUri,
      diagnostics.find((d) => d.code === 'cleartext-http-endpoint') as Diagnostic,
    );
    assert.ok(actions.length > 0);
    assert.ok(
      actions.every((action) => action.edit === undefined),
      'no edits on a read-only tenant file',
    );
    assert.match(actions.find((action) => action.disabled)!.disabled!.reason, /download the artifact/);
    assert.ok(actions.some((action) => action.command?.command === 'cpiSecurity.explainRule'));
    const download = actions.find((action) => action.command?.command === DOWNLOAD_ARTIFACT_COMMAND);
    assert.deepEqual(download?.command?.arguments, [`cpi-tenant://${host()}/Finance/CatalogOverridden`]);
    assert.ok(session.latest(iflowUri)!.some((d) => d.code === 'cleartext-http-endpoint'));
    const at = diagnostics.find((d) => d.code === 'cleartext-http-endpoint')!.range.start;
    const hover: { contents: { value: string } } | null = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: iflowUri },
      position: at,
    });
    assert.match(hover!.contents.value, /cleartext-http-endpoint/);
    assert.match(hover!.contents.value, /http:\/\/catalog\.example\.com\/v2/, 'the value as configured on the tenant');
    await session.close(iflowUri);
  });

  it("downloads an artifact's whole project into a folder, never over an existing one", async () => {
    await connect(key);
    const parent = mkdtempSync(join(tmpdir(), 'cpi-download-'));
    try {
      const artifact = `cpi-tenant://${host()}/Finance/CatalogOverridden`;
      const done = await session.connection.sendRequest(TenantDownloadRequest.type, { uri: artifact, folder: pathToFileURL(parent).href });
      assert.equal(done.error, undefined);
      assert.equal(done.folder, join(parent, 'CatalogOverridden'));
      assert.equal(readFileSync(join(done.folder!, ...IFLOW_PATH.split('/')), 'utf8'), readFileSync(join(CATALOG, IFLOW), 'utf8'));
      assert.equal(
        readFileSync(join(done.folder!, 'src', 'main', 'resources', 'parameters.prop'), 'utf8'),
        'Catalog\\ URL=https\\://catalog.example.com/odata/v2\n',
        'the project as on the tenant, not its configuration',
      );
      assert.ok(
        done.files!.some((file) => file.endsWith(join('META-INF', 'MANIFEST.MF'))),
        'files the linter does not read come too',
      );
      const again = await session.connection.sendRequest(TenantDownloadRequest.type, { uri: artifact, folder: pathToFileURL(parent).href });
      assert.match(again.error!.message, /exists already.*nothing is overwritten/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('stops a scan on cancel', async () => {
    await connect(key); // a fresh connection: nothing downloaded yet
    tenant.fault(/KeystoreEntries/, { delayMs: 3000, times: 1 });
    const source = new CancellationTokenSource();
    const running = session.connection.sendRequest(TenantScanRequest.type, { host: host() }, source.token);
    setTimeout(() => source.cancel(), 300);
    const started = Date.now();
    const result = await running.catch((error: unknown) => ({ cancelledByProtocol: error }));
    assert.ok('cancelledByProtocol' in result || result.cancelled, JSON.stringify(result));
    assert.ok(Date.now() - started < 2500, 'the scan stopped before the slow answer came');
  });

  it('forgets a removed tenant and its diagnostics, and never logs the secret', async () => {
    await connect(key);
    await session.connection.sendRequest(TenantDisconnectRequest.type, { host: host() });
    const after = await session.connection.sendRequest(TenantFileRequest.type, { uri: uri('Finance', 'CatalogOverridden', IFLOW_PATH) });
    assert.equal(after.error?.kind, 'unknown-tenant');
    assert.deepEqual(session.latest(uri('Finance', 'CatalogOverridden', IFLOW_PATH)), []);
    const secret = tenant.serviceKey.oauth.clientsecret;
    assert.ok(!session.stderr.includes(secret) && !session.logs.some((log) => log.message.includes(secret)));
  });
});

describe('tenant requests on the demo tenant (examples/ as deployed content)', function () {
  this.timeout(60_000);
  const servers = useTenantServers(() => demoFixture(join(__dirname, '..', '..', 'examples')));
  let tenant: FakeTenant;
  let session: LspSession;

  before(async () => {
    tenant = servers.tenant;
    session = await servers.start();
  });

  it('names the iFlows using each keystore entry and the names channels use that the tenant lacks', async () => {
    const connected = await session.connection.sendRequest(TenantConnectRequest.type, { serviceKey: JSON.stringify(tenant.serviceKey) });
    const published = new Set<string>();
    const listening = session.onPublish((params) => published.add(params.uri));
    const result = await session.connection.sendRequest(TenantScanRequest.type, { host: connected.host! });
    listening(); // the diagnostics come before the answer
    assert.equal(result.error, undefined);
    const material = result.material!;
    const bank = material.keystore.find((entry) => entry.alias === 'kestrel_nordbank_client')!;
    assert.deepEqual(bank.usedBy, ['Bank Statement Import']);
    assert.deepEqual(material.keystore.find((entry) => entry.alias === 'kestrel_test_backend')!.usedBy, []);
    assert.deepEqual(
      material.missing.map((item) => [item.name, item.usedBy]),
      [
        ['ARCHIVE_UPLOAD_USER', ['Legacy Invoice Dispatch']],
        ['borderline_customs_encryption', ['Carrier Shipment Exchange']],
      ],
    );
    assert.deepEqual(material.credentials.find((item) => item.name === 'KESTREL_NORDBANK_SFTP')?.usedBy, ['Bank Statement Import']);
    const oauth = material.credentials.find((item) => item.name === 'TRAILGEAR_UNITS_OAUTH')!;
    assert.equal(oauth.counts.error, 1, 'its token URL is http://');
    assert.ok(
      material.certificateUserMappings[0].rules.includes('inbound-cert-self-signed'),
      material.certificateUserMappings[0].rules.join(),
    );
    assert.ok(result.artifacts.length >= 5, 'most demo artifacts have findings');

    // a script of a tenant iFlow: its findings as diagnostics, and the hover on the API there
    const scripts = [...published]
      .filter((uri) => /\.(groovy|gsh|js)$/.test(uri))
      .flatMap((uri): [string, Diagnostic][] => (session.latest(uri) ?? []).map((diagnostic): [string, Diagnostic] => [uri, diagnostic]));
    assert.ok(scripts.length > 0, 'the demo scripts have findings');
    const [uri, diagnostic] = scripts[0];
    const hover: { contents: { value: string } } | null = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: diagnostic.range.start,
    });
    assert.ok(hover, `a hover at ${uri} ${JSON.stringify(diagnostic.range.start)}`);
    assert.match(hover.contents.value, new RegExp(String(diagnostic.code)));
  });

  it('hovers on keystore entries, credentials and mappings: the finding, its FAQ answer, then the iFlows using it', async () => {
    const { host } = await session.connection.sendRequest(TenantConnectRequest.type, { serviceKey: JSON.stringify(tenant.serviceKey) });
    const result = await session.connection.sendRequest(TenantScanRequest.type, { host: host! });
    const material = result.material!;
    const hoverAt = async (uri: string): Promise<string | undefined> => {
      const hover: { contents: { value: string } } | null = await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 2 },
      });
      return hover?.contents.value;
    };
    const used = material.keystore.find((entry) => entry.rules.length > 0 && entry.usedBy.length > 0);
    assert.ok(used, JSON.stringify(material.keystore.map((entry) => [entry.alias, entry.rules, entry.usedBy])));
    const entry = (await hoverAt(used.uri))!;
    const rule = entry.indexOf(`· ${used.rules[0]}**`);
    const faq = entry.indexOf('*FAQ: ');
    const usage = entry.indexOf('**Used by**');
    assert.ok(rule >= 0 && rule < faq && faq < usage, `finding, FAQ, usage in that order:\n${entry}`);
    assert.match(entry, /\*Why it matters:\*/);
    assert.match(entry, /command:cpiSecurity\.openFaq/);
    for (const user of used.usedBy) assert.ok(entry.slice(usage).includes(`*${user}*`), user);

    const oauth = material.credentials.find((item) => item.name === 'TRAILGEAR_UNITS_OAUTH')!;
    const credential = (await hoverAt(oauth.uri))!;
    assert.match(credential, /^\*\*Error · /, 'the finding on its http:// token URL first');
    assert.match(credential, /\*\*Used by\*\* \*Supplier Catalog Sync\*/);
    const unused = material.credentials.find((item) => item.usedBy.length === 0 && item.counts.error + item.counts.warning === 0)!;
    const quiet = (await hoverAt(unused.uri))!;
    assert.match(quiet, /No findings on this credential in the last scan/);
    assert.match(quiet, /No scanned iFlow uses this credential/);

    const mapping = material.certificateUserMappings[0];
    const mapped = (await hoverAt(mapping.uri))!;
    assert.ok(mapped.includes(`· ${mapping.rules[0]}**`), mapped);
    assert.doesNotMatch(mapped, /Used by|No scanned iFlow/, 'the API says nothing of who calls with a mapped certificate');
    // a name the tenant's material lacks has no document and no hover
    assert.equal(await hoverAt(`cpi-tenant://${host}/keystore/no_such_alias`), undefined);
  });
});
