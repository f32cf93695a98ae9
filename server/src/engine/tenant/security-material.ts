// Reads a tenant's security material: keystore entries with their
// certificates, user and OAuth2 client credentials, secure parameters and
// certificate-to-user mappings. A list that cannot be read is a note; the
// material is then incomplete and is not used to call names unknown.
import type { KeystoreEntry, SecurityMaterial } from '../../core/tenant/material';
import { keystoreEntryUri, TENANT_SCHEME } from '../../core/tenant/uri';
import type { TenantApi } from './api';
import { isTenantError } from './errors';
import type { Limiter } from './limiter';
import { failure, type TenantProblem } from './problems';

export interface MaterialRead {
  /** Everything read; undefined when any list could not be read. */
  readonly material?: SecurityMaterial;
  readonly problems: TenantProblem[];
}

/** Entry types whose certificate the tenant can serve (a secret key has none). */
const hasCertificate = (entry: KeystoreEntry) => !/secret/i.test(entry.type);

export async function readSecurityMaterial(api: TenantApi, limiter: Limiter, signal?: AbortSignal): Promise<MaterialRead> {
  const problems: TenantProblem[] = [];
  /** The role a 403 named, by the problem it became. */
  const refusedFor = new Map<TenantProblem, string>();
  const host = api.host;
  const at = (list: string) => `${TENANT_SCHEME}://${host}/${list}`;
  const read = async <T>(what: string, uri: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await limiter.run(call);
    } catch (error) {
      const problem = failure(uri, `${what} could not be read`, error, signal);
      problems.push(problem);
      if (isTenantError(error, 'forbidden') && error.role) refusedFor.set(problem, error.role);
      return undefined;
    }
  };
  const [keystore, userCredentials, oauth2ClientCredentials, secureParameters, certificateUserMappings] = await Promise.all([
    read('the keystore', at('keystore'), () => api.keystoreEntries(signal)),
    read('the user credentials', at('credentials'), () => api.userCredentials(signal)),
    read('the OAuth2 client credentials', at('credentials'), () => api.oauth2ClientCredentials(signal)),
    read('the secure parameters', at('credentials'), async () => ({ names: await api.secureParameters(signal) })),
    read('the certificate-to-user mappings', at('certificate-user-mappings'), () => api.certificateUserMappings(signal)),
  ]);
  const entries = keystore
    ? await Promise.all(
        keystore.map(async (entry) => {
          if (entry.certificate || !hasCertificate(entry)) return entry;
          const certificate = await read(`the certificate of keystore entry "${entry.alias}"`, keystoreEntryUri(host, entry.alias), () =>
            api.keystoreCertificate(entry.hexalias, signal),
          );
          return certificate ? { ...entry, certificate } : entry;
        }),
      )
    : undefined;
  if (!entries || !userCredentials || !oauth2ClientCredentials || !secureParameters || !certificateUserMappings)
    return { problems: oneRefusal(problems, refusedFor, `${TENANT_SCHEME}://${host}`, host) };
  return {
    material: {
      host,
      keystore: entries,
      userCredentials,
      oauth2ClientCredentials,
      ...(secureParameters.names ? { secureParameters: secureParameters.names } : {}),
      certificateUserMappings,
    },
    problems,
  };
}

/**
 * A missing role refuses every list of the material alike: one problem that
 * names the role, instead of one per list saying the same.
 */
function oneRefusal(problems: TenantProblem[], refusedFor: ReadonlyMap<TenantProblem, string>, uri: string, host: string): TenantProblem[] {
  const roles = new Set(problems.map((problem) => refusedFor.get(problem)));
  const [role] = roles;
  if (problems.length < 2 || roles.size !== 1 || role === undefined) return problems;
  const cause = `${host} refused each of its lists (403 Forbidden): the service key's client lacks the role ${role}.`;
  return [
    { uri, message: `the security material (keystore, credentials, certificate-to-user mappings) could not be read: ${cause}`, cause },
  ];
}
