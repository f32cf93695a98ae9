// The service key of a Process Integration Runtime instance (plan `api`):
// where the tenant and its token endpoint are, and the client credentials.
// Read from a file or, as `env:VAR`, from an environment variable holding the
// key's JSON. Anything unusable is refused with one message before any
// request is made; the secret itself is kept off the object (no field, no
// JSON, no inspection shows it).
import { readFileSync } from 'node:fs';
import { TenantError } from './errors';

export interface ServiceKey {
  readonly clientId: string;
  /** The tenant's https:// URL, without a trailing slash or /api/v1. */
  readonly url: string;
  readonly tokenUrl: string;
  /** The tenant host (with a port when not the default), as cpi-tenant:// URIs name it. */
  readonly host: string;
  /** Where the key came from, for messages: `service key file <path>` or `environment variable <VAR>`. */
  readonly origin: string;
}

const secrets = new WeakMap<ServiceKey, string>();

/** The client secret of a key made by parseServiceKey/loadServiceKey. */
export function clientSecretOf(key: ServiceKey): string {
  const secret = secrets.get(key);
  if (secret === undefined)
    throw new TenantError(
      'service-key',
      'This service key was not read by loadServiceKey or parseServiceKey: its client secret is unknown.',
    );
  return secret;
}

/**
 * Text that may be a service key's JSON rather than a file name: messages that
 * would quote an argument must not quote this one, as it may hold the secret.
 */
export function looksLikeServiceKey(text: string): boolean {
  return /^\s*\{/.test(text) || /clientsecret/i.test(text);
}

/** A key from `env:VAR` or a file path. */
export function loadServiceKey(spec: string, env: NodeJS.ProcessEnv = process.env): ServiceKey {
  if (spec.startsWith('env:')) {
    const name = spec.slice(4);
    if (!name) throw new TenantError('service-key', 'The service key `env:` names no environment variable: write env:<VARIABLE>.');
    const text = env[name];
    if (text === undefined || text.trim() === '')
      throw new TenantError('service-key', `The environment variable ${name} that should hold the service key is not set or empty.`);
    return parseServiceKey(text, `environment variable ${name}`);
  }
  // The key's JSON given where its file belongs (`--tenant "$KEY"` for `--tenant env:KEY`):
  // quoting it as a file name would print the secret, so it is refused without quoting.
  if (looksLikeServiceKey(spec)) {
    throw new TenantError(
      'service-key',
      "The service key was given as text where its file belongs: pass the path of a file holding the key's JSON, or env:<VARIABLE> naming an environment variable that holds it (text on the command line shows in process lists and shell history).",
    );
  }
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new TenantError('service-key', `Cannot read the service key file ${spec}: ${why}.`);
  }
  return parseServiceKey(text, `service key file ${spec}`);
}

/** A key from its JSON text; `origin` says where the text came from. */
export function parseServiceKey(text: string, origin: string): ServiceKey {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's own message quotes the text, which holds the secret: say only that it is not JSON.
    throw new TenantError(
      'service-key',
      `The ${origin} is not JSON: expected the service key's JSON as the cockpit shows it ({ "oauth": { "clientid", "clientsecret", "url", "tokenurl" } }).`,
    );
  }
  const oauth = isObject(json) ? json.oauth : undefined;
  if (!isObject(oauth)) {
    throw new TenantError(
      'service-key',
      `The ${origin} has no "oauth" object: is it the service key of a Process Integration Runtime instance of plan api?`,
    );
  }
  const fields = ['clientid', 'clientsecret', 'url', 'tokenurl'] as const;
  const missing = fields.filter((f) => typeof oauth[f] !== 'string' || (oauth[f] as string).trim() === '');
  if (missing.length > 0) {
    throw new TenantError('service-key', `The ${origin} lacks ${missing.map((f) => `oauth.${f}`).join(', ')}.`);
  }
  const url = httpsUrl(oauth.url as string, 'oauth.url', origin);
  const tokenUrl = httpsUrl(oauth.tokenurl as string, 'oauth.tokenurl', origin);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`;
  const key: ServiceKey = Object.freeze({
    clientId: (oauth.clientid as string).trim(),
    url: base,
    tokenUrl: tokenUrl.href,
    host: url.host,
    origin,
  });
  secrets.set(key, oauth.clientsecret as string);
  return key;
}

function httpsUrl(text: string, field: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new TenantError('service-key', `The ${origin} has an ${field} that is not a URL.`);
  }
  if (url.protocol === 'http:') {
    throw new TenantError(
      'service-key',
      `The ${origin} has an http:// ${field} (${url.host}): only https:// is accepted, or the credentials and token would travel in clear text.`,
    );
  }
  if (url.protocol !== 'https:') throw new TenantError('service-key', `The ${origin} has an ${field} that is not an https:// URL.`);
  if (url.username || url.password)
    throw new TenantError(
      'service-key',
      `The ${origin} has an ${field} with credentials in it; the key's clientid and clientsecret are used instead.`,
    );
  return url;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
