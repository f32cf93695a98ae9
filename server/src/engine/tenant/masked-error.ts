// An error nobody expected, as it may be written out (a crash's trace, a log
// line, an error answer): its words may quote anything, the client secret or
// a token included, so its message and stack pass through a tenant client's
// redactor (TenantClient.redact) first.

/** `error` as a new Error whose message and stack have `redact` applied. */
export function maskedError(error: unknown, redact: (text: string) => string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const safe = new Error(redact(message));
  safe.stack = redact(error instanceof Error ? (error.stack ?? message) : message);
  return safe;
}
