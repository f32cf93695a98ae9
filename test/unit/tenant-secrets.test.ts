import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createTenantClient, type TenantClient } from '../../server/src/engine/tenant/client';
import { TenantError, type TenantErrorKind } from '../../server/src/engine/tenant/errors';
import { parseServiceKey } from '../../server/src/engine/tenant/service-key';
import { fakeServiceKey, fakeTenantClient, startFakeTenant, tenantPaths, type FakeTenant } from '../support/fake-tenant';

// The client secret and the tokens never show: every error path of the
// client is driven against the fake tenant, including a tenant that echoes
// the Authorization header back in its error messages, and each error is
// searched in every form it could be printed in.

describe('tenant client: secrets stay out of errors', () => {
  let tenant: FakeTenant;
  const errors: { readonly label: string; readonly error: TenantError }[] = [];
  const clients: TenantClient[] = [];

  before(async () => {
    tenant = await startFakeTenant({
      fixture: {
        packages: [
          { id: 'Orders', iflows: [{ id: 'Orders_In', files: {} }] },
          { id: 'Discover', mode: 'CONFIGURE_ONLY', iflows: [{ id: 'Std_Flow' }] },
        ],
      },
    });
  });
  after(async () => {
    for (const client of clients) await client.close();
    await tenant.close();
  });

  function client(options: Parameters<typeof fakeTenantClient>[1] = {}, key = fakeServiceKey(tenant)): TenantClient {
    const made = fakeTenantClient(tenant, options, key);
    clients.push(made);
    return made;
  }

  async function collect(label: string, kind: TenantErrorKind, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      assert.ok(error instanceof TenantError, `${label}: ${String(error)}`);
      assert.equal(error.kind, kind, `${label}: ${error.message}`);
      errors.push({ label, error });
      return;
    }
    assert.fail(`${label}: did not fail`);
  }

  const echo = { echoAuthorization: true, message: 'Rejected request with' };

  it('drives every error path', async () => {
    const c = client({ timeoutMs: 1000 });
    await c.packages();
    const token = tenant.issuedTokens[0];

    tenant.fault(tenantPaths.iflows('Orders'), { status: 401, ...echo });
    await collect('401 after renewal', 'auth', () => c.iflows('Orders'));
    tenant.fault(tenantPaths.keystore, { status: 403, ...echo });
    await collect('403', 'forbidden', () => c.keystoreEntries());
    tenant.fault(tenantPaths.userCredentials, { status: 404, ...echo });
    await collect('404', 'not-found', () => c.userCredentials());
    tenant.fault(tenantPaths.oauth2ClientCredentials, { status: 429, retryAfter: '0', ...echo });
    await collect('429', 'rate-limited', () => c.oauth2ClientCredentials());
    tenant.fault(tenantPaths.certificateUserMappings, { status: 503, ...echo });
    await collect('5xx', 'server', () => c.certificateUserMappings());
    tenant.fault(tenantPaths.secureParameters, { status: 400, ...echo });
    await collect('400', 'server', () => c.secureParameters());
    tenant.fault(tenantPaths.configurations('Orders_In'), { body: `${tenant.issuedTokens.at(-1)} is not JSON` });
    await collect('malformed JSON quoting the token', 'malformed', () => c.configurations('Orders_In'));
    tenant.fault(tenantPaths.scriptCollections('Orders'), { body: JSON.stringify({ d: { results: [{ Name: token }] } }) });
    await collect('malformed record', 'malformed', () => c.scriptCollections('Orders'));
    tenant.fault(tenantPaths.iflowContent('Orders_In'), { body: 'no zip', contentType: `text/plain; token=${tenant.issuedTokens.at(-1)}` });
    await collect('not a zip', 'not-zip', () => c.iflowContent('Orders_In'));
    await c.packages();
    await c.iflows('Discover');
    tenant.fault(tenantPaths.iflowContent('Std_Flow'), { status: 400, ...echo });
    await collect('configure-only', 'configure-only', () => c.iflowContent('Std_Flow'));
    tenant.fault(tenantPaths.keystoreCertificate('6b31'), { delayMs: 5000 });
    await collect('time-out', 'timeout', () => c.keystoreCertificate('6b31'));
    tenant.fault(tenantPaths.keystoreCertificate('6b32'), { destroy: true });
    await collect('dropped connection', 'network', () => c.keystoreCertificate('6b32'));
    await collect('cancelled', 'cancelled', () => c.packages(AbortSignal.abort()));

    tenant.fault(tenantPaths.token, { status: 500, times: 4, ...echo });
    await collect('token endpoint 5xx', 'server', () => client().packages());
    tenant.fault(tenantPaths.token, { status: 400, times: 1, body: JSON.stringify({ error: 'invalid_client', echoed: 'x' }) });
    await collect('token endpoint invalid_client', 'auth', () => client().packages());
    tenant.fault(tenantPaths.token, { times: 1, body: `{"access_token": "${tenant.clientSecret}"` });
    await collect('token answer not JSON', 'malformed', () => client().packages());
    await collect('wrong secret', 'auth', () =>
      client({}, fakeServiceKey(tenant, { clientsecret: `${tenant.clientSecret}-old` })).packages(),
    );
    await collect('untrusted certificate', 'network', () => {
      const untrusted = createTenantClient(fakeServiceKey(tenant));
      clients.push(untrusted);
      return untrusted.packages();
    });
    const closed = `https://127.0.0.1:1`;
    await collect('unreachable', 'network', () =>
      client({}, fakeServiceKey(tenant, { url: closed, tokenurl: `${closed}/oauth/token` })).packages(),
    );

    const keyText = JSON.stringify(tenant.serviceKey);
    await collect('service key not JSON', 'service-key', async () => parseServiceKey(keyText.slice(0, -2), 'test key'));
    await collect('service key over http', 'service-key', async () =>
      parseServiceKey(JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: tenant.url.replace('https', 'http') } }), 'test key'),
    );
    assert.ok(tenant.issuedTokens.length >= 2, 'a renewal took place');
  });

  it('shows neither the secret nor any token in messages, String(), stacks, inspection or JSON', () => {
    assert.ok(errors.length >= 20, `only ${errors.length} errors collected`);
    const secrets = [
      tenant.clientSecret,
      encodeURIComponent(tenant.clientSecret),
      Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64'),
      ...tenant.issuedTokens,
    ];
    for (const { label, error } of errors) {
      const forms = [
        error.message,
        String(error),
        error.stack ?? '',
        inspect(error, { showHidden: true, depth: 10 }),
        JSON.stringify(error),
      ];
      for (const form of forms) for (const part of pieces(secrets)) assert.ok(!form.includes(part), `${label} shows a secret: ${form}`);
      assert.equal(error.cause, undefined, `${label} carries a cause`);
    }
    // The echoing tenant's words did arrive, masked.
    assert.ok(errors.some(({ error }) => /Rejected request with: (Bearer|Basic) \[redacted\]/.test(error.message)));
  });

  it('shows neither on the client object', () => {
    const secrets = [tenant.clientSecret, ...tenant.issuedTokens];
    for (const c of clients) {
      for (const form of [inspect(c, { showHidden: true, depth: 10 }), JSON.stringify(c), String(c)]) {
        for (const part of pieces(secrets)) assert.ok(!form.includes(part), form);
      }
    }
  });
});

/** Every 12-character piece of the secrets, so that a secret cut short is caught too. */
function pieces(secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => Array.from({ length: Math.max(1, secret.length - 11) }, (_, i) => secret.slice(i, i + 12)));
}
