// A local HTTPS Cloud Integration tenant for tests and the bench: see server.ts.
export { FULL_ROLES, startFakeTenant, tenantPaths } from './server';
export type { FakeTenant, FakeTenantOptions, Fault, LoggedRequest, ServiceKeyJson } from './server';
export { artifactZip, readProjectFolder } from './fixture';
export type { FakeArtifact, FakeCertificateUserMapping, FakeKeystoreEntry, FakePackage, FakeTenantFixture, ProjectFiles } from './fixture';
export { fakeServiceKey, fakeTenantClient } from './client';
