import { join } from 'node:path';
import { startFakeTenant, type FakeTenant, type FakeTenantFixture } from '../../support/fake-tenant';
import { LspSession, type SessionOptions } from './lsp-session';

// The language server (from source, under tsx) against the fake HTTPS tenant.
// The server trusts the tenant's test CA as a user's would trust a corporate
// one, through NODE_EXTRA_CA_CERTS in its own environment: no switch turns
// verification off, and this process's environment is never changed.
const ENTRY = join(__dirname, '..', '..', '..', 'server', 'src', 'lsp', 'main.ts');

export interface TenantServers {
  /** The fake tenant; it starts before the calling suite's own before hooks run. */
  readonly tenant: FakeTenant;
  /**
   * A new server trusting the tenant, initialized without a root (`folders`: workspace folder URIs).
   * Every server started is shut down after the suite, unless it has ended already.
   * `options`: node flags before tsx's, variables beside the CA, stdout recorded.
   */
  start(folders?: readonly string[], options?: Pick<SessionOptions, 'nodeArgs' | 'env' | 'recordStdout'>): Promise<LspSession>;
}

/** Mocha hooks for the calling suite: the fake tenant with `fixture()`, closed after the suite with its servers. */
export function useTenantServers(fixture: () => FakeTenantFixture): TenantServers {
  let tenant: FakeTenant | undefined;
  const sessions: LspSession[] = [];
  const started = (): FakeTenant => {
    if (!tenant) throw new Error('the fake tenant starts in a before hook: use it from hooks and tests');
    return tenant;
  };

  before(async () => {
    tenant = await startFakeTenant({ fixture: fixture() });
  });

  after(async () => {
    for (const session of sessions.splice(0)) if (!session.exit) await session.shutdown();
    await tenant?.close();
    tenant = undefined;
  });

  return {
    get tenant() {
      return started();
    },
    async start(folders, options = {}) {
      const session = new LspSession({
        entry: ENTRY,
        nodeArgs: [...(options.nodeArgs ?? []), '--require', require.resolve('tsx/cjs')],
        env: { ...options.env, NODE_EXTRA_CA_CERTS: started().caFile },
        ...(options.recordStdout ? { recordStdout: true } : {}),
      });
      sessions.push(session);
      await session.initialize(null, undefined, folders);
      return session;
    },
  };
}
