import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  artifactZip,
  certificateUserMappingRecord,
  derOf,
  keystoreRecord,
  type FakeArtifact,
  type FakePackage,
  type FakeTenantFixture,
} from './fixture';
import { makeTestCa } from './tls';

// A local HTTPS server answering the Cloud Integration OData API (and an
// OAuth token endpoint) from a fixture, with faults a test can inject per
// path, a request log and a latency per request. Tests and the bench use it
// so that nothing ever talks to a real tenant.

export interface FakeTenantOptions {
  readonly fixture?: FakeTenantFixture;
  /** Added to every answer (token included), e.g. 50 for the bench. */
  readonly latencyMs?: number;
  /** Collections answer pages of this many records, linked by `d.__next`. */
  readonly pageSize?: number;
  /** `d.__next` relative to the API root (`IntegrationPackages?$skiptoken=2`) instead of absolute. */
  readonly relativeNextLinks?: boolean;
  /** `expires_in` of issued tokens; the server refuses them after that (default 3600). */
  readonly tokenLifetimeSeconds?: number;
  /** Roles the client holds (default both `WorkspacePackagesRead` and `MonitoringDataRead`). */
  readonly roles?: readonly string[];
}

/** What a matching request gets instead of (or before) its normal answer. */
export interface Fault {
  /** Answer this status (with a JSON error body unless `body` is given). */
  readonly status?: number;
  /** The error message in the body. */
  readonly message?: string;
  /** A Retry-After header (seconds or an HTTP date). */
  readonly retryAfter?: string;
  /** Wait this long before answering (a slow answer); the normal answer follows unless status/body say otherwise. */
  readonly delayMs?: number;
  /** Answer these bytes (status 200 unless `status`), e.g. malformed JSON or an HTML page instead of a zip. */
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  /** Put the request's Authorization header into the error message (a server that echoes credentials). */
  readonly echoAuthorization?: boolean;
  /** Drop the connection without answering. */
  readonly destroy?: boolean;
  /** How many matching requests it applies to; default every one. */
  readonly times?: number;
}

export interface LoggedRequest {
  readonly method: string;
  /** Decoded path below the API root (`/IntegrationPackages`), or `/oauth/token`. */
  readonly path: string;
  /** The query string as sent, with its `?`, or ''. */
  readonly query: string;
  readonly accept?: string;
  readonly at: number;
}

export interface ServiceKeyJson {
  readonly oauth: { readonly clientid: string; readonly clientsecret: string; readonly url: string; readonly tokenurl: string };
}

export const FULL_ROLES = ['WorkspacePackagesRead', 'MonitoringDataRead'] as const;

/** Paths (below the API root, decoded) as the log and faults name them. */
export const tenantPaths = {
  token: '/oauth/token',
  packages: '/IntegrationPackages',
  iflows: (packageId: string) => `/IntegrationPackages('${odata(packageId)}')/IntegrationDesigntimeArtifacts`,
  scriptCollections: (packageId: string) => `/IntegrationPackages('${odata(packageId)}')/ScriptCollectionDesigntimeArtifacts`,
  iflowContent: (id: string) => `/IntegrationDesigntimeArtifacts(Id='${odata(id)}',Version='active')/$value`,
  configurations: (id: string) => `/IntegrationDesigntimeArtifacts(Id='${odata(id)}',Version='active')/Configurations`,
  scriptCollectionContent: (id: string) => `/ScriptCollectionDesigntimeArtifacts(Id='${odata(id)}',Version='active')/$value`,
  keystore: '/KeystoreEntries',
  keystoreCertificate: (hexalias: string) => `/KeystoreEntries('${hexalias}')/Certificate/$value`,
  userCredentials: '/UserCredentials',
  oauth2ClientCredentials: '/OAuth2ClientCredentials',
  secureParameters: '/SecureParameters',
  certificateUserMappings: '/CertificateUserMappings',
};

