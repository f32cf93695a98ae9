// What a tenant scan could not read, as data: where (a cpi-tenant:// URI)
// and why, in words that never carry a secret (the HTTP client's errors say
// what failed without the token or the client secret).
import { isTenantError } from './errors';

export interface TenantProblem {
  readonly uri: string;
  readonly message: string;
  /** Skipped on purpose (a configure-only package), not a failure: a warning, and the scan stays complete. */
  readonly skipped?: boolean;
  /** The error's own words, without what was being read: the same for every read when the tenant cannot be reached at all. */
  readonly cause?: string;
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
  const cause = error instanceof Error ? error.message : String(error);
  return { uri, message: `${what}: ${cause}`, cause };
}

/**
 * One problem instead of many when nothing could be read for one reason
 * (wrong credentials, an unreachable host): every list failed alike.
 */
export function collapsed(problems: readonly TenantProblem[], tenantUri: string): TenantProblem[] {
  const failures = problems.filter((problem) => !problem.skipped);
  const [first] = failures;
  if (
    failures.length < 2 ||
    failures.length !== problems.length ||
    failures.some((problem) => problem.cause === undefined || problem.cause !== first.cause)
  ) {
    return [...problems];
  }
  return [{ uri: tenantUri, message: `nothing could be read from the tenant: ${first.cause}`, cause: first.cause }];
}
