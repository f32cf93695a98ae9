import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rootCa } from '../support/certs';
import { startFakeTenant, type FakeTenant } from '../support/fake-tenant';

// Tenant-client behaviour that needs a fresh process. A child process (the
// command line, say) trusts the fake tenant through NODE_EXTRA_CA_CERTS
// alone, without a CA option, and without it does not. undici (the client's
// HTTP stack) is loaded with the first request, not with the modules that
// import the client: the language server imports them at start-up and most
// editors never read a tenant; in this process another test may have loaded it.

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const SCRIPT = `
const { createTenantClient } = require('./server/src/engine/tenant/client');
const { loadServiceKey } = require('./server/src/engine/tenant/service-key');
const client = createTenantClient(loadServiceKey('env:CPI_KEY'), { retry: { attempts: 1 }, ca: process.env.OTHER_CA });
client.packages().then(
  (packages) => { console.log(packages.map((p) => p.id).join(',')); return client.close(); },
  (error) => { console.log(error.kind + ': ' + error.message); return client.close(); },
);`;

describe('tenant client in a child process', () => {
  let tenant: FakeTenant;
  before(async () => {
    tenant = await startFakeTenant({ fixture: { packages: [{ id: 'Orders' }, { id: 'Billing' }] } });
  });
  after(() => tenant.close());

  const undiciModules = `const undiciModules = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]undici[\\\\/]/.test(file)).length;`;
  const lazyRun = async (script: string, env: NodeJS.ProcessEnv = {}) =>
    (
      await run(process.execPath, ['--require', 'tsx/cjs', '-e', `${undiciModules}\n${script}`], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      })
    ).stdout
      .trim()
      .split('\n');

  async function child(extraCa: string | undefined, otherCa?: string): Promise<string> {
    const env: NodeJS.ProcessEnv = { ...process.env, CPI_KEY: JSON.stringify(tenant.serviceKey) };
    delete env.OTHER_CA;
    if (otherCa) env.OTHER_CA = otherCa;
    delete env.NODE_EXTRA_CA_CERTS;
    if (extraCa) env.NODE_EXTRA_CA_CERTS = extraCa;
    const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', '-e', SCRIPT], { cwd: ROOT, env });
    return stdout.trim();
  }

  it('trusts the test CA given through NODE_EXTRA_CA_CERTS', async () => {
    assert.equal(await child(tenant.caFile), 'Orders,Billing');
  });

  it('keeps trusting it when a CA option names another CA', async () => {
    assert.equal(await child(tenant.caFile, rootCa().pem), 'Orders,Billing');
  });

  it('refuses the tenant without it', async () => {
    assert.match(await child(undefined), /^network: The certificate of 127\.0\.0\.1:\d+ could not be verified/);
  });

  it('does not load undici with the server’s tenant modules or a new client, and does with its first request', async () => {
    const script = `
require('./server/src/lsp/tenant/tenant-service');
const { createTenantClient } = require('./server/src/engine/tenant/client');
const { loadServiceKey } = require('./server/src/engine/tenant/service-key');
const client = createTenantClient(loadServiceKey('env:CPI_KEY'), { retry: { attempts: 1 } });
console.log('before: ' + undiciModules());
client.packages().then(
  async (packages) => { console.log('packages: ' + packages.map((p) => p.id).join(',')); console.log('after: ' + (undiciModules() > 0)); await client.close(); },
  async (error) => { console.log(error.kind + ': ' + error.message); await client.close(); },
);`;
    const lines = await lazyRun(script, { CPI_KEY: JSON.stringify(tenant.serviceKey), NODE_EXTRA_CA_CERTS: tenant.caFile });
    assert.deepEqual(lines, ['before: 0', 'packages: Orders,Billing', 'after: true']);
  });

  it('closes a client that never sent a request without loading undici', async () => {
    const script = `
const { createTenantClient } = require('./server/src/engine/tenant/client');
const { loadServiceKey } = require('./server/src/engine/tenant/service-key');
createTenantClient(loadServiceKey('env:CPI_KEY')).close().then(() => console.log('loaded: ' + undiciModules()));`;
    assert.deepEqual(await lazyRun(script, { CPI_KEY: JSON.stringify(tenant.serviceKey) }), ['loaded: 0']);
  });
});
