// Every failure of a tenant read, as one error class: a kind the scan can act
// on (skip a configure-only artifact, stop on cancel, report the rest) and a
// message a person can act on. Messages are built from paths, hosts, status
// codes and server messages with every secret removed: the client secret
// and the token never reach them, and the error carries no `cause` that
// could hold a request.

export type TenantErrorKind =
  /** The service key is unusable (not JSON, fields missing, http://): nothing was sent. */
  | 'service-key'
  /** 401: the token endpoint refused the client, or the API refused a fresh token. */
  | 'auth'
  /** 403: the client lacks a role (`role` names it). */
  | 'forbidden'
  | 'not-found'
  /** The artifact's package is configure-only: its content cannot be downloaded. */
  | 'configure-only'
  /** 429 still after the last retry, or a Retry-After longer than allowed. */
  | 'rate-limited'
  /** 5xx after the last retry, or a status the API does not document. */
  | 'server'
  /** Unreachable host, refused or dropped connection, a certificate that does not verify. */
  | 'network'
  | 'timeout'
  /** JSON that does not parse or lacks the documented shape. */
  | 'malformed'
  /** Content that should be a zip and is not. */
  | 'not-zip'
  /** An answer larger than the client accepts (maxResponseBytes). */
  | 'too-large'
  /** The caller aborted (Ctrl-C, cancel). */
  | 'cancelled';

export interface TenantErrorDetails {
  /** The HTTP status, when the tenant answered. */
  readonly status?: number;
  /** The API path asked for (below /api/v1), or the token endpoint's path. */
  readonly path?: string;
  /** The role a 403 says is missing. */
  readonly role?: string;
}

export class TenantError extends Error {
  override readonly name = 'TenantError';
  readonly status?: number;
  readonly path?: string;
  readonly role?: string;

  constructor(
    readonly kind: TenantErrorKind,
    message: string,
    details: TenantErrorDetails = {},
  ) {
    super(message);
    if (details.status !== undefined) this.status = details.status;
    if (details.path !== undefined) this.path = details.path;
    if (details.role !== undefined) this.role = details.role;
  }
}

export function isTenantError(error: unknown, kind?: TenantErrorKind): error is TenantError {
  return error instanceof TenantError && (kind === undefined || error.kind === kind);
}
