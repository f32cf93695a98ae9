import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { ecCaSigned, selfSignedRsa } from '../support/certs';
import { fakeTenantClient, startFakeTenant, tenantPaths, type FakeTenant, type FakeTenantFixture } from '../support/fake-tenant';
import type { TenantClient } from '../../server/src/engine/tenant/client';

// The HTTP client against the local fake tenant: every documented endpoint,
// read into the linter's types, and paging through d.__next.

const IFLOW = 'src/main/resources/scenarioflows/integrationflow/Orders.iflw';

const fixture = (): FakeTenantFixture => ({
  packages: [
    {
      id: 'Orders',
      name: 'Order processing',
      version: '1.2.0',
      iflows: [
        {
          id: 'Orders_In',
          name: 'Orders inbound',
          files: { [IFLOW]: '<bpmn2:definitions/>', 'src/main/resources/parameters.prop': 'host=example.com\n' },
          configurations: [
            { key: 'host', value: 'api.example.com' },
            { key: 'port', value: '443', dataType: 'xsd:integer' },
          ],
        },
        { id: "It's_Quoted", files: {} },
      ],
      scriptCollections: [{ id: 'Shared_Scripts', files: { 'src/main/resources/script/util.groovy': 'def x = 1' } }],
    },
    { id: 'Discover_Pkg', mode: 'CONFIGURE_ONLY', iflows: [{ id: 'Std_Flow' }] },
  ],
  keystore: [
    { alias: 'sap_cloud_root', owner: 'SAP', certificate: selfSignedRsa().pem },
    { alias: 'partner_ec', certificate: ecCaSigned().der, servePem: true },
    { alias: 'signing_key', type: 'Key Pair', certificate: selfSignedRsa().der, fields: { KeySize: 4096 } },
  ],
  userCredentials: [{ name: 'ERP_User', kind: 'default', user: 'erp' }],
  oauth2ClientCredentials: [
    { name: 'Crm_OAuth', tokenServiceUrl: 'http://auth.example.com/token', clientAuthentication: 'SendAsBasicAuthHeader' },
  ],
  secureParameters: ['ApiKey'],
  certificateUserMappings: [{ user: 'partner_a', certificate: ecCaSigned().pem, validUntil: new Date(Date.UTC(2030, 0, 1)) }],
});

