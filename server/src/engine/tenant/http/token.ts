// The OAuth access token: client credentials grant with the key's client id
// and secret as HTTP Basic, kept in memory only, renewed shortly before it
// expires and when the API refuses it. Callers asking at the same time share
// one token request.
import { TenantError } from '../errors';
import { clientSecretOf, type ServiceKey } from '../service-key';
import type { Redactor } from './redactor';
import { statusError } from './status';
import { cancelled, type Transport } from './transport';

/** Renew this long before expiry, at most (a tenth of a short lifetime otherwise). */
const RENEW_MARGIN_MS = 60_000;
/** Lifetime assumed when the answer does not say. */
const DEFAULT_LIFETIME_S = 300;

export class TokenSource {
  readonly #key: ServiceKey;
  readonly #transport: Transport;
  readonly #redactor: Redactor;
  readonly #basic: string;
  readonly #clientSignal?: AbortSignal;
  #token: { readonly value: string; readonly renewAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(key: ServiceKey, transport: Transport, redactor: Redactor, clientSignal?: AbortSignal) {
    this.#key = key;
    this.#clientSignal = clientSignal;
    this.#transport = transport;
    this.#redactor = redactor;
    const secret = clientSecretOf(key);
    this.#basic = Buffer.from(`${key.clientId}:${secret}`, 'utf8').toString('base64');
    redactor.add(secret);
    redactor.add(this.#basic);
  }

  /**
   * A token valid for a while yet. The request for it is shared, so it runs
   * under the client's signal; a caller whose own signal aborts stops waiting.
   */
  current(signal?: AbortSignal): Promise<string> {
    if (this.#token && Date.now() < this.#token.renewAt) return Promise.resolve(this.#token.value);
    this.#pending ??= this.#fetch(this.#clientSignal).finally(() => {
      this.#pending = undefined;
    });
    return signal ? untilAborted(this.#pending, signal) : this.#pending;
  }

  /** The API refused this token: the next call gets a new one. */
  invalidate(value: string): void {
    if (this.#token?.value === value) this.#token = undefined;
  }

  async #fetch(signal?: AbortSignal): Promise<string> {
    const url = new URL(this.#key.tokenUrl);
    const path = url.pathname;
    const what = 'an access token';
    const answer = await this.#transport.send(
      {
        method: 'POST',
        url: url.href,
        headers: { authorization: `Basic ${this.#basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'grant_type=client_credentials',
        what,
        path,
      },
      signal,
    );
    if (answer.status === 401 || (answer.status === 400 && /invalid_client|unauthorized/i.test(answer.body.toString('utf8')))) {
      throw new TenantError(
        'auth',
        `The token endpoint ${url.host} refused the client id and secret of the ${this.#key.origin} (${answer.status}): the key may have been deleted or its secret renewed.`,
        { status: answer.status, path },
      );
    }
    if (answer.status < 200 || answer.status >= 300) throw statusError(answer, { what, path }, this.#redactor, url.host);
    let json: unknown;
    try {
      json = JSON.parse(answer.body.toString('utf8'));
    } catch {
      throw new TenantError('malformed', `The token endpoint ${url.host} answered with something that is not JSON.`, {
        status: answer.status,
        path,
      });
    }
    const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const value = record.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new TenantError('malformed', `The token endpoint ${url.host} answered without an access_token.`, {
        status: answer.status,
        path,
      });
    }
    this.#redactor.add(value);
    const seconds = typeof record.expires_in === 'number' ? record.expires_in : Number(record.expires_in);
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LIFETIME_S) * 1000;
    this.#token = { value, renewAt: Date.now() + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 10) };
    return value;
  }
}

/** The promise's outcome, or a cancellation as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