function odata(value: string): string {
  return value.replace(/'/g, "''");
}

const API = '/api/v1';
const CONTENT_ROLE = 'WorkspacePackagesRead';
const MONITORING_ROLE = 'MonitoringDataRead';

export interface FakeTenant {
  /** `https://127.0.0.1:<port>`: the service key's `url`. */
  readonly url: string;
  readonly tokenUrl: string;
  /** `127.0.0.1:<port>` */
  readonly host: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly serviceKey: ServiceKeyJson;
  /** The test CA to trust (explicit CA option), and a file holding it (NODE_EXTRA_CA_CERTS). */
  readonly caPem: string;
  readonly caFile: string;
  /** Every access token issued so far. */
  readonly issuedTokens: readonly string[];
  readonly requests: readonly LoggedRequest[];
  /** The most requests in flight at once since start (or resetLog). */
  readonly maxInFlight: number;
  /** Requests whose path equals the string or matches the pattern. */
  count(path: string | RegExp): number;
  resetLog(): void;
  /** Faults are tried in the order added; the first live one matching a path applies. */
  fault(path: string | RegExp, fault: Fault): void;
  clearFaults(): void;
  /** From now on the package and its artifacts answer 404. */
  removePackage(id: string): void;
  /** Every token issued so far is refused from now on (expiry or revocation). */
  expireTokens(): void;
  /** Writes the service key to a temporary file and answers its path. */
  writeServiceKey(): string;
  close(): Promise<void>;
}

interface ArtifactHome {
  readonly pkg: FakePackage;
  readonly artifact: FakeArtifact;
}

export async function startFakeTenant(options: FakeTenantOptions = {}): Promise<FakeTenant> {
  const tls = makeTestCa();
  const fixture = options.fixture ?? {};
  const roles = new Set(options.roles ?? FULL_ROLES);
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const clientId = `sb-fake-client-${randomBytes(4).toString('hex')}`;
  const clientSecret = `fake-secret-${randomBytes(12).toString('hex')}$x=`;
  const tokens = new Map<string, number>(); // token -> expiry time (ms)
  const issuedTokens: string[] = [];
  const requests: LoggedRequest[] = [];
  const faults: { readonly path: string | RegExp; readonly fault: Fault; left: number }[] = [];
  const removed = new Set<string>();
  const zips = new Map<FakeArtifact, Uint8Array>();
  let inFlight = 0;
  let maxInFlight = 0;

  const iflowHomes = new Map<string, ArtifactHome>();
  const scriptHomes = new Map<string, ArtifactHome>();
  for (const pkg of fixture.packages ?? []) {
    for (const artifact of pkg.iflows ?? []) iflowHomes.set(artifact.id, { pkg, artifact });
    for (const artifact of pkg.scriptCollections ?? []) scriptHomes.set(artifact.id, { pkg, artifact });
  }
  const packageById = (id: string): FakePackage | undefined => (removed.has(id) ? undefined : fixture.packages?.find((p) => p.id === id));
  const zipOf = (artifact: FakeArtifact): Uint8Array => {
    let zip = zips.get(artifact);
    if (!zip) zips.set(artifact, (zip = artifactZip(artifact)));
    return zip;
  };

  const matches = (pattern: string | RegExp, path: string): boolean =>
    typeof pattern === 'string' ? pattern === path : pattern.test(path);

  let base = '';

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Uint8Array,
    contentType: string,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'Content-Type': contentType, ...headers });
    res.end(body);
  };
  const sendError = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void =>
    send(
      res,
      status,
      JSON.stringify({ error: { code: String(status), message: { lang: 'en', value: message } } }),
      'application/json',
      headers,
    );

  /** OData JSON with dates as `/Date(ms)/`. */
  const json = (value: unknown): string =>
    JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
      const raw = this[key];
      return raw instanceof Date ? `/Date(${raw.getTime()})/` : v;
    });

  const collection = (res: ServerResponse, path: string, query: URLSearchParams, records: readonly object[]): void => {
    const size = options.pageSize;
    if (!size) return send(res, 200, json({ d: { results: records } }), 'application/json');
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const page = records.slice(skip, skip + size);
    const d: Record<string, unknown> = { results: page };
    if (skip + size < records.length) {
      const next = `${encodePath(path).slice(1)}?$skiptoken=${skip + size}`;
      d.__next = options.relativeNextLinks ? next : `${base}${API}/${next}`;
    }
    send(res, 200, json({ d }), 'application/json');
  };

  const artifactRecord = (pkg: FakePackage, a: FakeArtifact): object => ({
    Id: a.id,
    Version: a.version ?? '1.0.0',
    PackageId: pkg.id,
    Name: a.name ?? a.id,
    Description: '',
  });

  /** The normal answer of an API path. */
  const answer = (res: ServerResponse, path: string, query: URLSearchParams): void => {
    let m: RegExpExecArray | null;
    const needs = (role: string): boolean => {
      if (roles.has(role)) return true;
      sendError(res, 403, 'Forbidden: the user is not authorized to access this resource');
      return false;
    };
    if (path === tenantPaths.packages) {
      if (!needs(CONTENT_ROLE)) return;
      const listed = (fixture.packages ?? []).filter((p) => !removed.has(p.id));
      for (const p of listed) if (p.vanishAfterListing) removed.add(p.id);
      return collection(
        res,
        path,
        query,
        listed.map((p) => ({ Id: p.id, Name: p.name ?? p.id, Version: p.version ?? '1.0.0', Mode: p.mode ?? 'EDIT_ALLOWED', Vendor: '' })),
      );
    }
    if (
      (m = /^\/IntegrationPackages\('((?:[^']|'')*)'\)\/(IntegrationDesigntimeArtifacts|ScriptCollectionDesigntimeArtifacts)$/.exec(path))
    ) {
      if (!needs(CONTENT_ROLE)) return;
      const pkg = packageById(unquote(m[1]));
      if (!pkg) return sendError(res, 404, `Integration package ${unquote(m[1])} not found`);
      const list = m[2] === 'IntegrationDesigntimeArtifacts' ? pkg.iflows : pkg.scriptCollections;
      return collection(
        res,
        path,
        query,
        (list ?? []).map((a) => artifactRecord(pkg, a)),
      );
    }
    if (
      (m =
        /^\/(IntegrationDesigntimeArtifacts|ScriptCollectionDesigntimeArtifacts)\(Id='((?:[^']|'')*)',Version='active'\)\/(\$value|Configurations)$/.exec(
          path,
        ))
    ) {
      if (!needs(CONTENT_ROLE)) return;
      const id = unquote(m[2]);
      const home = (m[1] === 'IntegrationDesigntimeArtifacts' ? iflowHomes : scriptHomes).get(id);
      if (!home || removed.has(home.pkg.id) || (m[3] === 'Configurations' && m[1] !== 'IntegrationDesigntimeArtifacts')) {
        return sendError(res, 404, `Artifact ${id} not found`);
      }
      if (m[3] === 'Configurations') {
        const records = (home.artifact.configurations ?? []).map((c) => ({
          ParameterKey: c.key,
          ParameterValue: c.value,
          DataType: c.dataType ?? 'xsd:string',
        }));
        return collection(res, path, query, records);
      }
      if (home.pkg.mode === 'CONFIGURE_ONLY') {
        return sendError(res, 400, `Artifact ${id} cannot be downloaded: package ${home.pkg.id} is configure-only`);
      }
      return send(res, 200, zipOf(home.artifact), 'application/zip');
    }
    if (path === tenantPaths.keystore) {
      if (!needs(MONITORING_ROLE)) return;
      return collection(res, path, query, (fixture.keystore ?? []).map(keystoreRecord));
    }
    if ((m = /^\/KeystoreEntries\('([0-9a-fA-F]*)'\)\/Certificate\/\$value$/.exec(path))) {
      if (!needs(MONITORING_ROLE)) return;
      const entry = fixture.keystore?.find((e) => Buffer.from(e.alias, 'utf8').toString('hex') === m![1].toLowerCase());
      if (!entry?.certificate) return sendError(res, 404, 'Certificate not found');
      const der = derOf(entry.certificate);
      return entry.servePem
        ? send(
            res,
            200,
            `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`,
            'application/x-pem-file',
          )
        : send(res, 200, der, 'application/pkix-cert');
    }
    if (path === tenantPaths.userCredentials) {
      if (!needs(MONITORING_ROLE)) return;
      const records = (fixture.userCredentials ?? []).map((c) => ({
        Name: c.name,
        Kind: c.kind ?? 'default',
        User: c.user ?? '',
        Password: null,
        Description: '',
      }));
      return collection(res, path, query, records);
    }
    if (path === tenantPaths.oauth2ClientCredentials) {
      if (!needs(MONITORING_ROLE)) return;
      const records = (fixture.oauth2ClientCredentials ?? []).map((c) => ({
        Name: c.name,
        TokenServiceUrl: c.tokenServiceUrl,
        ClientId: 'client',
        ClientAuthentication: c.clientAuthentication ?? 'SendAsBodyParameter',
      }));
      return collection(res, path, query, records);
    }
    if (path === tenantPaths.secureParameters) {
      if (!needs(MONITORING_ROLE)) return;
      if (!fixture.secureParameters) return sendError(res, 404, 'Resource not found for segment SecureParameters');
      return collection(
        res,
        path,
        query,
        fixture.secureParameters.map((name) => ({ Name: name, Description: '' })),
      );
    }
    if (path === tenantPaths.certificateUserMappings) {
      if (!needs(MONITORING_ROLE)) return;
      return collection(res, path, query, (fixture.certificateUserMappings ?? []).map(certificateUserMappingRecord));
    }
    sendError(res, 404, `Resource not found for path ${path}`);
  };

  const token = (req: IncomingMessage, body: string, res: ServerResponse): void => {
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    if (req.method !== 'POST' || req.headers.authorization !== expected) {
      return send(res, 401, JSON.stringify({ error: 'unauthorized', error_description: 'Bad credentials' }), 'application/json');
    }
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
      return send(res, 400, JSON.stringify({ error: 'unsupported_grant_type' }), 'application/json');
    }
    const issued = `fake-token-${randomBytes(16).toString('hex')}`;
    tokens.set(issued, Date.now() + lifetime * 1000);
    issuedTokens.push(issued);
    send(
      res,
      200,
      JSON.stringify({ access_token: issued, token_type: 'bearer', expires_in: lifetime, scope: 'it!b1.WorkspacePackagesRead', jti: 'x' }),
      'application/json',
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    let path = safeDecode(url.pathname);
    const isToken = path === tenantPaths.token;
    if (!isToken && path.startsWith(API)) path = path.slice(API.length);
    requests.push({ method: req.method ?? 'GET', path, query: url.search, accept: req.headers.accept, at: Date.now() });
    const body = await readBody(req);
    if (options.latencyMs) await sleep(options.latencyMs);

    const entry = faults.find((f) => f.left > 0 && matches(f.path, path));
    const fault = entry?.fault;
    if (entry) entry.left--;
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.destroy) {
      req.socket.destroy();
      return;
    }
    if (fault && (fault.status !== undefined || fault.body !== undefined)) {
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {};
      if (fault.body !== undefined) return send(res, fault.status ?? 200, fault.body, fault.contentType ?? 'application/json', headers);
      const message = fault.echoAuthorization
        ? `${fault.message ?? 'Rejected'}: ${req.headers.authorization ?? ''}`
        : (fault.message ?? `Fault ${fault.status}`);
      return sendError(res, fault.status!, message, headers);
    }

    if (isToken) return token(req, body, res);
    if (!url.pathname.startsWith(`${API}/`)) return sendError(res, 404, 'Not found');
    if (req.method !== 'GET') return sendError(res, 405, 'Read-only fake tenant');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expiry = bearer === undefined ? undefined : tokens.get(bearer);
    if (expiry === undefined || expiry <= Date.now()) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      res.end();
      return;
    }
    answer(res, path, url.searchParams);
  };

  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = (): void => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('close', finish);
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `Fake tenant failed: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;
  const serviceKey: ServiceKeyJson = {
    oauth: { clientid: clientId, clientsecret: clientSecret, url: base, tokenurl: `${base}${tenantPaths.token}` },
  };

  return {
    url: base,
    tokenUrl: serviceKey.oauth.tokenurl,
    host: `127.0.0.1:${port}`,
    clientId,
    clientSecret,
    serviceKey,
    caPem: tls.caPem,
    caFile: tls.caFile,
    issuedTokens,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    count: (path) => requests.filter((r) => matches(path, r.path)).length,
    resetLog: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    fault: (path, fault) => {
      faults.push({ path, fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    removePackage: (id) => {
      removed.add(id);
    },
    expireTokens: () => {
      for (const t of tokens.keys()) tokens.set(t, 0);
    },
    writeServiceKey: () => {
      const file = join(mkdtempSync(join(tmpdir(), 'fake-tenant-key-')), 'service-key.json');
      writeFileSync(file, JSON.stringify(serviceKey, null, 2));
      return file;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function unquote(literal: string): string {
  return literal.replace(/''/g, "'");
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A decoded path as it goes into a URL again (quotes, parentheses and `$` stay). */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%27/g, "'").replace(/%24/g, '$').replace(/%3D/g, '=').replace(/%2C/g, ','))
    .join('/');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
