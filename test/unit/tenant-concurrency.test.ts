import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { fakeTenantClient, startFakeTenant, tenantPaths, type FakeTenant } from '../support/fake-tenant';
import { TenantError } from '../../server/src/engine/tenant/errors';

// Bounded parallel requests, measured at the server, and cancellation: an
// aborted signal ends waiting requests, back-off sleeps and requests in
// flight at once, as a TenantError of kind cancelled.

const FLOWS = 16;

async function tenantWithFlows(latencyMs: number): Promise<FakeTenant> {
  return startFakeTenant({
    latencyMs,
    fixture: {
      packages: [
        {
          id: 'Bulk',
          iflows: Array.from({ length: FLOWS }, (_, i) => ({ id: `Flow_${i}`, files: { 'src/main/resources/a.iflw': `<x n="${i}"/>` } })),
        },
      ],
    },
  });
}

function isCancelled(error: unknown): boolean {
  return error instanceof TenantError && error.kind === 'cancelled' && error.message === 'The tenant read was cancelled.';
}

describe('tenant client: parallel requests', () => {
  for (const concurrency of [1, 3, undefined]) {
    it(`keeps at most ${concurrency ?? 'the default 4'} requests in flight`, async () => {
      const tenant = await tenantWithFlows(20);
      const client = fakeTenantClient(tenant, concurrency === undefined ? {} : { concurrency });
      try {
        await client.packages();
        tenant.resetLog();
        const zips = await Promise.all(Array.from({ length: FLOWS }, (_, i) => client.iflowContent(`Flow_${i}`)));
        assert.equal(zips.length, FLOWS);
        assert.equal(tenant.count(/\/\$value$/), FLOWS);
        assert.equal(tenant.maxInFlight, concurrency ?? 4, 'the bound is reached and never passed');
      } finally {
        await client.close();
        await tenant.close();
      }
    });
  }

  it('frees a slot while a retry waits, so others go on', async () => {
    const tenant = await tenantWithFlows(0);
    const client = fakeTenantClient(tenant, { concurrency: 1, retry: { baseDelayMs: 1000, maxDelayMs: 1000 } });
    try {
      await client.packages();
      tenant.fault(tenantPaths.iflowContent('Flow_0'), { status: 503, times: 1 });
      const order: string[] = [];
      await Promise.all([
        client.iflowContent('Flow_0').then(() => order.push('Flow_0')),
        client.iflowContent('Flow_1').then(() => order.push('Flow_1')),
      ]);
      assert.deepEqual(order, ['Flow_1', 'Flow_0']);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('refuses a concurrency below 1', async () => {
    const tenant = await tenantWithFlows(0);
    try {
      assert.throws(() => fakeTenantClient(tenant, { concurrency: 0 }), /concurrency must be a whole number of at least 1, got 0/);
    } finally {
      await tenant.close();
    }
  });
});

describe('tenant client: cancellation', () => {
  it('stops a request in flight when the client signal aborts', async () => {
    const tenant = await tenantWithFlows(0);
    const controller = new AbortController();
    const client = fakeTenantClient(tenant, { signal: controller.signal, timeoutMs: 10_000 });
    try {
      await client.packages();
      tenant.fault(tenantPaths.keystore, { delayMs: 5000 });
      const started = Date.now();
      const pending = client.keystoreEntries();
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, isCancelled);
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      await assert.rejects(client.userCredentials(), isCancelled, 'later calls fail at once');
      assert.equal(tenant.count(tenantPaths.userCredentials), 0);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('ends requests waiting for a slot, and sends none of them', async () => {
    const tenant = await tenantWithFlows(100);
    const client = fakeTenantClient(tenant, { concurrency: 2 });
    try {
      await client.packages();
      tenant.resetLog();
      const controller = new AbortController();
      const calls = Array.from({ length: 10 }, (_, i) => client.iflowContent(`Flow_${i}`, controller.signal));
      setTimeout(() => controller.abort(), 30);
      const results = await Promise.allSettled(calls);
      assert.ok(results.every((r) => r.status === 'rejected' && isCancelled(r.reason)));
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.ok(tenant.count(/\/\$value$/) <= 2, 'at most the two in flight reached the tenant');
      assert.equal((await client.iflowContent('Flow_9')).length > 0, true, 'a call with its own live signal still works');
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('ends a back-off wait', async () => {
    const tenant = await tenantWithFlows(0);
    const client = fakeTenantClient(tenant, { retry: { baseDelayMs: 5000, maxDelayMs: 5000 } });
    try {
      await client.keystoreEntries();
      tenant.fault(tenantPaths.packages, { status: 503 });
      const controller = new AbortController();
      const started = Date.now();
      const pending = client.packages(controller.signal);
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(pending, isCancelled);
      assert.ok(Date.now() - started < 3000);
      assert.equal(tenant.count(tenantPaths.packages), 1);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('adds one listener to a signal shared by many calls, and none per request', async () => {
    const tenant = await tenantWithFlows(10);
    const scan = new AbortController();
    const call = new AbortController();
    const client = fakeTenantClient(tenant, { signal: scan.signal, concurrency: 2 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await Promise.all(Array.from({ length: FLOWS }, (_, i) => client.iflowContent(`Flow_${i}`, call.signal)));
      tenant.fault(tenantPaths.packages, { status: 500 });
      await assert.rejects(client.packages(call.signal));
      assert.equal(getEventListeners(scan.signal, 'abort').length, 1);
      assert.equal(getEventListeners(call.signal, 'abort').length, 1);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.map((w) => w.name),
        [],
      );
    } finally {
      process.off('warning', onWarning);
      await client.close();
      await tenant.close();
    }
  });

  it('lets one caller stop waiting for the shared token without failing the others', async () => {
    const tenant = await tenantWithFlows(0);
    const client = fakeTenantClient(tenant);
    try {
      tenant.fault(tenantPaths.token, { delayMs: 300, times: 1 });
      const controller = new AbortController();
      const first = client.packages(controller.signal);
      const second = client.keystoreEntries();
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(first, isCancelled);
      assert.deepEqual(await second, []);
      assert.equal(tenant.count(tenantPaths.token), 1);
    } finally {
      await client.close();
      await tenant.close();
    }
  });

  it('sends nothing for an already aborted signal', async () => {
    const tenant = await tenantWithFlows(0);
    const client = fakeTenantClient(tenant);
    try {
      await assert.rejects(client.packages(AbortSignal.abort()), isCancelled);
      assert.equal(tenant.requests.length, 0);
    } finally {
      await client.close();
      await tenant.close();
    }
  });
});
