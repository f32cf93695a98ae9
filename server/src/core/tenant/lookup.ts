import type { CredentialStore } from './channel-material';
import type { KeystoreEntry, SecurityMaterial } from './material';

// Looking names up in a tenant's security material.

/**
 * The keystore entry an alias names. Keystore aliases are matched without
 * regard to case: the tenant keystore, like a Java key store, does not
 * keep two aliases apart by case alone.
 */
export function keystoreEntry(material: SecurityMaterial, alias: string): KeystoreEntry | undefined {
  const wanted = alias.toLowerCase();
  return material.keystore.find((entry) => entry.alias.toLowerCase() === wanted);
}

export type CredentialLookup = 'found' | 'missing' | 'unknown';

/**
 * Whether a credential name is deployed. Names are unique across the
 * tenant's credential types, so a name deployed under any of them counts as
 * found (a wrong type is another problem). Missing only when every store the
 * name could live in was read: a tenant that does not list its secure
 * parameters leaves names that could be one unknown.
 */
export function lookUpCredential(material: SecurityMaterial, name: string, stores: readonly CredentialStore[]): CredentialLookup {
  if (material.userCredentials.some((credential) => credential.name === name)) return 'found';
  if (material.oauth2ClientCredentials.some((credential) => credential.name === name)) return 'found';
  if (material.secureParameters?.includes(name)) return 'found';
  if (stores.includes('secureParameter') && material.secureParameters === undefined) return 'unknown';
  return 'missing';
}
