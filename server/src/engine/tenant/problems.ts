// What a tenant scan could not read, as data: where (a cpi-tenant:// URI)
// and why, in words that never carry a secret (the HTTP client's errors say
// what failed without the token or the client secret).
import { isTenantError } from './errors';

export interface TenantProblem {
  readonly uri: string;
  readonly message: string;
  /** Skipped on purpose (a configure-only package), not a failure: a warning, and the scan stays complete. */
  readonly skipped?: boolean;
}

/** Thrown when the scan was cancelled (Ctrl-C): nothing more is read or reported. */
export class TenantScanAborted extends Error {
  constructor() {
    super('the tenant scan was cancelled');
  }
}

/** The problem `error` stands for; rethrows as TenantScanAborted once `signal` is aborted. */
export function failure(uri: string, what: string, error: unknown, signal?: AbortSignal): TenantProblem {
  if (signal?.aborted || error instanceof TenantScanAborted || isTenantError(error, 'cancelled')) throw new TenantScanAborted();
  return { uri, message: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}
