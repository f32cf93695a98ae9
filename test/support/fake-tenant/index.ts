// A local HTTPS Cloud Integration tenant for tests and the bench (server.ts),
// built from a declarative fixture (fixture.ts), with a test CA made at start
// (tls.ts). Typical use:
//
//   const tenant = await startFakeTenant({ fixture: { packages: [{ id: 'P', iflows: [{ id: 'F', files: { ... } }] }] } });
//   tenant.fault(tenantPaths.packages, { status: 503, times: 2 });
//   const client = fakeTenantClient(tenant);          // in-process, trusting tenant.caPem
//   // child processes: NODE_EXTRA_CA_CERTS=tenant.caFile, --tenant tenant.writeServiceKey()
//   ...
//   tenant.count(tenantPaths.packages); tenant.maxInFlight;
//   await client.close(); await tenant.close();
export { FULL_ROLES, startFakeTenant, tenantPaths } from './server';
export type { FakeTenant, FakeTenantOptions, Fault, LoggedRequest, ServiceKeyJson } from './server';
export { artifactZip, readProjectFolder } from './fixture';
export type { FakeArtifact, FakeCertificateUserMapping, FakeKeystoreEntry, FakePackage, FakeTenantFixture, ProjectFiles } from './fixture';
export { fakeServiceKey, fakeTenantClient } from './client';