describe('tenant client: reading', () => {
  let tenant: FakeTenant;
  let client: TenantClient;
  before(async () => {
    tenant = await startFakeTenant({ fixture: fixture() });
    client = fakeTenantClient(tenant);
  });
  after(async () => {
    await client.close();
    await tenant.close();
  });

  it('names the tenant host as cpi-tenant:// URIs do', () => {
    assert.equal(client.host, tenant.host);
  });

  it('lists packages with their mode', async () => {
    assert.deepEqual(await client.packages(), [
      { id: 'Orders', name: 'Order processing', version: '1.2.0', mode: 'EDIT_ALLOWED' },
      { id: 'Discover_Pkg', name: 'Discover_Pkg', version: '1.0.0', mode: 'CONFIGURE_ONLY' },
    ]);
  });

  it('lists the iFlows and script collections of a package', async () => {
    assert.deepEqual(
      (await client.iflows('Orders')).map((a) => [a.id, a.name, a.packageId]),
      [
        ['Orders_In', 'Orders inbound', 'Orders'],
        ["It's_Quoted", "It's_Quoted", 'Orders'],
      ],
    );
    assert.deepEqual(
      (await client.scriptCollections('Orders')).map((a) => a.id),
      ['Shared_Scripts'],
    );
  });

  it('downloads an iFlow project as a zip', async () => {
    const files = unzipSync(await client.iflowContent('Orders_In'));
    assert.equal(strFromU8(files[IFLOW]), '<bpmn2:definitions/>');
    assert.equal(strFromU8(files['src/main/resources/parameters.prop']), 'host=example.com\n');
    assert.match(strFromU8(files['META-INF/MANIFEST.MF']), /Bundle-SymbolicName: Orders_In/);
  });

  it('addresses ids holding quotes as OData literals', async () => {
    const files = unzipSync(await client.iflowContent("It's_Quoted"));
    assert.ok(files['META-INF/MANIFEST.MF']);
    assert.equal(tenant.count(tenantPaths.iflowContent("It's_Quoted")), 1);
  });

  it('downloads a script collection', async () => {
    const files = unzipSync(await client.scriptCollectionContent('Shared_Scripts'));
    assert.equal(strFromU8(files['src/main/resources/script/util.groovy']), 'def x = 1');
  });

  it('reads configured parameters', async () => {
    assert.deepEqual(await client.configurations('Orders_In'), [
      { key: 'host', value: 'api.example.com', dataType: 'xsd:string' },
      { key: 'port', value: '443', dataType: 'xsd:integer' },
    ]);
  });

  it('reads keystore entries with /Date(ms)/ dates, owner and key details', async () => {
    const entries = await client.keystoreEntries();
    assert.deepEqual(
      entries.map((e) => [e.alias, e.hexalias, e.type, e.owner]),
      [
        ['sap_cloud_root', Buffer.from('sap_cloud_root').toString('hex'), 'Certificate', 'SAP'],
        ['partner_ec', Buffer.from('partner_ec').toString('hex'), 'Certificate', 'tenant'],
        ['signing_key', Buffer.from('signing_key').toString('hex'), 'Key Pair', 'tenant'],
      ],
    );
    const x509 = new X509Certificate(selfSignedRsa().pem);
    const root = entries[0];
    assert.equal(root.keyType, 'RSA');
    assert.equal(root.keySize, 2048);
    assert.equal(root.signatureAlgorithm, 'SHA256withRSA');
    assert.equal(root.validNotAfter?.getTime(), new Date(x509.validTo).getTime());
    assert.equal(root.validNotBefore?.getTime(), new Date(x509.validFrom).getTime());
    assert.equal(root.subjectDN, 'CN=self.example.com');
    assert.equal(root.fingerprintSha256, x509.fingerprint256);
    assert.equal(entries[1].keyType, 'EC');
    assert.equal(entries[1].ellipticCurve, 'secp256r1');
    assert.equal(entries[2].keySize, 4096);
    assert.equal(entries[0].certificate, undefined, 'certificates come from keystoreCertificate');
  });

  it('downloads a keystore certificate as DER or PEM bytes', async () => {
    const [root, ec] = await client.keystoreEntries();
    assert.deepEqual(Buffer.from(await client.keystoreCertificate(root.hexalias)), selfSignedRsa().der);
    const pem = Buffer.from(await client.keystoreCertificate(ec.hexalias)).toString('utf8');
    assert.equal(new X509Certificate(pem).fingerprint256, new X509Certificate(ecCaSigned().der).fingerprint256);
  });

  it('reads credentials and secure parameter names, never a password', async () => {
    assert.deepEqual(await client.userCredentials(), [{ name: 'ERP_User', kind: 'default', user: 'erp' }]);
    assert.deepEqual(await client.oauth2ClientCredentials(), [
      { name: 'Crm_OAuth', tokenServiceUrl: 'http://auth.example.com/token', clientAuthentication: 'SendAsBasicAuthHeader' },
    ]);
    assert.deepEqual(await client.secureParameters(), ['ApiKey']);
  });

  it('reads certificate-to-user mappings with the certificate as DER', async () => {
    const [mapping] = await client.certificateUserMappings();
    assert.equal(mapping.user, 'partner_a');
    assert.deepEqual(Buffer.from(mapping.certificate), ecCaSigned().der);
    assert.equal(mapping.validUntil?.toISOString(), '2030-01-01T00:00:00.000Z');
  });

  it('asks for JSON, with GET only, and one token for many calls', () => {
    const api = tenant.requests.filter((r) => r.path !== tenantPaths.token);
    assert.ok(api.length > 10);
    assert.ok(api.every((r) => r.method === 'GET'));
    for (const r of api.filter((r) => !r.path.endsWith('$value'))) assert.equal(r.accept, 'application/json', r.path);
    assert.equal(tenant.count(tenantPaths.token), 1);
    assert.equal(client.requestCount, tenant.requests.length);
  });
});

