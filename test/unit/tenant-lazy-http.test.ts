import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFakeTenant, type FakeTenant } from '../support/fake-tenant';

// undici (the tenant client's HTTP stack) is loaded with the first request,
// not with the modules that import the client: the language server imports
// them at start-up and most editors never read a tenant. A child process,
// so that no other test has loaded undici already.

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SCRIPT = `
const undiciModules = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]undici[\\\\/]/.test(file)).length;
require('./server/src/lsp/tenant/tenant-service');
const { createTenantClient } = require('./server/src/engine/tenant/client');
const { loadServiceKey } = require('./server/src/engine/tenant/service-key');
const client = createTenantClient(loadServiceKey('env:CPI_KEY'), { retry: { attempts: 1 } });
console.log('before: ' + undiciModules());
client.packages().then(
  async (packages) => { console.log('packages: ' + packages.map((p) => p.id).join(',')); console.log('after: ' + (undiciModules() > 0)); await client.close(); },
  async (error) => { console.log(error.kind + ': ' + error.message); await client.close(); },
);`;

describe('tenant HTTP stack loaded on demand', () => {
  let tenant: FakeTenant;
  before(async () => {
    tenant = await startFakeTenant({ fixture: { packages: [{ id: 'Orders' }, { id: 'Billing' }] } });
  });
  after(() => tenant.close());

  it('is not loaded by the server’s tenant modules or a new client, and is by its first request', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CPI_KEY: JSON.stringify(tenant.serviceKey), NODE_EXTRA_CA_CERTS: tenant.caFile };
    const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', '-e', SCRIPT], { cwd: ROOT, env });
    assert.deepEqual(stdout.trim().split('\n'), ['before: 0', 'packages: Orders,Billing', 'after: true']);
  });

  it('closes a client that never sent a request without loading it', async () => {
    const script = `
const { createTenantClient } = require('./server/src/engine/tenant/client');
const { loadServiceKey } = require('./server/src/engine/tenant/service-key');
createTenantClient(loadServiceKey('env:CPI_KEY')).close().then(() =>
  console.log(Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]undici[\\\\/]/.test(file))));`;
    const env: NodeJS.ProcessEnv = { ...process.env, CPI_KEY: JSON.stringify(tenant.serviceKey) };
    const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, env });
    assert.equal(stdout.trim(), 'false');
  });
});
