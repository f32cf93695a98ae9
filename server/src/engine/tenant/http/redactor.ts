// Removes secrets from any text that could end up in a message: the client
// secret (as sent, in Basic form and URL-encoded) and every token obtained.
// Servers and proxies sometimes echo what they were sent; their words pass
// through here before they reach an error.

const MASK = '[redacted]';

export class Redactor {
  readonly #secrets = new Set<string>();

  add(secret: string): void {
    // Very short values would mask ordinary words; real secrets and tokens are long.
    if (secret.length < 6) return;
    this.#secrets.add(secret);
    this.#secrets.add(encodeURIComponent(secret));
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }

  /** Secrets are kept out of inspection and JSON. */
  toJSON(): string {
    return 'Redactor';
  }
}
