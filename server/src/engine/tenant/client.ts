// The Cloud Integration OData API over HTTPS, as a TenantApi: token, paging,
// retries, a bounded number of parallel requests, cancellation, and every
// failure as a TenantError whose message holds no secret. Read-only: only
// GET requests reach the tenant.
import type { CertificateUserMapping, KeystoreEntry, OAuth2ClientCredential, UserCredential } from '../../core/tenant/material';
import type { ConfiguredParameter, DesigntimeArtifact, IntegrationPackage, TenantApi } from './api';
import { TenantError } from './errors';
import { readPage, type ODataRecord } from './http/odata';
import {
  artifactReader,
  readCertificateUserMapping,
  readConfiguration,
  readKeystoreEntry,
  readOAuth2ClientCredential,
  readPackage,
  readSecureParameterName,
  readUserCredential,
} from './http/records';
import { Redactor } from './http/redactor';
import { CallSignals } from './http/signals';
import { DEFAULT_RETRY, type RetryOptions } from './http/retry';
import { statusError, type Asked } from './http/status';
import { TokenSource } from './http/token';
import { cancelled, Transport, type Answer } from './http/transport';
import type { ServiceKey } from './service-key';

export interface TenantClientOptions {
  /** CA certificates (PEM) trusted in addition to Node's own (NODE_EXTRA_CA_CERTS works as well). */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Time-out of one try of one request, answer body included (default 60 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  /** Largest answer read, zips included (default 256 MB). */
  readonly maxResponseBytes?: number;
  /** Aborts every call (Ctrl-C, cancel); calls may pass their own signal as well. */
  readonly signal?: AbortSignal;
}

export interface TenantClient extends TenantApi {
  /** HTTP requests sent so far, token requests and retries included. */
  readonly requestCount: number;
  /** Closes the connections; calls after it fail. */
  close(): Promise<void>;
  /** `text` with the client secret and every token obtained masked: for words made outside the client, such as a crash's trace. */
  redact(text: string): string;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** The roles the API checks: design-time content, and the deployed security material. */
export const CONTENT_ROLE = 'WorkspacePackagesRead';
export const MONITORING_ROLE = 'MonitoringDataRead';

export function createTenantClient(key: ServiceKey, options: TenantClientOptions = {}): TenantClient {
  return new HttpTenantClient(key, options);
}

/** An OData string literal inside a URL path: quotes doubled, the rest percent-encoded. */
function literal(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}

const CONFIGURE_ONLY = 'CONFIGURE_ONLY';

class HttpTenantClient implements TenantClient {
  readonly host: string;
  readonly #apiRoot: string;
  readonly #redactor = new Redactor();
  readonly #transport: Transport;
  readonly #tokens: TokenSource;
  readonly #signals: CallSignals;
  /** What listings said, to tell a configure-only refusal from others. */
  readonly #packageModes = new Map<string, string>();
  readonly #artifactPackages = new Map<string, string>();

  constructor(key: ServiceKey, options: TenantClientOptions) {
    this.host = key.host;
    this.#apiRoot = `${key.url}/api/v1`;
    this.#signals = new CallSignals(options.signal);
    this.#transport = new Transport({
      ca: options.ca,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      redactor: this.#redactor,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    this.#tokens = new TokenSource(key, this.#transport, this.#redactor, this.#signals.for());
  }

  get requestCount(): number {
    return this.#transport.requestCount;
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  redact(text: string): string {
    return this.#redactor.redact(text);
  }

  async packages(signal?: AbortSignal): Promise<IntegrationPackage[]> {
    const packages = await this.#collection(
      { path: '/IntegrationPackages', what: 'the list of integration packages', role: CONTENT_ROLE },
      readPackage,
      signal,
    );
    for (const p of packages) if (p.mode) this.#packageModes.set(p.id, p.mode);
    return packages;
  }

  iflows(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]> {
    return this.#artifacts(packageId, 'IntegrationDesigntimeArtifacts', 'iFlows', signal);
  }

