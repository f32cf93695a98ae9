// What a credential written into a script looks like: names whose last word
// says "secret", literals that could be one (not a name, URL or
// placeholder), Basic credentials, Bearer tokens, JWTs and PEM private keys.

/** Last words (or last two words joined) that make a name a secret's name. */
const SECRET_LAST_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token']);
const SECRET_LAST_TWO_WORDS = new Set(['apikey', 'privatekey', 'clientsecret']);

/** The words of an identifier or key: split at `_`, `-`, `.`, spaces and camelCase humps (`clientSecretV2` → client, secret, v2). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.\-$]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Every secret's name ends in one of these words (before any separators):
 * names that do not are turned away without splitting them into words.
 * With `u` the case folding is as wide as toLowerCase's (the Kelvin sign is a `k`).
 */
const SECRET_ENDING = /(?:password|passwd|pwd|secret|token|key)[\s_.\-$]*$/iu;

/**
 * A look at the last character before SECRET_ENDING: each of its words ends
 * in `d`, `t`, `n` or `y` (and no other character matches those under its
 * case folding); beyond ASCII the expression judges.
 */
function endsLikeSecretWord(name: string): boolean {
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name.charCodeAt(i);
    // The separators SECRET_ENDING allows after the word.
    if (c === 0x5f || c === 0x2e || c === 0x2d || c === 0x24 || c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c >= 0x80) return true;
    const lower = c | 0x20;
    return lower === 0x64 || lower === 0x74 || lower === 0x6e || lower === 0x79;
  }
  return false;
}

/** `password`, `dbPwd`, `CLIENT_SECRET`, `apiKey`, `API_KEY`, `accessToken`; not `passwordAlias`, `tokenUrl`. */
export function isSecretName(name: string): boolean {
  if (!endsLikeSecretWord(name) || !SECRET_ENDING.test(name)) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (SECRET_LAST_WORDS.has(last) || SECRET_LAST_TWO_WORDS.has(last)) return true;
  return words.length >= 2 && SECRET_LAST_TWO_WORDS.has(words[words.length - 2] + last);
}

const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * A literal that could be a secret: 8 to 512 characters, no white space,
 * not a URL, not a placeholder (`<…>`, `${…}`, `{{…}}`, only `*` or `x`),
 * not a plain name such as `SAP_ClientSecret` (names of properties and
 * credentials look like that; plain-letter passwords are missed on purpose).
 * Every string literal of a script is asked: one pass over the characters
 * answers white space and plain names, the usual reasons to turn one away.
 */
export function isSecretLikeValue(value: string): boolean {
  const length = value.length;
  if (length < 8 || length > 512) return false;
  // A plain name is `[A-Za-z_][A-Za-z_.-]*`.
  let plain = isLetter(value.charCodeAt(0)) || value.charCodeAt(0) === 0x5f;
  let wide = false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return false;
    if (c >= 0x80) wide = true;
    if (plain && !(isLetter(c) || c === 0x5f || c === 0x2e || c === 0x2d)) plain = false;
  }
  // Beyond ASCII, the regular expression knows which characters are white space.
  if (plain || (wide && /\s/.test(value))) return false;
  if (URL_LIKE.test(value)) return false;
  return !isPlaceholder(value);
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isPlaceholder(value: string): boolean {
  switch (value.charCodeAt(0)) {
    case 0x3c: // <
      return value.endsWith('>');
    case 0x24: // $
      return value.startsWith('${') && value.endsWith('}');
    case 0x7b: // {
      return value.startsWith('{{') && value.endsWith('}}');
    case 0x2a: // *
      return /^\*+$/.test(value);
    case 0x78: // x
    case 0x58: // X
      return /^[xX]+$/.test(value);
    default:
      return false;
  }
}

/**
 * The `user:password` a base64 text decodes to, when it is strict base64 of
 * printable text with both parts non-empty. Decoded here rather than by
 * Buffer: every longer literal is asked, and most fail on a character or
 * an unprintable byte early on.
 */
