// One HTTP exchange with the tenant or its token endpoint, through undici:
// proxies from HTTPS_PROXY / NO_PROXY, an extra CA when given (TLS
// verification itself is never switched off), a time-out per try, a bounded
// number of requests in flight, and retries of 429, 5xx and dropped
// connections. Answers of any status come back as they are; the caller says
// what a status means. Failures without an answer become TenantErrors whose
// messages hold no request headers.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { Dispatcher, EnvHttpProxyAgent } from 'undici';
import { TenantError } from '../errors';
import type { Redactor } from './redactor';
import { backoffMs, isRetriedStatus, isTransientNetworkCode, retryAfterMs, sleep, type RetryOptions } from './retry';
import { withTimeout } from './signals';
import { RequestSlots } from './slots';

export interface TransportOptions {
  /** CA certificates (PEM) trusted in addition to Node's own, e.g. a company proxy's or a test CA. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly redactor: Redactor;
  /** Larger answers are refused, so a broken or hostile server cannot exhaust memory. */
  readonly maxResponseBytes: number;
}

export interface Exchange {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** What is asked for, in words, for messages ("the list of integration packages"). */
  readonly what: string;
  /** The path for TenantError.path. */
  readonly path: string;
}

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  /** Tries it took. */
  readonly attempts: number;
  /** A Retry-After the transport did not wait for (longer than allowed), in ms. */
  readonly refusedRetryAfterMs?: number;
}

/**
 * undici, loaded with the first request: the bundles keep it unevaluated until
 * then, so the language server and the command line start without it (14 MB
 * of the server's memory) unless a tenant is read.
 */
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => (undici ??= import('undici'));

/** Network failures worth another try (a connection that broke mid-way). */
const transient = new WeakSet<TenantError>();

/** Certificate problems: say so plainly, with the way to trust a private CA. */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO/;

export class Transport {
  readonly #options: TransportOptions;
  readonly #agentOptions: EnvHttpProxyAgent.Options;
  #dispatcher: Promise<Dispatcher> | undefined;
  readonly #slots: RequestSlots;
  #requests = 0;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#slots = new RequestSlots(options.concurrency);
    const extra = options.ca === undefined ? [] : Array.isArray(options.ca) ? options.ca : [options.ca as string | Buffer];
    // An explicit `ca` replaces Node's trust store in TLS: Node's roots and NODE_EXTRA_CA_CERTS are put back beside it.
    const tls = extra.length > 0 ? { ca: [...rootCertificates, ...environmentCas(), ...extra.map(String)] } : {};
    // requestTls reaches the tenant through a proxy's tunnel, connect reaches it directly.
    // NO_PROXY is read once here: left to undici, it reads the environment on every request
    // (a tenth of a scan's CPU time over a thousand requests). The proxies are read here too,
    // as undici would (lower case first), since the agent is only made with the first request.
    const env = process.env;
    this.#agentOptions = {
      connect: tls,
      requestTls: tls,
      noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
      httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
      httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    };
  }

  /** The agent for every request of this transport, made on the first. */
  #agent(): Promise<Dispatcher> {
    return (this.#dispatcher ??= loadUndici().then(({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent(this.#agentOptions)));
  }

  /** Requests sent so far (every try counts). */
  get requestCount(): number {
    return this.#requests;
  }

  async send(exchange: Exchange, signal?: AbortSignal): Promise<Answer> {
    const { retry } = this.#options;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.#once(exchange, attempt, signal);
      } catch (error) {
        if (error instanceof TenantError && transient.has(error) && attempt < retry.attempts) {
          await this.#wait(backoffMs(attempt, retry), signal);
          continue;
        }
        throw error;
      }
      if (!isRetriedStatus(answer.status) || attempt >= retry.attempts) return answer;
      const asked = answer.status === 429 || answer.status === 503 ? retryAfterMs(header(answer.headers, 'retry-after')) : undefined;
      if (asked !== undefined && asked > retry.maxRetryAfterMs) return { ...answer, refusedRetryAfterMs: asked };
      await this.#wait(asked ?? backoffMs(attempt, retry), signal);
    }
  }

  async close(): Promise<void> {
    if (this.#dispatcher) await (await this.#dispatcher).close();
  }

  async #wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw cancelled();
    }
  }

  async #once(exchange: Exchange, attempt: number, signal?: AbortSignal): Promise<Answer> {
    let release: () => void;
    try {
      release = await this.#slots.acquire(signal);
    } catch {
      throw cancelled();
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.#options.timeoutMs);
    const linked = signal ? withTimeout(signal, timeout.signal) : { signal: timeout.signal, dispose: () => undefined };
    const combined = linked.signal;
    try {
      const [{ request }, dispatcher] = await Promise.all([loadUndici(), this.#agent()]);
      this.#requests++;
      const response = await request(exchange.url, {
        method: exchange.method,
        headers: { 'user-agent': 'cpi-security-lint', ...exchange.headers },
        body: exchange.body,
        dispatcher,
        signal: combined,
      });
      const body = await this.#read(response.body, response.headers, exchange);
      return { status: response.statusCode, headers: response.headers, body, attempts: attempt };
    } catch (error) {
      if (error instanceof TenantError) throw error;
      if (signal?.aborted) throw cancelled();
      if (timeout.signal.aborted) {
        throw new TenantError(
          'timeout',
          `No complete answer to ${exchange.what} from ${hostOf(exchange.url)} within ${seconds(this.#options.timeoutMs)}.`,
          { path: exchange.path },
        );
      }
      throw this.#networkError(error, exchange);
    } finally {
      clearTimeout(timer);
      linked.dispose();
      release();
    }
  }

  /** The whole body, refused as soon as it is known to pass the size limit. */
  async #read(body: Dispatcher.ResponseData['body'], headers: Answer['headers'], exchange: Exchange): Promise<Buffer> {
    const limit = this.#options.maxResponseBytes;
    const tooLarge = (): TenantError => {
      body.destroy();
      return new TenantError('too-large', `The answer to ${exchange.what} is larger than ${megabytes(limit)}; it was not read.`, {
        path: exchange.path,
      });
    };
    if (Number(header(headers, 'content-length') ?? 0) > limit) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks, size);
  }

  #networkError(error: unknown, exchange: Exchange): TenantError {
    const code = errorCode(error);
    const host = hostOf(exchange.url);
    let message: string;
    if (code && CERTIFICATE_CODES.test(code)) {
      message = `The certificate of ${host} could not be verified (${code}). If a proxy or a private CA signs it, trust that CA through NODE_EXTRA_CA_CERTS.`;
    } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      message = `The host ${host} could not be found (${code}): check the service key's URLs and the network.`;
    } else if (code === 'ECONNREFUSED') {
      message = `${host} refused the connection (${code}).`;
    } else {
      const detail = error instanceof Error ? this.#options.redactor.redact(error.message) : '';
      message = `The connection to ${host} failed while asking for ${exchange.what}${code ? ` (${code})` : ''}${detail ? `: ${detail}` : ''}.`;
    }
    const failure = new TenantError('network', message, { path: exchange.path });
    if (isTransientNetworkCode(code)) transient.add(failure);
    return failure;
  }
}

/** The certificates of NODE_EXTRA_CA_CERTS (Node reads them only for its default store). */
function environmentCas(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

export function cancelled(): TenantError {
  return new TenantError('cancelled', 'The tenant read was cancelled.');
}

export function header(headers: Answer['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_CONNECT' && code !== 'UND_ERR') return code;
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the tenant';
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
