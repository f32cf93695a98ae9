import { UNKNOWN } from './resolved-value';

// Reads the scheme, host and port out of a resolved address. The text may
// hold UNKNOWN characters (a missing parameter, a `${...}` expression, a
// `<placeholder>`): the parts they do not touch are still known, e.g. the
// scheme of `http://<host>/path` or the port of `{{HOST}}:8443`.

/** [start, end) in the resolved text, ready for locateSlice. */
export type TextSlice = readonly [number, number];

export interface Endpoint {
  /** Lower-case scheme; undefined when absent, unknown or not a valid scheme. */
  readonly scheme?: string;
  /** The scheme as written (without `://`); present whenever a `...://` prefix is. */
  readonly schemeRange?: TextSlice;
  /** Host as written (an IPv6 literal without its brackets); undefined when empty or unknown. */
  readonly host?: string;
  readonly hostRange?: TextSlice;
  /** The explicit port; undefined when there is none or it is not a known number. */
  readonly port?: number;
  /**
   * False when the port cannot be told: its text is unknown or not a number,
   * or an unknown part of the host could carry a `:port` of its own.
   */
  readonly portKnown: boolean;
  /** The port digits (without the colon). */
  readonly portRange?: TextSlice;
  /** A `:port` is written (even if its text is unknown). */
  readonly hasExplicitPort: boolean;
  /** `user:password` before the `@`, when present. */
  readonly userInfoRange?: TextSlice;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** Parses a URL (`scheme://[userinfo@]host[:port][/path][?query]`); undefined for a blank value. */
export function parseUrl(text: string): Endpoint | undefined {
  const parts = splitAddress(text);
  if (!parts?.scheme) return parts?.authority;
  return { ...parts.authority, scheme: parts.scheme.name, schemeRange: parts.scheme.range };
}

/** Parses a `host[:port]` setting (SFTP host, mail server); a `scheme://` prefix or a path is tolerated. */
export function parseHostPort(text: string): Endpoint | undefined {
  return splitAddress(text)?.authority;
}

/** The trimmed value's optional `scheme://` prefix and the authority after it; undefined for a blank value. */
function splitAddress(text: string): { scheme: WrittenScheme | undefined; authority: Endpoint } | undefined {
  const [start, end] = trimmed(text);
  if (start === end) return undefined;
  const scheme = schemeAt(text, start, end);
  const authorityStart = scheme ? scheme.range[1] + 3 : start;
  return { scheme, authority: readAuthority(text, authorityStart, authorityEnd(text, authorityStart, end)) };
}

function trimmed(text: string): [number, number] {
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** A `name://` prefix as written; `name` is the lower-cased scheme when valid. */
interface WrittenScheme {
  readonly name?: string;
  readonly range: TextSlice;
}

/** A `name://` prefix, the name being anything before the first `/`, `?` or `#`. */
function schemeAt(text: string, start: number, end: number): WrittenScheme | undefined {
  const separator = text.indexOf('://', start);
  if (separator <= start || separator + 3 > end) return undefined;
  const written = text.slice(start, separator);
  if (/[/?#]/.test(written)) return undefined;
  return { name: SCHEME.test(written) ? written.toLowerCase() : undefined, range: [start, separator] };
}

function authorityEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '/' || c === '?' || c === '#') return i;
  }
  return end;
}

function readAuthority(text: string, start: number, end: number): Endpoint {
  const at = text.lastIndexOf('@', end - 1);
  const hostStart = at >= start ? at + 1 : start;
  const userInfoRange: TextSlice | undefined = at >= start ? [start, at] : undefined;
  let hostRange: TextSlice;
  let portStart: number | undefined;
  if (text[hostStart] === '[') {
    const close = text.indexOf(']', hostStart);
    if (close >= 0 && close < end) {
      hostRange = [hostStart + 1, close];
      if (text[close + 1] === ':') portStart = close + 2;
    } else {
      hostRange = [hostStart, end];
    }
  } else {
    let colon = -1;
    let colons = 0;
    for (let i = hostStart; i < end; i++) {
      if (text[i] !== ':') continue;
      colons++;
      if (colon < 0) colon = i;
    }
    // Several colons without brackets: a bare IPv6 address, no port.
    if (colons === 1) {
      hostRange = [hostStart, colon];
      portStart = colon + 1;
    } else {
      hostRange = [hostStart, end];
    }
  }
  const hostText = text.slice(hostRange[0], hostRange[1]);
  const host = hostText === '' || hostText.includes(UNKNOWN) ? undefined : hostText;
  const base = { hostRange, ...(host !== undefined && { host }), ...(userInfoRange && { userInfoRange }) };

  if (portStart === undefined || portStart >= end) {
    // No port written: the scheme's default applies, unless an unknown part of the host may bring one.
    return { ...base, portKnown: !hostText.includes(UNKNOWN), hasExplicitPort: false };
  }
  const portRange: TextSlice = [portStart, end];
  const portText = text.slice(portStart, end);
  if (/^\d+$/.test(portText)) return { ...base, port: Number(portText), portKnown: true, portRange, hasExplicitPort: true };
  return { ...base, portKnown: false, portRange, hasExplicitPort: true };
}