export function basicCredential(base64: string): { readonly user: string } | undefined {
  const length = base64.length;
  if (length < 8 || length % 4 === 1) return undefined;
  // Up to two `=` of padding at the end.
  let end = length;
  if (base64.charCodeAt(end - 1) === 0x3d) end -= base64.charCodeAt(end - 2) === 0x3d ? 2 : 1;
  let text = '';
  let colon = -1;
  let bits = 0;
  let pending = 0;
  for (let i = 0; i < end; i++) {
    const sextet = sextetOf(base64.charCodeAt(i));
    if (sextet < 0) return undefined;
    pending = ((pending << 6) | sextet) & 0xfff;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const byte = (pending >> bits) & 0xff;
    if (byte < 0x20 || byte > 0x7e) return undefined;
    if (byte === 0x3a && colon < 0) colon = text.length;
    text += String.fromCharCode(byte);
  }
  // Only exact base64 counts: no character left over, no bits set past the last byte.
  if (bits === 6 || (pending & ((1 << bits) - 1)) !== 0) return undefined;
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { user: text.slice(0, colon) };
}

/** The 6 bits a base64 character stands for, -1 for any other character. */
function sextetOf(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 26;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 52;
  if (c === 0x2b) return 62;
  if (c === 0x2f) return 63;
  return -1;
}

/**
 * Whether the value, past any leading white space, may begin with the
 * ASCII letter (its lower-case code) in either case: a look at the first
 * character before the expressions, which most literals fail.
 */
function mayStartWith(value: string, letter: number): boolean {
  const c = value.charCodeAt(0);
  return (c | 0x20) === letter || c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x80;
}

/** `Basic <base64>` as one literal: the base64 part. */
export function basicValue(value: string): string | undefined {
  if (!mayStartWith(value, 0x62) || !/^\s*basic/i.test(value)) return undefined;
  const match = /^\s*Basic\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** A literal that starts an `Authorization` value of the Basic scheme (`"Basic "`, `"Basic " + …`). */
export function startsBasic(value: string): boolean {
  return mayStartWith(value, 0x62) && /^\s*Basic(\s|$)/i.test(value);
}

/** `Bearer <token>` with a token of at least 16 characters that is not a placeholder. */
export function bearerToken(value: string): string | undefined {
  if (!mayStartWith(value, 0x62) || !/^\s*bearer/i.test(value)) return undefined;
  const match = /^\s*Bearer\s+(\S{16,})\s*$/i.exec(value);
  if (!match || isPlaceholder(match[1])) return undefined;
  return match[1];
}

const JWT = /(?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?![A-Za-z0-9_.-])/;

/**
 * Whether the text holds `eyJ`, looked for from its `J`: every literal is
 * asked, and `e`, the most common letter, would stop a search at every word.
 */
function holdsJwtHeader(value: string): boolean {
  for (let i = value.indexOf('J', 2); i > 0; i = value.indexOf('J', i + 1)) {
    if (value.charCodeAt(i - 1) === 0x79 && value.charCodeAt(i - 2) === 0x65) return true;
  }
  return false;
}

/** A JSON Web Token inside the text: three base64url parts, the first (a JSON header) starting `eyJ`. */
export function jwtIn(value: string): string | undefined {
  if (!holdsJwtHeader(value)) return undefined;
  return JWT.exec(value)?.[1];
}

const PEM_PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----\s*[A-Za-z0-9+/=\s]{40,}/;

/**
 * A PEM private-key block: the BEGIN line followed by key material. The
 * BEGIN line alone is what scripts strip off keys read from the keystore,
 * so it does not count.
 */
export function pemPrivateKey(value: string): string | undefined {
  // The shortest match: the BEGIN line of `PRIVATE KEY` (27 characters) and 40 of key material.
  if (value.length < 67 || !value.includes('-----BEGIN ')) return undefined;
  return PEM_PRIVATE_KEY.exec(value)?.[1];
}
