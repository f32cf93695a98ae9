import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rootCa } from '../support/certs';
import { startFakeTenant, type FakeTenant } from '../support/fake-tenant';

// A child process (the command line, say) trusts the fake tenant through
// NODE_EXTRA_CA_CERTS alone, without a CA option, and without it does not.

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
});
