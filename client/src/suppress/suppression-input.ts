// Checks for what the user types when suppressing a finding. Each returns
// the problem (an English message for vscode.l10n.t) or undefined when fine.
import { isIsoDay, isoDay } from '@cpi/common/config/dates';

export function reasonProblem(text: string): string | undefined {
  return text.trim() === '' ? 'Give a reason: reviewers read it in .cpisecurity.json.' : undefined;
}

/** Empty means "never expires"; otherwise a real calendar day, today or later. */
export function expiryProblem(text: string, today: Date): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (!isIsoDay(value)) return 'Write the date as YYYY-MM-DD, for example 2027-06-30, or leave it empty.';
  if (value < isoDay(today)) return 'The date lies in the past; the suppression would never apply.';
  return undefined;
}

/** The expiry to store: undefined for an empty answer. */
export function expiryValue(text: string): string | undefined {
  const value = text.trim();
  return value === '' ? undefined : value;
}
