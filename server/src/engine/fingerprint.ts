// Fingerprints identify a finding across runs for baselines and SARIF. They
// must survive line shifts and unrelated edits, so they hash what the
// finding is about, never where it sits: rule, file, subject (property key,
// parameter or certificate), the message with numbers taken out (it names
// channels and iFlows, but also day counts that change daily) and the
// offending value text.
import { createHash } from 'node:crypto';

export interface FingerprintParts {
  readonly ruleId: string;
  /** Path relative to the scan root, '/'-separated. */
  readonly path: string;
  readonly subject?: string;
  readonly message: string;
  readonly valueText: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function fingerprintHash(parts: FingerprintParts): string {
  const message = squash(parts.message.replace(/\d+/g, '#'));
  const key = JSON.stringify([parts.ruleId, parts.path, parts.subject ?? '', message, squash(parts.valueText)]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Sets `<hash>:<n>` on findings already sorted by position, n counting equal hashes from 1. */
export function numberFingerprints(findings: readonly { fingerprint: string }[]): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const hash = baseHash(finding.fingerprint);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    finding.fingerprint = `${hash}:${n}`;
  }
}

export function baseHash(fingerprint: string): string {
  const colon = fingerprint.indexOf(':');
  return colon < 0 ? fingerprint : fingerprint.slice(0, colon);
}
