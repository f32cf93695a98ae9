import * as assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import {
  fakeServiceKey,
  fakeTenantClient,
  startFakeTenant,
  tenantPaths,
  type FakeTenant,
  type FakeTenantOptions,
} from '../support/fake-tenant';
import type { TenantClient, TenantClientOptions } from '../../server/src/engine/tenant/client';
import { createTenantClient } from '../../server/src/engine/tenant/client';
import { TenantError, type TenantErrorKind } from '../../server/src/engine/tenant/errors';

// Every fault the tenant (or the way to it) can show, and what the client
// makes of it: retried and recovered, or one TenantError of the right kind
// with a message that says what to do.

const FIXTURE: FakeTenantOptions['fixture'] = {
  packages: [
    { id: 'Orders', iflows: [{ id: 'Orders_In', files: { 'src/main/resources/a.iflw': '<x/>' } }] },
    { id: 'Discover', mode: 'CONFIGURE_ONLY', iflows: [{ id: 'Std_Flow' }] },
    { id: 'Temp', vanishAfterListing: true, iflows: [{ id: 'Temp_Flow' }] },
  ],
  keystore: [{ alias: 'k1', type: 'Secret Key' }],
};

async function withTenant(
  run: (tenant: FakeTenant, client: TenantClient) => Promise<void>,
  options: FakeTenantOptions = {},
  clientOptions: TenantClientOptions = {},
): Promise<void> {
  const tenant = await startFakeTenant({ fixture: FIXTURE, ...options });
  const client = fakeTenantClient(tenant, clientOptions);
  try {
    await run(tenant, client);
  } finally {
    await client.close();
    await tenant.close();
  }
}

