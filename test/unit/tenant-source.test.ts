import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ArchiveSource } from '../../server/src/engine/archive-source';
import { ConfigResolver } from '../../server/src/engine/config-resolver';
import { TenantError } from '../../server/src/engine/tenant/errors';
import { scanTenant, type TenantScanOptions } from '../../server/src/engine/tenant/tenant-source';
import { TenantScanAborted } from '../../server/src/engine/tenant/problems';
import { selectPackages } from '../../server/src/engine/tenant/package-selection';
import { daysFromNow, makeCertificate } from '../support/certs';
import { RULES_DIR } from '../support/fixture-cases';
import { fixtureZip, MemoryTenant, projectZip, type MemoryTenantContent } from '../support/memory-tenant';

// The tenant source over an in-memory tenant: what is read, where findings
// sit, how configured parameter values win, and what becomes a note.
const HOST = 'tenant.example.com';
const CATALOG = join(RULES_DIR, 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
const IFLOW = 'Product Catalog.iflw';
const HTTP_PROP = 'Catalog\\ URL=http\\://catalog.example.com/odata/v2\n';
const HTTPS_PROP = 'Catalog\\ URL=https\\://catalog.example.com/odata/v2\n';
const NOW = new Date('2026-01-01T00:00:00Z');
const EXPIRED = makeCertificate({
  subject: 'old.partner.example',
  key: { type: 'ec', curve: 'prime256v1' },
  slot: 'tenant-unit',
  notBefore: daysFromNow(-400, NOW),
  notAfter: daysFromNow(-10, NOW),
});
const IFLOW_PATH = `src/main/resources/scenarioflows/integrationflow/${encodeURIComponent(IFLOW)}`;

function content(): MemoryTenantContent {
  return {
    packages: [
      {
        id: 'Finance',
        name: 'Finance Flows',
        iflows: [
          // the default is http, but the tenant runs it with https
          {
            id: 'CatalogConfigured',
            zip: fixtureZip(CATALOG, IFLOW, HTTP_PROP),
            configurations: [{ key: 'Catalog URL', value: 'https://catalog.example.com/odata/v2' }],
          },
          // the default is https, but the tenant runs it with http
          {
            id: 'CatalogOverridden',
            zip: fixtureZip(CATALOG, IFLOW, HTTPS_PROP),
            configurations: [{ key: 'Catalog URL', value: 'http://catalog.example.com/v2' }],
          },
        ],
      },
      {
        id: 'Sales',
        name: 'Sales Flows',
        iflows: [{ id: 'CatalogDefault', zip: fixtureZip(CATALOG, IFLOW, HTTP_PROP), configurations: [] }],
      },
      {
        id: 'Partner',
        name: 'Partner Content',
        mode: 'CONFIGURE_ONLY',
        iflows: [{ id: 'Hidden', zip: fixtureZip(CATALOG, IFLOW, HTTP_PROP) }],
      },
      { id: 'Broken', name: 'Broken Content', iflows: [{ id: 'NotAZip', zip: new TextEncoder().encode('<html>maintenance</html>') }] },
      {
        id: 'Scripts',
        scriptCollections: [{ id: 'Helpers', zip: projectZip({ 'src/main/resources/script/util.groovy': EVALUATING_SCRIPT }) }],
      },
    ],
    keystore: [
      {
        alias: 'old_partner',
        hexalias: Buffer.from('old_partner').toString('hex'),
        type: 'Certificate',
        owner: 'tenant',
        certificate: new TextEncoder().encode(EXPIRED.pem),
      },
    ],
    userCredentials: [{ name: 'Catalog', kind: 'default' }],
    secureParameters: ['Token'],
  };
}

/** A script collection's script that evaluates text from the message (script-eval, line 3). */
const EVALUATING_SCRIPT = `def Message processData(Message message) {
    def expression = message.getProperty("expression")
    def sum = Eval.me(expression)
    return message
}
`;

function options(tenant: MemoryTenant, extra: Partial<TenantScanOptions> = {}): TenantScanOptions {
  const configs = new ConfigResolver(new ArchiveSource([]), { defaultRoot: `cpi-tenant://${HOST}` });
  return { api: tenant, packages: [], scan: { root: '/work', now: NOW, configs }, ...extra };
}

const uri = (pkg: string, artifact: string, path: string) => `cpi-tenant://${HOST}/${pkg}/${artifact}/${path}`;

describe('tenant source', () => {
  it('scans every package at cpi-tenant:// URIs with the configured parameter values', async () => {
    const tenant = new MemoryTenant(HOST, content());
    const { report, incomplete, securityMaterial } = await scanTenant(options(tenant));
    const http = report.findings.filter((finding) => finding.ruleId === 'cleartext-http-endpoint');
    const at = http.map((finding) => finding.uri).sort();
    assert.deepEqual(at, [
      uri('Finance', 'CatalogOverridden', IFLOW_PATH),
      uri('Sales', 'CatalogDefault', 'src/main/resources/parameters.prop'),
      uri('Sales', 'CatalogDefault', IFLOW_PATH),
    ]);
    const overridden = http.find((finding) => finding.uri.includes('CatalogOverridden'))!;
    assert.match(overridden.message, /parameter "Catalog URL" as configured on the tenant/);
    assert.equal(overridden.related.length, 0, 'a configured value has no line to point at');
    assert.equal(overridden.path, overridden.uri, 'reports show the full tenant URI');
    assert.ok(report.scanned.includes(uri('Finance', 'CatalogConfigured', IFLOW_PATH)));
    assert.ok(!report.scanned.some((path) => path.includes('/Partner/')), 'configure-only content is not downloaded');
    assert.ok(!tenant.calls.includes('iflowContent(Hidden)'));

    const skipped = report.notes.find((note) => note.kind === 'not-scanned');
    assert.equal(skipped?.uri, `cpi-tenant://${HOST}/Partner`);
    assert.match(skipped!.message, /configure-only/);
    const broken = report.fileErrors.find((note) => note.uri.includes('NotAZip'));
    assert.match(broken?.message ?? '', /not a zip archive/);
    assert.equal(incomplete, true, 'a download that is not a zip leaves the scan incomplete');
    assert.deepEqual(securityMaterial?.userCredentials, [{ name: 'Catalog', kind: 'default' }]);
    assert.deepEqual(securityMaterial?.secureParameters, ['Token']);
    assert.ok(tenant.calls.includes(`keystoreCertificate(${Buffer.from('old_partner').toString('hex')})`));
    const expired = report.findings.find((finding) => finding.ruleId === 'cert-expired');
    assert.equal(expired?.uri, `cpi-tenant://${HOST}/keystore/old_partner`);
    assert.ok(tenant.calls.includes('scriptCollectionContent(Helpers)'));
    assert.ok(
      report.scanned.includes(uri('Scripts', 'Helpers', 'src/main/resources/script/util.groovy')),
      'script collections are scanned too',
    );
    const evaluated = report.findings.filter((finding) => finding.ruleId === 'script-eval');
    assert.deepEqual(
      evaluated.map((finding) => `${finding.uri}:${finding.line}`),
      [`${uri('Scripts', 'Helpers', 'src/main/resources/script/util.groovy')}:3`],
      'with the script rules, at their lines',
    );
  });

  it('is complete when everything asked for was read, and skips security material on request', async () => {
    const tenant = new MemoryTenant(HOST, content());
    const scan = await scanTenant(options(tenant, { packages: ['Finance', 'Sales*', 'Partner Content'], securityMaterial: false }));
    assert.equal(scan.incomplete, false);
    assert.equal(scan.securityMaterial, undefined);
    assert.ok(!tenant.calls.some((call) => /keystore|Credentials|secureParameters|certificateUserMappings/.test(call)));
    assert.ok(!tenant.calls.includes('iflows(Broken)'), 'unselected packages are not read');
    assert.equal(scan.report.fileErrors.length, 0);
  });

  it('notes a refused list naming the missing role, keeps what it read and marks the scan incomplete', async () => {
    const tenant = new MemoryTenant(HOST, content());
    tenant.failures.set('iflows(Sales)', new Error('403 Forbidden: the client lacks the role WorkspacePackagesRead'));
    tenant.failures.set('keystoreEntries', new Error('403 Forbidden: the client lacks the role MonitoringDataRead'));
    const scan = await scanTenant(options(tenant, { packages: ['Finance', 'Sales'] }));
    assert.equal(scan.incomplete, true);
    const messages = scan.report.fileErrors.map((note) => `${note.uri} ${note.message}`);
    assert.ok(
      messages.some((text) => text.includes('/Sales') && text.includes('WorkspacePackagesRead')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((text) => text.includes('/keystore') && text.includes('MonitoringDataRead')),
      messages.join('\n'),
    );
    assert.equal(scan.securityMaterial, undefined, 'incomplete material is not used to call names unknown');
    assert.ok(scan.report.findings.some((finding) => finding.uri.includes('CatalogOverridden')));
  });

  it('says once that the security material needs a role every one of its lists was refused for', async () => {
    const tenant = new MemoryTenant(HOST, content());
    const lists = ['keystoreEntries', 'userCredentials', 'oauth2ClientCredentials', 'secureParameters', 'certificateUserMappings'];
    const refused = (what: string) =>
      new TenantError('forbidden', `${HOST} refused ${what} (403 Forbidden): the service key's client lacks the role MonitoringDataRead.`, {
        status: 403,
        role: 'MonitoringDataRead',
      });
    for (const list of lists) tenant.failures.set(list, refused(list));
    const scan = await scanTenant(options(tenant, { packages: ['Finance'] }));
    assert.equal(scan.incomplete, true);
    assert.deepEqual(
      scan.report.fileErrors.map((note) => `${note.uri} ${note.message}`),
      [
        `cpi-tenant://${HOST} the security material (keystore, credentials, certificate-to-user mappings) could not be read: ` +
          `${HOST} refused each of its lists (403 Forbidden): the service key's client lacks the role MonitoringDataRead.`,
      ],
    );
    assert.ok(scan.report.findings.length > 0, 'the content read is still reported');

    // refused for different reasons: each list says its own
    tenant.failures.set('userCredentials', new Error('tenant.example.com answered 500 Internal Server Error.'));
    const mixed = await scanTenant(options(tenant, { packages: ['Finance'] }));
    assert.equal(mixed.report.fileErrors.length, lists.length);
  });

  it('says once why nothing could be read when every read failed alike', async () => {
    const tenant = new MemoryTenant(HOST, content());
    const refused = new Error('tenant.example.com refused the connection (ECONNREFUSED).');
    for (const call of [
      'packages',
      'keystoreEntries',
      'userCredentials',
      'oauth2ClientCredentials',
      'secureParameters',
      'certificateUserMappings',
    ])
      tenant.failures.set(call, refused);
    const scan = await scanTenant(options(tenant));
    assert.equal(scan.incomplete, true);
    assert.deepEqual(
      scan.report.fileErrors.map((note) => `${note.uri} ${note.message}`),
      [`cpi-tenant://${HOST} nothing could be read from the tenant: tenant.example.com refused the connection (ECONNREFUSED).`],
    );
  });

  it('notes a --package that matches nothing', async () => {
    const scan = await scanTenant(options(new MemoryTenant(HOST, content()), { packages: ['Nope*'], securityMaterial: false }));
    assert.equal(scan.incomplete, true);
    assert.match(scan.report.fileErrors[0].message, /--package "Nope\*" matches no integration package/);
  });

  it('downloads at most `concurrency` artifacts at a time and reports progress', async () => {
    const many: MemoryTenantContent = {
      packages: [
        { id: 'Bulk', iflows: Array.from({ length: 12 }, (_, i) => ({ id: `Flow${i}`, zip: fixtureZip(CATALOG, IFLOW, HTTPS_PROP) })) },
      ],
    };
    const tenant = new MemoryTenant(HOST, many);
    let running = 0;
    let most = 0;
    tenant.beforeAnswer = async (call) => {
      if (!call.startsWith('iflowContent')) return;
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    const seen: string[] = [];
    const scan = await scanTenant(
      options(tenant, { concurrency: 3, securityMaterial: false, onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.current}`) }),
    );
    assert.equal(most, 3);
    assert.equal(scan.report.scanned.length, 24, '12 iFlows and their parameters.prop');
    assert.equal(seen.at(-1), '12/12 Bulk');
  });

  it('stops when aborted', async () => {
    const tenant = new MemoryTenant(HOST, content());
    const controller = new AbortController();
    tenant.beforeAnswer = (call) => {
      if (call.startsWith('iflowContent')) controller.abort();
    };
    await assert.rejects(scanTenant(options(tenant, { signal: controller.signal })), TenantScanAborted);
  });

  it('looks the names channels use up in the tenant material, after configured values', async () => {
    const folder = join(RULES_DIR, 'unknown-security-material', 'fixtures', 'positive-missing-names');
    const zip = fixtureZip(folder, 'Partner Orders.iflw', 'ERP\\ Credential=ERP_ORDERS_USR\n');
    const tenant = new MemoryTenant(HOST, {
      packages: [
        {
          id: 'Orders',
          iflows: [
            { id: 'AsShipped', zip },
            { id: 'Fixed', zip, configurations: [{ key: 'ERP Credential', value: 'ERP_ORDERS_USER' }] },
          ],
        },
      ],
      keystore: [{ alias: 'sap_cloudintegrationcertificate', hexalias: '00', type: 'Key Pair', owner: 'SAP' }],
      userCredentials: [{ name: 'ERP_ORDERS_USER', kind: 'default' }],
      secureParameters: [],
    });
    const { report } = await scanTenant(options(tenant));
    const unknown = (artifact: string) =>
      report.findings
        .filter((finding) => finding.ruleId === 'unknown-security-material' && finding.uri.includes(`/${artifact}/`))
        .map((finding) => `${finding.uri.slice(finding.uri.lastIndexOf('/') + 1)}:${finding.line}`);
    assert.ok(unknown('AsShipped').includes('Partner%20Orders.iflw:31'), unknown('AsShipped').join(', '));
    assert.ok(unknown('AsShipped').includes('parameters.prop:1'));
    assert.ok(!unknown('Fixed').includes('Partner%20Orders.iflw:31'), 'the configured credential exists on the tenant');
    assert.ok(!unknown('Fixed').includes('parameters.prop:1'));
    assert.equal(unknown('Fixed').length, unknown('AsShipped').length - 2);
  });

  it('passes an unreferenced keystore entry by for the self-signed rules unless every iFlow was read', async () => {
    const make = () =>
      new MemoryTenant(HOST, {
        packages: [
          { id: 'Finance', iflows: [{ id: 'Catalog', zip: fixtureZip(CATALOG, IFLOW, HTTPS_PROP) }] },
          { id: 'Sales', iflows: [{ id: 'Other', zip: fixtureZip(CATALOG, IFLOW, HTTPS_PROP) }] },
        ],
        keystore: [
          {
            alias: 'old_partner',
            hexalias: '01',
            type: 'Certificate',
            owner: 'tenant',
            certificate: new TextEncoder().encode(EXPIRED.pem),
          },
        ],
        secureParameters: [],
      });
    const rules = async (extra: Partial<TenantScanOptions>) =>
      (await scanTenant(options(make(), extra))).report.findings
        .filter((finding) => finding.uri.includes('/keystore/'))
        .map((finding) => finding.ruleId)
        .sort();
    assert.deepEqual(await rules({}), ['cert-expired', 'outbound-cert-self-signed'], 'unused by every iFlow: outbound trust');
    assert.deepEqual(await rules({ packages: ['Finance'] }), ['cert-expired'], 'an iFlow not read may use it otherwise');
  });

  it('selects packages by id, name or glob', () => {
    const all = [
      { id: 'FinanceCore', name: 'Finance Core' },
      { id: 'Sales', name: 'Sales Orders' },
    ];
    assert.deepEqual(
      selectPackages(all, ['Sales Orders']).packages.map((pkg) => pkg.id),
      ['Sales'],
    );
    assert.deepEqual(
      selectPackages(all, ['Finance*']).packages.map((pkg) => pkg.id),
      ['FinanceCore'],
    );
    assert.deepEqual(selectPackages(all, ['Finance']).unmatched, ['Finance']);
    assert.equal(selectPackages(all, []).packages.length, 2);
  });
});
