// The OData v2 JSON the Cloud Integration API answers: collections as
// {"d": {"results": [...], "__next": "..."}}, dates as "/Date(ms)/".
import { TenantError } from '../errors';
import type { Redactor } from './redactor';

export type ODataRecord = Readonly<Record<string, unknown>>;

export interface Page {
  readonly records: readonly ODataRecord[];
  /** The next page's link as the tenant wrote it (absolute or relative). */
  readonly next?: string;
}

/** One page of a collection; a TenantError('malformed') when the body is not that. */
export function readPage(body: Buffer, what: string, path: string, redactor: Redactor): Page {
  const json = parseJson(body, what, path, redactor);
  const d = (json as { d?: unknown } | null)?.d;
  const results = Array.isArray(d) ? d : (d as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) {
    throw new TenantError('malformed', `The tenant's answer to ${what} is JSON without the documented d.results list.`, { path });
  }
  const bad = results.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
  if (bad >= 0)
    throw new TenantError('malformed', `The tenant's answer to ${what} has a record #${bad + 1} that is not an object.`, { path });
  const next = Array.isArray(d) ? undefined : (d as { __next?: unknown }).__next;
  if (next !== undefined && next !== null && typeof next !== 'string') {
    throw new TenantError('malformed', `The tenant's answer to ${what} has a d.__next that is not a link.`, { path });
  }
  return { records: results as ODataRecord[], next: next || undefined };
}

export function parseJson(body: Buffer, what: string, path: string, redactor: Redactor): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    // Secrets are masked before the text is cut short: a cut would hide a secret's start from the mask.
    const start = redactor
      .redact(text.trim())
      .slice(0, 40)
      .replace(/[^\x20-\x7e]/g, '?');
    throw new TenantError(
      'malformed',
      `The tenant's answer to ${what} is not JSON${start ? ` (it starts with "${start}")` : ' (it is empty)'}.`,
      { path },
    );
  }
}

/** "/Date(1559804924000)/" (an offset may follow the milliseconds) or an ISO date; undefined for null or absent. */
export function odataDate(value: unknown): Date | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return null;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  const date = ms ? new Date(Number(ms[1])) : /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
