// Distinguished names as people write them in iFlow client-certificate
// tables and as certificates carry them. Comparison follows X.520's
// caseIgnoreMatch, which is the matching rule of every attribute that appears
// in practice (CN, O, OU, L, ST, C, emailAddress, DC): case and insignificant
// whitespace never distinguish two names, while the order of the RDNs does.

export interface DnAttribute {
  /** Canonical short name (CN, O, E, ST, ...) or the dotted OID when unknown. */
  readonly type: string;
  /** Unescaped value; a `#hex` (BER) value is kept as written. */
  readonly value: string;
}

/** RDNs in the order written; each RDN holds one or more (multi-valued, `+`) attributes. */
export type Rdn = readonly DnAttribute[];

export interface ParsedDn {
  readonly rdns: readonly Rdn[];
  /** Set when the text is not a well-formed DN; `rdns` then holds what could be read. */
  readonly error?: string;
}

const OID_TO_NAME: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.17': 'POSTALCODE',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.43': 'INITIALS',
  '2.5.4.46': 'DNQUALIFIER',
  '2.5.4.97': 'ORGANIZATIONIDENTIFIER',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Spellings used by OpenSSL, Java, Microsoft and LDAP for the same attribute. */
const ALIASES: Readonly<Record<string, string>> = {
  COMMONNAME: 'CN',
  SURNAME: 'SN',
  COUNTRYNAME: 'C',
  LOCALITYNAME: 'L',
  S: 'ST',
  STATEORPROVINCENAME: 'ST',
  STREETADDRESS: 'STREET',
  ORGANIZATIONNAME: 'O',
  ORGANIZATIONALUNITNAME: 'OU',
  TITLE: 'T',
  G: 'GIVENNAME',
  GN: 'GIVENNAME',
  DNQ: 'DNQUALIFIER',
  EMAIL: 'E',
  EMAILADDRESS: 'E',
  USERID: 'UID',
  DOMAINCOMPONENT: 'DC',
};

/** Canonical attribute type for any accepted spelling (case-insensitive, `OID.` prefix allowed). */
export function canonicalAttributeType(type: string): string {
  const trimmed = type.trim();
  const dotted = /^(?:oid\.)?(\d+(?:\.\d+)+)$/i.exec(trimmed);
  if (dotted) return OID_TO_NAME[dotted[1]] ?? dotted[1];
  const upper = trimmed.toUpperCase();
  return ALIASES[upper] ?? upper;
}

/** Short name for an attribute OID, or the OID itself. */
export function attributeNameForOid(oid: string): string {
  return OID_TO_NAME[oid] ?? oid;
}

/**
 * Reads a DN in the RFC 4514 / RFC 1779 string form (`CN=a, O=b`, `;` also
 * separates, `+` joins a multi-valued RDN, backslash escapes and `\xx` hex
 * pairs, quoted values) or in OpenSSL's slash form (`/C=DE/O=b/CN=a`). The
 * slash form lists RDNs from the root down, so it is reversed into the RFC 4514
 * order. Never throws.
 */
export function parseDn(text: string): ParsedDn {
  const trimmed = text.trim();
  if (trimmed === '') return { rdns: [] };
  if (trimmed.startsWith('/')) {
    const parsed = parseSeparated(trimmed.slice(1), '/');
    return { ...parsed, rdns: [...parsed.rdns].reverse() };
  }
  return parseSeparated(trimmed, ',');
}

