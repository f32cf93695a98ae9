// What an answer's status means, as a TenantError: 401, 403 with the role
// the endpoint needs, 404, 429 and 5xx after the retries, anything else.
// The server's own message is added (secrets removed, shortened): it often
// says more than the status.
import { TenantError } from '../errors';
import type { Redactor } from './redactor';
import type { Answer } from './transport';

export interface Asked {
  /** In words: "the list of integration packages". */
  readonly what: string;
  readonly path: string;
  /** The role the endpoint needs, named on a 403. */
  readonly role?: string;
}

export function statusError(answer: Answer, asked: Asked, redactor: Redactor, host: string): TenantError {
  const { status } = answer;
  const said = serverMessage(answer.body, redactor);
  const tail = said ? ` The tenant says: ${said}` : '';
  const details = { status, path: asked.path, role: status === 403 ? asked.role : undefined };
  switch (true) {
    case status === 401:
      return new TenantError(
        'auth',
        `${host} refused the token when asked for ${asked.what} (401), also after renewing it: check that the service key belongs to this tenant.${tail}`,
        details,
      );
    case status === 403:
      return new TenantError(
        'forbidden',
        `${host} refused ${asked.what} (403 Forbidden)${asked.role ? `: the service key's client lacks the role ${asked.role}` : ''}.${tail}`,
        details,
      );
    case status === 404:
      return new TenantError('not-found', `${capital(asked.what)} was not found on ${host} (404).${tail}`, details);
    case status === 429:
      return new TenantError(
        'rate-limited',
        answer.refusedRetryAfterMs !== undefined
          ? `${host} answered 429 Too Many Requests to ${asked.what} and asked to wait ${Math.ceil(answer.refusedRetryAfterMs / 1000)} s, longer than allowed.${tail}`
          : `${host} still answered 429 Too Many Requests to ${asked.what} after ${answer.attempts} tries: fewer parallel requests or a later run may help.${tail}`,
        details,
      );
    case status >= 500:
      return new TenantError(
        'server',
        `${host} answered ${status} to ${asked.what}${answer.attempts > 1 ? ` ${answer.attempts} times` : ''}.${tail}`,
        details,
      );
    default:
      return new TenantError('server', `${host} answered ${status} to ${asked.what}, which the API does not document.${tail}`, details);
  }
}

const MAX_MESSAGE = 300;

/** The message of an OData error body (JSON or XML), or the start of a plain-text one; undefined for anything else. */
export function serverMessage(body: Buffer, redactor: Redactor): string | undefined {
  const text = body.toString('utf8').trim();
  if (!text) return undefined;
  let message: string | undefined;
  if (text.startsWith('{')) {
    try {
      message = jsonMessage(JSON.parse(text));
    } catch {
      message = undefined;
    }
  } else if (text.startsWith('<')) {
    message = /<(?:\w+:)?message[^>]*>([^<]*)</.exec(text)?.[1];
  } else if (!/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    message = text;
  }
  if (!message) return undefined;
  const clean = redactor.redact(message.replace(/\s+/g, ' ').trim());
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
}

function jsonMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
    if (typeof message === 'object' && message !== null && typeof (message as Record<string, unknown>).value === 'string') {
      return (message as Record<string, string>).value;
    }
  }
  if (typeof record.error_description === 'string') return record.error_description;
  if (typeof error === 'string') return error;
  if (typeof record.message === 'string') return record.message;
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
