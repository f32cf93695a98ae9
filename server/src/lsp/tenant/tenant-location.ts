// What a cpi-tenant:// URI names: a file of an artifact's project, an
// artifact, a package, or an item of the security material. Segments are
// compared decoded, since editors may percent-encode them differently.
import { certificateUserMappingUri, credentialUri, keystoreEntryUri, TENANT_SCHEME, tenantContentUri } from '../../core/tenant/uri';

export type TenantLocation =
  | { readonly host: string; readonly kind: 'tenant' }
  | { readonly host: string; readonly kind: 'package'; readonly packageId: string }
  | { readonly host: string; readonly kind: 'artifact'; readonly packageId: string; readonly artifactId: string }
  | { readonly host: string; readonly kind: 'file'; readonly packageId: string; readonly artifactId: string; readonly path: string }
  | { readonly host: string; readonly kind: 'material'; readonly list: MaterialList; readonly name: string };

export type MaterialList = 'keystore' | 'credentials' | 'certificate-user-mappings';
const MATERIAL_LISTS: readonly string[] = ['keystore', 'credentials', 'certificate-user-mappings'];

export function tenantLocation(uri: string): TenantLocation | undefined {
  const prefix = `${TENANT_SCHEME}://`;
  if (!uri.startsWith(prefix)) return undefined;
  const [authority, ...rest] = uri.slice(prefix.length).split(/[?#]/)[0].split('/');
  let segments: string[];
  let host: string;
  try {
    host = decodeURIComponent(authority).toLowerCase();
    segments = rest.filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined; // a malformed escape
  }
  if (!host) return undefined;
  const [first, second, ...path] = segments;
  if (first === undefined) return { host, kind: 'tenant' };
  if (MATERIAL_LISTS.includes(first) && second !== undefined && path.length === 0)
    return { host, kind: 'material', list: first as MaterialList, name: second };
  if (second === undefined) return { host, kind: 'package', packageId: first };
  if (path.length === 0) return { host, kind: 'artifact', packageId: first, artifactId: second };
  return { host, kind: 'file', packageId: first, artifactId: second, path: path.join('/') };
}

/** The URI the engine gives a location's file (its canonical spelling). */
export function canonicalTenantUri(uri: string): string {
  const location = tenantLocation(uri);
  if (location?.kind === 'file') return tenantContentUri(location.host, location.packageId, location.artifactId, location.path);
  if (location?.kind === 'artifact') return artifactUri(location.host, location.packageId, location.artifactId);
  if (location?.kind === 'material') return MATERIAL_URI[location.list](location.host, location.name);
  return uri;
}

const MATERIAL_URI: Record<MaterialList, (host: string, name: string) => string> = {
  keystore: keystoreEntryUri,
  credentials: credentialUri,
  'certificate-user-mappings': certificateUserMappingUri,
};

export function artifactUri(host: string, packageId: string, artifactId: string): string {
  return tenantContentUri(host, packageId, artifactId, '').replace(/\/$/, '');
}