function parseSeparated(text: string, separator: ',' | '/'): ParsedDn {
  const rdns: DnAttribute[][] = [];
  let current: DnAttribute[] = [];
  let i = 0;
  const fail = (error: string): ParsedDn => {
    if (current.length > 0) rdns.push(current);
    return { rdns, error };
  };
  while (i <= text.length) {
    // attribute type
    const eq = text.indexOf('=', i);
    if (eq < 0) return fail(`expected "type=value" at "${text.slice(i, i + 20)}"`);
    const type = text.slice(i, eq).trim();
    if (type === '' || /[,+;/"\\]/.test(type)) return fail(`bad attribute type "${type}"`);
    i = eq + 1;
    // value
    const read = readValue(text, i, separator);
    if (read.error !== undefined) return fail(read.error);
    current.push({ type: canonicalAttributeType(type), value: read.value });
    i = read.end;
    if (i >= text.length) break;
    const sep = text[i];
    i++;
    if (sep === '+') continue;
    rdns.push(current);
    current = [];
    if (text.slice(i).trim() === '') return fail('trailing separator');
  }
  if (current.length > 0) rdns.push(current);
  return { rdns };
}

interface ReadValue {
  readonly value: string;
  readonly end: number;
  readonly error?: string;
}

function isSeparator(c: string, separator: ',' | '/'): boolean {
  return separator === '/' ? c === '/' || c === '+' : c === ',' || c === ';' || c === '+';
}

function readValue(text: string, start: number, separator: ',' | '/'): ReadValue {
  let i = start;
  while (i < text.length && text[i] === ' ') i++;
  if (text[i] === '"') {
    // RFC 1779 quoted value: separators lose their meaning, \" and \\ escape.
    let value = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      value += text[i];
      i++;
    }
    if (i >= text.length) return { value, end: i, error: 'unterminated quoted value' };
    i++;
    while (i < text.length && text[i] === ' ') i++;
    if (i < text.length && !isSeparator(text[i], separator)) return { value, end: i, error: 'text after a quoted value' };
    return { value, end: i };
  }
  // Bytes collected from \xx pairs are UTF-8; gather them before decoding.
  const bytes: number[] = [];
  let value = '';
  let trailingSpaces = 0;
  const flush = (): void => {
    if (bytes.length > 0) {
      value += Buffer.from(bytes).toString('utf8');
      bytes.length = 0;
    }
  };
  while (i < text.length && !isSeparator(text[i], separator)) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const pair = text.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(pair)) {
        bytes.push(parseInt(pair, 16));
        i += 3;
      } else {
        flush();
        value += text[i + 1];
        i += 2;
      }
      trailingSpaces = 0;
      continue;
    }
    flush();
    value += c;
    trailingSpaces = c === ' ' ? trailingSpaces + 1 : 0;
    i++;
  }
  flush();
  // Unescaped trailing spaces are insignificant; escaped ones were counted as 0.
  return { value: value.slice(0, value.length - trailingSpaces), end: i };
}

/** Value in the form compared: Unicode NFKC, lower case, whitespace runs collapsed, trimmed. */
export function normalizeDnValue(value: string): string {
  if (value.startsWith('#')) return value.toLowerCase();
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function rdnKey(rdn: Rdn): string {
  // Attributes inside one multi-valued RDN form a set: their order is not significant.
  return rdn
    .map((a) => `${a.type}=${JSON.stringify(normalizeDnValue(a.value))}`)
    .sort()
    .join('+');
}

/** Comparison key of a DN: equal keys mean the same name. */
export function dnKey(text: string): string {
  const parsed = parseDn(text);
  if (parsed.error !== undefined) return `!${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
  return parsed.rdns.map(rdnKey).join(',');
}

/**
 * True when both strings name the same entity: attribute types compared by
 * their canonical name (so `E` equals `emailAddress`), values case- and
 * whitespace-insensitively, RDNs in the order written. Text that does not
 * parse as a DN is compared as normalised text.
 */
export function sameDn(a: string, b: string): boolean {
  return dnKey(a) === dnKey(b);
}

/** True when two attribute lists (in the same RDN order) are the same name. */
export function sameRdns(a: readonly Rdn[], b: readonly Rdn[]): boolean {
  return a.length === b.length && a.every((rdn, i) => rdnKey(rdn) === rdnKey(b[i]));
}

/** The first (most specific, in RFC 4514 order) common name, if any. */
export function dnCommonName(text: string): string | undefined {
  for (const rdn of parseDn(text).rdns) {
    for (const attribute of rdn) if (attribute.type === 'CN') return attribute.value;
  }
  return undefined;
}

/** RFC 4514 escaping of one attribute value. */
export function escapeDnValue(value: string): string {
  let out = value
    .replace(/[\\,+"<>;]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** The RFC 4514 string of RDNs given in RFC 4514 order. */
export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((rdn) => rdn.map((a) => `${a.type}=${escapeDnValue(a.value)}`).join('+')).join(', ');
}