async function failure(call: Promise<unknown>): Promise<TenantError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof TenantError, `not a TenantError: ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

function expectKind(error: TenantError, kind: TenantErrorKind, message?: RegExp): void {
  assert.equal(error.kind, kind, error.message);
  if (message) assert.match(error.message, message);
}

describe('tenant client: authentication', () => {
  it('refuses a wrong client secret at the token endpoint (401), once, without touching the API', async () => {
    const tenant = await startFakeTenant({ fixture: FIXTURE });
    const client = createTenantClient(fakeServiceKey(tenant, { clientsecret: 'not-the-secret' }), { ca: tenant.caPem });
    try {
      const error = await failure(client.packages());
      expectKind(error, 'auth', /token endpoint 127\.0\.0\.1:\d+ refused the client id and secret of the fake tenant service key \(401\)/);
      assert.equal(error.status, 401);
      assert.equal(tenant.count(tenantPaths.packages), 0);
      assert.equal(tenant.count(tenantPaths.token), 1, 'a refused secret is not retried');
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('renews the token once when the API refuses it (401) and goes on', () =>
    withTenant(async (tenant, client) => {
      await client.packages();
      tenant.expireTokens();
      assert.equal((await client.iflows('Orders')).length, 1);
      assert.equal(tenant.count(tenantPaths.token), 2);
      assert.equal(tenant.issuedTokens.length, 2);
    }));

  it('gives up after one renewal when the API keeps answering 401', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { status: 401 });
      const error = await failure(client.packages());
      expectKind(error, 'auth', /refused the token when asked for the list of integration packages \(401\), also after renewing it/);
      assert.equal(tenant.count(tenantPaths.packages), 2);
      assert.equal(tenant.count(tenantPaths.token), 2);
    }));

  it('renews a token shortly before it expires', () =>
    withTenant(
      async (tenant, client) => {
        await client.packages();
        await new Promise((resolve) => setTimeout(resolve, 950));
        await client.packages();
        assert.equal(tenant.count(tenantPaths.token), 2);
        assert.equal(tenant.count(tenantPaths.packages), 2, 'no request went out with an expired token');
      },
      { tokenLifetimeSeconds: 1 },
    ));

  it('shares one token request among parallel calls', () =>
    withTenant(async (tenant, client) => {
      await Promise.all([client.packages(), client.keystoreEntries(), client.iflows('Orders'), client.userCredentials()]);
      assert.equal(tenant.count(tenantPaths.token), 1);
    }));
});

describe('tenant client: refusals', () => {
  it('names the missing role on a 403 for content: WorkspacePackagesRead', () =>
    withTenant(
      async (_tenant, client) => {
        const error = await failure(client.packages());
        expectKind(
          error,
          'forbidden',
          /refused the list of integration packages \(403 Forbidden\): the service key's client lacks the role WorkspacePackagesRead\./,
        );
        assert.equal(error.role, 'WorkspacePackagesRead');
        assert.equal(error.status, 403);
        assert.deepEqual(await client.keystoreEntries(), [{ alias: 'k1', hexalias: '6b31', type: 'Secret Key', owner: 'tenant' }]);
      },
      { roles: ['MonitoringDataRead'] },
    ));

  it("names the missing role on a 403 for security material: MonitoringDataRead, with the tenant's message", () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.keystore, { status: 403, message: 'Insufficient privileges' });
      tenant.fault(tenantPaths.certificateUserMappings, { status: 403 });
      const error = await failure(client.keystoreEntries());
      expectKind(error, 'forbidden', /lacks the role MonitoringDataRead\. The tenant says: Insufficient privileges/);
      assert.equal(error.role, 'MonitoringDataRead');
      assert.equal((await failure(client.certificateUserMappings())).role, 'MonitoringDataRead');
    }));

  it('says what was not found (404)', () =>
    withTenant(async (_tenant, client) => {
      const error = await failure(client.iflows('No_Such_Package'));
      expectKind(error, 'not-found', /The iFlows of package No_Such_Package was not found on 127\.0\.0\.1:\d+ \(404\)/);
      assert.equal(error.path, "/IntegrationPackages('No_Such_Package')/IntegrationDesigntimeArtifacts");
    }));

  it('tells a configure-only package apart from other refusals', () =>
    withTenant(async (_tenant, client) => {
      await client.packages();
      await client.iflows('Discover');
      const error = await failure(client.iflowContent('Std_Flow'));
      expectKind(error, 'configure-only', /iFlow Std_Flow was not downloaded: package Discover is configure-only/);
    }));

  it('recognises a configure-only refusal by its message too, without the listings', () =>
    withTenant(async (_tenant, client) => {
      expectKind(await failure(client.iflowContent('Std_Flow')), 'configure-only');
    }));

  it('reports a package that vanished between listing and reading', () =>
    withTenant(async (_tenant, client) => {
      assert.deepEqual(
        (await client.packages()).map((p) => p.id),
        ['Orders', 'Discover', 'Temp'],
      );
      expectKind(await failure(client.iflows('Temp')), 'not-found', /package Temp was not found/);
      expectKind(await failure(client.iflowContent('Temp_Flow')), 'not-found', /content of iFlow Temp_Flow/);
      assert.equal((await client.iflows('Orders')).length, 1, 'the other packages still read');
    }));
});

describe('tenant client: retries', () => {
  it('retries a 429, waiting as Retry-After says (seconds), then succeeds', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { status: 429, retryAfter: '1', times: 1 });
      const started = Date.now();
      assert.equal((await client.packages()).length, 3);
      assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
      assert.equal(tenant.count(tenantPaths.packages), 2);
    }));

  it('reads Retry-After as an HTTP date', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { status: 429, retryAfter: new Date(Date.now() - 5000).toUTCString(), times: 2 });
      assert.equal((await client.packages()).length, 3);
      assert.equal(tenant.count(tenantPaths.packages), 3);
    }));

  it('does not wait for a Retry-After longer than allowed, and says how long it was', () =>
    withTenant(
      async (tenant, client) => {
        tenant.fault(tenantPaths.packages, { status: 429, retryAfter: new Date(Date.now() + 3_600_000).toUTCString() });
        const started = Date.now();
        const error = await failure(client.packages());
        expectKind(error, 'rate-limited', /asked to wait (3599|3600) s, longer than allowed/);
        assert.ok(Date.now() - started < 5000);
        assert.equal(tenant.count(tenantPaths.packages), 1);
      },
      {},
      { retry: { maxRetryAfterMs: 1000 } },
    ));

  it('gives up on 429 after the bounded number of tries', () =>
    withTenant(
      async (tenant, client) => {
        tenant.fault(tenantPaths.keystore, { status: 429 });
        expectKind(
          await failure(client.keystoreEntries()),
          'rate-limited',
          /still answered 429 Too Many Requests to the keystore entries after 3 tries/,
        );
        assert.equal(tenant.count(tenantPaths.keystore), 3);
      },
      {},
      { retry: { attempts: 3 } },
    ));

  for (const status of [500, 502, 503, 504]) {
    it(`retries ${status} with back-off and recovers`, () =>
      withTenant(async (tenant, client) => {
        tenant.fault(tenantPaths.iflowContent('Orders_In'), { status, times: 2 });
        assert.ok((await client.iflowContent('Orders_In')).length > 0);
        assert.equal(tenant.count(tenantPaths.iflowContent('Orders_In')), 3);
      }));
  }

  it("gives up on a lasting 5xx after the default 4 tries, with the tenant's message", () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { status: 500, message: 'Internal Server Error: database unavailable' });
      const error = await failure(client.packages());
      expectKind(
        error,
        'server',
        /answered 500 to the list of integration packages 4 times\. The tenant says: Internal Server Error: database unavailable/,
      );
      assert.equal(tenant.count(tenantPaths.packages), 4);
    }));

  it('does not retry a refusal (4xx)', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { status: 400, message: 'Bad request' });
      expectKind(
        await failure(client.packages()),
        'server',
        /answered 400 to the list of integration packages, which the API does not document\. The tenant says: Bad request/,
      );
      assert.equal(tenant.count(tenantPaths.packages), 1);
    }));

  it('retries a dropped connection, and reports a lasting one as a network failure', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { destroy: true, times: 1 });
      assert.equal((await client.packages()).length, 3);
      tenant.fault(tenantPaths.keystore, { destroy: true });
      expectKind(
        await failure(client.keystoreEntries()),
        'network',
        /connection to 127\.0\.0\.1:\d+ failed while asking for the keystore entries/,
      );
      assert.equal(tenant.count(tenantPaths.keystore), 4);
    }));
});

describe('tenant client: bad answers', () => {
  it('reports a slow answer as a time-out', () =>
    withTenant(
      async (tenant, client) => {
        await client.keystoreEntries(); // the token and the connection first, so only the slow answer meets the time-out
        tenant.fault(tenantPaths.packages, { delayMs: 5000 });
        const started = Date.now();
        expectKind(
          await failure(client.packages()),
          'timeout',
          /No complete answer to the list of integration packages from 127\.0\.0\.1:\d+ within 1 s/,
        );
        assert.ok(Date.now() - started < 4000);
      },
      {},
      { timeoutMs: 1000 },
    ));

  it('waits for a slow answer within the time-out', () =>
    withTenant(
      async (tenant, client) => {
        tenant.fault(tenantPaths.packages, { delayMs: 150 });
        assert.equal((await client.packages()).length, 3);
      },
      {},
      { timeoutMs: 2000 },
    ));

  it('reports malformed JSON, quoting its start', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.packages, { body: '{"d": {"results": [' });
      expectKind(
        await failure(client.packages()),
        'malformed',
        /answer to the list of integration packages is not JSON \(it starts with "\{"d": \{"results": \["\)/,
      );
    }));

  it('reports JSON without d.results', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.userCredentials, { body: '{"value": []}' });
      expectKind(await failure(client.userCredentials()), 'malformed', /without the documented d\.results list/);
    }));

  it('reports a record lacking a field the linter needs', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.keystore, { body: JSON.stringify({ d: { results: [{ Type: 'Certificate' }] } }) });
      expectKind(await failure(client.keystoreEntries()), 'malformed', /A record of the keystore entries lacks its Alias/);
      tenant.fault(tenantPaths.certificateUserMappings, {
        body: JSON.stringify({ d: { results: [{ User: 'u', Certificate: 'MII', ValidUntil: '/Date(x)/' }] } }),
      });
      expectKind(await failure(client.certificateUserMappings()), 'malformed', /ValidUntil that is not a date/);
    }));

  it('reports content that is not a zip', () =>
    withTenant(async (tenant, client) => {
      tenant.fault(tenantPaths.iflowContent('Orders_In'), { body: '<html><body>Maintenance</body></html>', contentType: 'text/html' });
      const error = await failure(client.iflowContent('Orders_In'));
      expectKind(error, 'not-zip', /content of iFlow Orders_In is not a zip \(text\/html, 37 bytes\)/);
    }));
});

describe('tenant client: answer size', () => {
  it('refuses an answer larger than maxResponseBytes', () =>
    withTenant(
      async (tenant, client) => {
        tenant.fault(tenantPaths.iflowContent('Orders_In'), { body: new Uint8Array(5000), contentType: 'application/zip' });
        expectKind(
          await failure(client.iflowContent('Orders_In')),
          'too-large',
          /The answer to the content of iFlow Orders_In is larger than 4096 bytes; it was not read\./,
        );
        assert.ok((await client.packages()).length > 0, 'smaller answers still read');
      },
      {},
      { maxResponseBytes: 4096 },
    ));
});

describe('tenant client: the way to the tenant', () => {
  it('reports an unreachable tenant as a network failure', async () => {
    const tenant = await startFakeTenant({ fixture: FIXTURE });
    const port = await closedPort();
    const key = fakeServiceKey(tenant, { url: `https://127.0.0.1:${port}`, tokenurl: `https://127.0.0.1:${port}/oauth/token` });
    const client = fakeTenantClient(tenant, {}, key);
    try {
      expectKind(await failure(client.packages()), 'network', /127\.0\.0\.1:\d+ refused the connection \(ECONNREFUSED\)/);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('verifies the certificate: without the test CA the tenant is not trusted', async () => {
    const tenant = await startFakeTenant({ fixture: FIXTURE });
    const client = createTenantClient(fakeServiceKey(tenant), { retry: { baseDelayMs: 5 } });
    try {
      expectKind(
        await failure(client.packages()),
        'network',
        /The certificate of 127\.0\.0\.1:\d+ could not be verified \([A-Z_]+\)\. .*NODE_EXTRA_CA_CERTS/,
      );
      assert.equal(tenant.requests.length, 0, 'nothing was sent over the untrusted connection');
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('reaches the tenant through HTTPS_PROXY, and not when NO_PROXY names it', async function () {
    const tenant = await startFakeTenant({ fixture: FIXTURE });
    const proxy = await startConnectProxy();
    const saved = {
      HTTPS_PROXY: process.env.HTTPS_PROXY,
      NO_PROXY: process.env.NO_PROXY,
      https_proxy: process.env.https_proxy,
      no_proxy: process.env.no_proxy,
    };
    try {
      delete process.env.https_proxy;
      delete process.env.no_proxy;
      process.env.HTTPS_PROXY = proxy.url;
      process.env.NO_PROXY = '';
      const proxied = fakeTenantClient(tenant);
      assert.equal((await proxied.packages()).length, 3);
      await proxied.close();
      assert.ok(proxy.tunnels.length >= 1);
      for (const tunnel of proxy.tunnels) assert.equal(tunnel, tenant.host);

      proxy.tunnels.length = 0;
      process.env.NO_PROXY = '127.0.0.1';
      const direct = fakeTenantClient(tenant);
      assert.equal((await direct.keystoreEntries()).length, 1);
      await direct.close();
      assert.deepEqual(proxy.tunnels, []);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await proxy.close();
      await tenant.close();
    }
  });
});

/** A port nothing listens on (bound, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A plain HTTP CONNECT proxy recording the tunnels it opened. */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const http = await import('node:http');
  const net = await import('node:net');
  const tunnels: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, socket, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
