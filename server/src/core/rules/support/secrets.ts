import { splitValue } from '../../params/value-parts';
import { detached } from '../../text/detached';

// Which setting names hold secrets, and which name a credential instead.

const SECRET_ENDINGS = ['password', 'passwd', 'secret', 'token', 'apikey'];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Every property of every iFlow is asked about, and the same few hundred
// keys repeat: each answer is kept (bounded, keys can be anything).
const MAX_REMEMBERED = 4096;

/** Longer keys are half-typed markup, not names: asked about once, never kept. */
const LONGEST_REMEMBERED = 200;

function remembered(answers: Map<string, boolean>, key: string, test: (normalised: string) => boolean): boolean {
  if (key.length > LONGEST_REMEMBERED) return test(normalise(key));
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= MAX_REMEMBERED) answers.clear();
    answer = test(normalise(key));
    // A key is often a slice of its file's text: kept as it is, it would keep that whole version of the file alive.
    answers.set(detached(key), answer);
  }
  return answer;
}

const secretNames = new Map<string, boolean>();

/** `password`, `clientSecret`, `consumerSecret`, `securityToken`, `apiKey`, `Mail Password`, ... */
export function isSecretName(key: string): boolean {
  // Every property is asked about; its last letter rules most out without a lookup.
  const last = lastNameCharacter(key);
  if (last === 0 || (last > 0 && ((SECRET_LAST_LETTERS >> (last - 97)) & 1) === 0)) return false;
  return remembered(secretNames, key, looksSecret);
}

/** The letters the secret endings end with, as bits ('a' is bit 0). */
const SECRET_LAST_LETTERS = SECRET_ENDINGS.reduce((bits, ending) => bits | (1 << (ending.charCodeAt(ending.length - 1) - 97)), 0);

/**
 * What normalise() would leave last, as far as ASCII tells: the char code of
 * 'a'..'z'; 0 for a digit or nothing (no secret ending fits); -1 when a
 * non-ASCII character comes first (lowercasing may make it ASCII).
 */
function lastNameCharacter(key: string): number {
  for (let i = key.length - 1; i >= 0; i--) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) return c;
    if (c >= 65 && c <= 90) return c + 32;
    if (c >= 48 && c <= 57) return 0;
    if (c >= 128) return -1;
  }
  return 0;
}

function looksSecret(name: string): boolean {
  // a CSRF token is fetched per session (`fetch`), not a stored secret
  if (name.includes('csrf') || name.includes('xsrf')) return false;
  return SECRET_ENDINGS.some((ending) => name.endsWith(ending));
}

const credentialNameKeys = new Map<string, boolean>();

/** Keys whose value is the *name* of a deployed credential or key alias, not the secret itself. */
export function isCredentialNameKey(key: string): boolean {
  return remembered(
    credentialNameKeys,
    key,
    (name) => name.includes('credential') || name.includes('alias') || name === 'user' || name === 'username',
  );
}

/**
 * Nothing but `${runtime}` expressions and template placeholders
 * (`<password>`, `<<your key>>`, `&lt;API key&gt;`): unknown, not a secret.
 */
export function isTemplateValue(text: string): boolean {
  return splitValue(text, false).every((part) => part.kind !== 'literal' || text.slice(part.start, part.end).trim() === '');
}

/** An iFlow value that is visibly not a literal: it uses a `{{parameter}}`, or is a template value. */
export function isIndirectValue(text: string): boolean {
  return text.includes('{{') || isTemplateValue(text);
}
