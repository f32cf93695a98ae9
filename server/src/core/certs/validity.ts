import type { CertificateInfo } from './model';

// Validity arithmetic shared by the rules, hovers and code lenses, so the
// three always agree on the day count.

const DAY_MS = 24 * 60 * 60 * 1000;

export type ValidityState =
  | { readonly state: 'not-yet-valid'; readonly daysUntilValid: number }
  | { readonly state: 'expired'; readonly daysAgo: number }
  | { readonly state: 'valid'; readonly daysLeft: number };

export function validityState(info: CertificateInfo, now: Date): ValidityState {
  const t = now.getTime();
  if (info.notBefore.getTime() > t) return { state: 'not-yet-valid', daysUntilValid: Math.ceil((info.notBefore.getTime() - t) / DAY_MS) };
  if (info.notAfter.getTime() < t) return { state: 'expired', daysAgo: Math.floor((t - info.notAfter.getTime()) / DAY_MS) };
  // Whole days left: 10 days and 3 hours reads "10 days".
  return { state: 'valid', daysLeft: Math.floor((info.notAfter.getTime() - t) / DAY_MS) };
}

/** `2025-03-01` (UTC). */
export function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an invalid date' : date.toISOString().slice(0, 10);
}

export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

/** "expires in 41 days", "expires today", "expired 3 days ago", "not valid until 2030-01-01". */
export function validityPhrase(info: CertificateInfo, now: Date): string {
  const validity = validityState(info, now);
  switch (validity.state) {
    case 'not-yet-valid':
      return `not valid until ${isoDay(info.notBefore)}`;
    case 'expired':
      return validity.daysAgo === 0 ? 'expired today' : `expired ${days(validity.daysAgo)} ago`;
    case 'valid':
      return validity.daysLeft === 0 ? 'expires today' : `expires in ${days(validity.daysLeft)}`;
  }
}
