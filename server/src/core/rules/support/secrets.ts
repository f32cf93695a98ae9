// Which setting names hold secrets, and which name a credential instead.

const SECRET_ENDINGS = ['password', 'passwd', 'secret', 'token', 'apikey'];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `password`, `clientSecret`, `consumerSecret`, `securityToken`, `apiKey`, `Mail Password`, ... */
export function isSecretName(key: string): boolean {
  const name = normalise(key);
  // a CSRF token is fetched per session (`fetch`), not a stored secret
  if (name.includes('csrf') || name.includes('xsrf')) return false;
  return SECRET_ENDINGS.some((ending) => name.endsWith(ending));
}

/** Keys whose value is the *name* of a deployed credential or key alias, not the secret itself. */
export function isCredentialNameKey(key: string): boolean {
  const name = normalise(key);
  return name.includes('credential') || name.includes('alias') || name === 'user' || name === 'username';
}

/** A value that is visibly not a literal: a `{{parameter}}`, a `${runtime}` expression or a `<placeholder>`. */
export function isIndirectValue(text: string): boolean {
  const value = text.trim();
  return value.includes('{{') || /^\$\{[^}]*\}$/.test(value) || /^<[^<>]*>$/.test(value);
}