describe('tenant client: secure parameters where the tenant has no list', () => {
  it('answers undefined on 404', async () => {
    const tenant = await startFakeTenant({ fixture: {} });
    const client = fakeTenantClient(tenant);
    try {
      assert.equal(await client.secureParameters(), undefined);
      assert.deepEqual(await client.keystoreEntries(), []);
    } finally {
      await client.close();
      await tenant.close();
    }
  });
});

describe('tenant client: paging', () => {
  const many = (n: number): FakeTenantFixture => ({
    packages: Array.from({ length: n }, (_, i) => ({ id: `P${i}` })),
    keystore: Array.from({ length: n }, (_, i) => ({ alias: `k${i}`, type: 'Secret Key' })),
  });

  for (const relativeNextLinks of [false, true]) {
    it(`follows ${relativeNextLinks ? 'relative' : 'absolute'} d.__next links to the last page`, async () => {
      const tenant = await startFakeTenant({ fixture: many(7), pageSize: 3, relativeNextLinks });
      const client = fakeTenantClient(tenant);
      try {
        assert.deepEqual(
          (await client.packages()).map((p) => p.id),
          ['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6'],
        );
        assert.equal(tenant.count(tenantPaths.packages), 3);
        assert.deepEqual(
          tenant.requests.filter((r) => r.path === tenantPaths.packages).map((r) => r.query),
          ['', '?$skiptoken=3', '?$skiptoken=6'],
        );
        assert.equal((await client.keystoreEntries()).length, 7);
      } finally {
        await client.close();
        await tenant.close();
      }
    });
  }

  it("pages a package's iFlows and an iFlow's configuration too, next links relative to the API root", async () => {
    const tenant = await startFakeTenant({
      fixture: {
        packages: [
          {
            id: 'Big',
            iflows: Array.from({ length: 5 }, (_, i) => ({
              id: `Flow${i}`,
              configurations: i === 0 ? Array.from({ length: 4 }, (_, k) => ({ key: `p${k}`, value: `v${k}` })) : [],
            })),
          },
        ],
      },
      pageSize: 2,
      relativeNextLinks: true,
    });
    const client = fakeTenantClient(tenant);
    try {
      assert.deepEqual(
        (await client.iflows('Big')).map((flow) => flow.id),
        ['Flow0', 'Flow1', 'Flow2', 'Flow3', 'Flow4'],
      );
      assert.deepEqual(
        tenant.requests.filter((r) => r.path === tenantPaths.iflows('Big')).map((r) => r.query),
        ['', '?$skiptoken=2', '?$skiptoken=4'],
      );
      assert.deepEqual(
        (await client.configurations('Flow0')).map((parameter) => parameter.key),
        ['p0', 'p1', 'p2', 'p3'],
      );
      assert.equal(tenant.count(tenantPaths.configurations('Flow0')), 2);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('does not follow a next link to another host, where the token would go', async () => {
    const tenant = await startFakeTenant({ fixture: many(1) });
    tenant.fault(tenantPaths.packages, {
      body: JSON.stringify({ d: { results: [], __next: 'https://elsewhere.example.com/api/v1/IntegrationPackages?$skiptoken=1' } }),
    });
    const client = fakeTenantClient(tenant);
    try {
      await assert.rejects(
        client.packages(),
        (e: Error & { kind?: string }) => e.kind === 'malformed' && /another host \(elsewhere\.example\.com\)/.test(e.message),
      );
      assert.equal(tenant.count(tenantPaths.packages), 1);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('stops at a next link that loops back', async () => {
    const tenant = await startFakeTenant({ fixture: many(1) });
    tenant.fault(tenantPaths.packages, { body: JSON.stringify({ d: { results: [{ Id: 'A' }], __next: 'IntegrationPackages' } }) });
    const client = fakeTenantClient(tenant);
    try {
      await assert.rejects(client.packages(), (e: Error & { kind?: string }) => e.kind === 'malformed' && /link back/.test(e.message));
    } finally {
      await client.close();
      await tenant.close();
    }
  });
});