  scriptCollections(packageId: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]> {
    return this.#artifacts(packageId, 'ScriptCollectionDesigntimeArtifacts', 'script collections', signal);
  }

  iflowContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.#content('IntegrationDesigntimeArtifacts', artifactId, 'iFlow', signal);
  }

  scriptCollectionContent(artifactId: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.#content('ScriptCollectionDesigntimeArtifacts', artifactId, 'script collection', signal);
  }

  configurations(artifactId: string, signal?: AbortSignal): Promise<ConfiguredParameter[]> {
    const path = `/IntegrationDesigntimeArtifacts(Id='${literal(artifactId)}',Version='active')/Configurations`;
    return this.#collection(
      { path, what: `the configured parameters of iFlow ${artifactId}`, role: CONTENT_ROLE },
      readConfiguration,
      signal,
    );
  }

  keystoreEntries(signal?: AbortSignal): Promise<KeystoreEntry[]> {
    return this.#collection({ path: '/KeystoreEntries', what: 'the keystore entries', role: MONITORING_ROLE }, readKeystoreEntry, signal);
  }

  async keystoreCertificate(hexalias: string, signal?: AbortSignal): Promise<Uint8Array> {
    const hex = /^[0-9a-fA-F]+$/.test(hexalias) ? hexalias : literal(hexalias);
    const alias = /^([0-9a-fA-F]{2})+$/.test(hexalias) ? Buffer.from(hexalias, 'hex').toString('utf8') : hexalias;
    const asked = {
      path: `/KeystoreEntries('${hex}')/Certificate/$value`,
      what: `the certificate of keystore entry ${alias}`,
      role: MONITORING_ROLE,
    };
    const answer = await this.#get(asked, '*/*', signal);
    return new Uint8Array(answer.body);
  }

  userCredentials(signal?: AbortSignal): Promise<UserCredential[]> {
    return this.#collection({ path: '/UserCredentials', what: 'the user credentials', role: MONITORING_ROLE }, readUserCredential, signal);
  }

