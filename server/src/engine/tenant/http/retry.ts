// When to try a request again and how long to wait first: 429 and 5xx
// answers and dropped connections are retried a bounded number of times,
// with exponential back-off and jitter, or after the time a Retry-After
// header asks for.

export interface RetryOptions {
  /** Tries in all, the first included (default 4). */
  readonly attempts: number;
  /** Wait before the first retry; doubles each time (default 500 ms). */
  readonly baseDelayMs: number;
  /** Longest back-off between tries (default 8 s). */
  readonly maxDelayMs: number;
  /** Longest Retry-After honoured; a longer one ends the retries (default 120 s). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 120_000 };

export function isRetriedStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Error codes of connections that broke mid-way: worth another try (unlike DNS failures or refused connections). */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function isTransientNetworkCode(code: string | undefined): boolean {
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** Back-off before try number `attempt + 1` (attempt counts from 1), with jitter in [50 %, 100 %]. */
export function backoffMs(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const full = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full * (0.5 + random() / 2));
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A wait that ends early, rejecting with the signal's reason, when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
