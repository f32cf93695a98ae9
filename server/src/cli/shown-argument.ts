// A command-line argument as messages quote it: the text itself, unless it
// may be a service key's JSON (the key given where a path belongs), whose
// client secret must never reach the terminal or a CI log.
import { looksLikeServiceKey } from '../engine/tenant/service-key';

export function shownArgument(argument: string, { quoted = false } = {}): string {
  if (looksLikeServiceKey(argument)) return '(text that looks like a service key, not shown; pass a key with --tenant env:<VARIABLE>)';
  return quoted ? `"${argument}"` : argument;
}