  oauth2ClientCredentials(signal?: AbortSignal): Promise<OAuth2ClientCredential[]> {
    return this.#collection(
      { path: '/OAuth2ClientCredentials', what: 'the OAuth2 client credentials', role: MONITORING_ROLE },
      readOAuth2ClientCredential,
      signal,
    );
  }

  async secureParameters(signal?: AbortSignal): Promise<string[] | undefined> {
    try {
      return await this.#collection(
        { path: '/SecureParameters', what: 'the secure parameters', role: MONITORING_ROLE },
        readSecureParameterName,
        signal,
      );
    } catch (error) {
      // Not every tenant offers the list: a 404 means "unknown", not a failure.
      if (error instanceof TenantError && error.kind === 'not-found' && error.path === '/SecureParameters') return undefined;
      throw error;
    }
  }

  certificateUserMappings(signal?: AbortSignal): Promise<CertificateUserMapping[]> {
    return this.#collection(
      { path: '/CertificateUserMappings', what: 'the certificate-to-user mappings', role: MONITORING_ROLE },
      readCertificateUserMapping,
      signal,
    );
  }

  async #artifacts(packageId: string, collection: string, kind: string, signal?: AbortSignal): Promise<DesigntimeArtifact[]> {
    const path = `/IntegrationPackages('${literal(packageId)}')/${collection}`;
    const artifacts = await this.#collection(
      { path, what: `the ${kind} of package ${packageId}`, role: CONTENT_ROLE },
      artifactReader(packageId),
      signal,
    );
    for (const a of artifacts) this.#artifactPackages.set(`${collection}/${a.id}`, a.packageId);
    return artifacts;
  }

  async #content(collection: string, artifactId: string, kind: string, signal?: AbortSignal): Promise<Uint8Array> {
    const asked = {
      path: `/${collection}(Id='${literal(artifactId)}',Version='active')/$value`,
      what: `the content of ${kind} ${artifactId}`,
      role: CONTENT_ROLE,
    };
    let answer: Answer;
    try {
      answer = await this.#get(asked, 'application/zip, application/octet-stream', signal);
    } catch (error) {
      throw this.#configureOnly(error, collection, artifactId, kind);
    }
    const body = answer.body;
    // A zip starts with a local file header, or with the end record when empty.
    if (
      body.length < 4 ||
      body[0] !== 0x50 ||
      body[1] !== 0x4b ||
      !((body[2] === 3 && body[3] === 4) || (body[2] === 5 && body[3] === 6))
    ) {
      const type = answer.headers['content-type'];
      throw new TenantError(
        'not-zip',
        `The tenant's answer to ${asked.what} is not a zip${type ? ` (${this.#redactor.redact(String(type))}, ${body.length} bytes)` : ` (${body.length} bytes)`}.`,
        { status: answer.status, path: asked.path },
      );
    }
    return new Uint8Array(body.buffer, body.byteOffset, body.length);
  }

  /** A refused download of an artifact whose package is configure-only says so. */
  #configureOnly(error: unknown, collection: string, artifactId: string, kind: string): unknown {
    if (!(error instanceof TenantError) || error.status === undefined || [401, 404, 429].includes(error.status) || error.status >= 500)
      return error;
    const packageId = this.#artifactPackages.get(`${collection}/${artifactId}`);
    const known = packageId !== undefined && this.#packageModes.get(packageId) === CONFIGURE_ONLY;
    if (!known && !/configure.?only/i.test(error.message)) return error;
    return new TenantError(
      'configure-only',
      `The ${kind} ${artifactId} was not downloaded: ${packageId ? `package ${packageId}` : 'its package'} is configure-only, so the tenant does not hand out its content (${error.status}).`,
      { status: error.status, path: error.path },
    );
  }

  async #collection<T>(asked: Asked, read: (record: ODataRecord, what: string, path: string) => T, signal?: AbortSignal): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let url = `${this.#apiRoot}${asked.path}`;
    for (;;) {
      const answer = await this.#get({ ...asked, url }, 'application/json', signal);
      const page = readPage(answer.body, asked.what, asked.path, this.#redactor);
      for (const record of page.records) out.push(read(record, asked.what, asked.path));
      if (!page.next) return out;
      seen.add(url);
      url = this.#nextPage(page.next, asked);
      if (seen.has(url))
        throw new TenantError('malformed', `The tenant's pages of ${asked.what} link back to a page already read.`, { path: asked.path });
    }
  }

  /** The next page's URL: on the API's own origin only, so the token goes nowhere else. */
  #nextPage(next: string, asked: Asked): string {
    let url: URL;
    try {
      url = new URL(next, `${this.#apiRoot}/`);
    } catch {
      throw new TenantError('malformed', `The tenant's answer to ${asked.what} has a d.__next that is not a URL.`, { path: asked.path });
    }
    if (url.origin !== new URL(this.#apiRoot).origin) {
      throw new TenantError(
        'malformed',
        `The tenant's answer to ${asked.what} links its next page to another host (${url.host}); it was not followed.`,
        { path: asked.path },
      );
    }
    return url.href;
  }

  /** A GET with the token, renewed once on 401; any answer but 2xx becomes a TenantError. */
  async #get(asked: Asked & { readonly url?: string }, accept: string, callSignal?: AbortSignal): Promise<Answer> {
    const signal = this.#signals.for(callSignal);
    if (signal.aborted) throw cancelled();
    const url = asked.url ?? `${this.#apiRoot}${asked.path}`;
    for (let renewed = false; ; renewed = true) {
      const token = await this.#tokens.current(signal);
      const headers = { authorization: `Bearer ${token}`, accept };
      const answer = await this.#transport.send({ method: 'GET', url, headers, what: asked.what, path: asked.path }, signal);
      if (answer.status === 401 && !renewed) {
        this.#tokens.invalidate(token);
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return answer;
      throw statusError(answer, asked, this.#redactor, this.host);
    }
  }

  /** Kept short and secret-free in logs and inspection. */
  toJSON(): object {
    return { host: this.host };
  }
}
