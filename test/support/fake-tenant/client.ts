import { createTenantClient, type TenantClient, type TenantClientOptions } from '../../../server/src/engine/tenant/client';
import { parseServiceKey, type ServiceKey } from '../../../server/src/engine/tenant/service-key';
import type { FakeTenant } from './server';

/** The fake tenant's service key, as the command line would read it. */
export function fakeServiceKey(tenant: FakeTenant, change: Partial<FakeTenant['serviceKey']['oauth']> = {}): ServiceKey {
  return parseServiceKey(JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, ...change } }), 'fake tenant service key');
}

/** A client of the fake tenant trusting its test CA; quick retries unless told otherwise. */
export function fakeTenantClient(tenant: FakeTenant, options: TenantClientOptions = {}, key = fakeServiceKey(tenant)): TenantClient {
  return createTenantClient(key, { ca: tenant.caPem, ...options, retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry } });
}
