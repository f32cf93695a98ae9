// Suppression expiry dates are calendar days (YYYY-MM-DD) compared with the
// user's local "today", so a suppression expiring on 2027-06-30 still
// applies for the whole of that day wherever the check runs.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2027-02-30). */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar day of `date` as YYYY-MM-DD; such strings compare in date order. */
export function isoDay(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** A suppression expiring on `expires` applies through that day and has expired from the next day on. */
export function isExpired(expires: string | undefined, today: Date): boolean {
  return expires !== undefined && expires < isoDay(today);
}
