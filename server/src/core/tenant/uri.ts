// Where tenant findings sit, as URIs every report format can carry.
// Content keeps its project path: cpi-tenant://<host>/<PackageId>/<ArtifactId>/src/main/resources/...
export const TENANT_SCHEME = 'cpi-tenant';

const part = (text: string): string => encodeURIComponent(text);

export function tenantContentUri(host: string, packageId: string, artifactId: string, projectPath: string): string {
  const path = projectPath.split('/').filter(Boolean).map(part).join('/');
  return `${TENANT_SCHEME}://${host}/${part(packageId)}/${part(artifactId)}/${path}`;
}

export function keystoreEntryUri(host: string, alias: string): string {
  return `${TENANT_SCHEME}://${host}/keystore/${part(alias)}`;
}

export function credentialUri(host: string, name: string): string {
  return `${TENANT_SCHEME}://${host}/credentials/${part(name)}`;
}

export function certificateUserMappingUri(host: string, user: string): string {
  return `${TENANT_SCHEME}://${host}/certificate-user-mappings/${part(user)}`;
}
