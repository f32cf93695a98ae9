// A service key pasted into an editor (several lines of JSON, as the BTP
// cockpit shows it) rather than into a one-line input box: the editor opens
// with a comment saying what to paste; the comment is dropped before the key
// is checked and stored. No VS Code here, so it is unit-tested.
import { stripComments } from 'jsonc-parser';
import { serviceKeyTarget } from './tenant-model';

/** What the editor for a pasted key holds when it opens: a comment, then room for the key. */
export const KEY_DOCUMENT_TEMPLATE = [
  // the first line names the untitled editor's tab
  '// New tenant: its service key',
  '// Paste below the service key of a Process Integration Runtime instance (plan "api"),',
  '// as the BTP cockpit shows it: { "oauth": { "clientid", "clientsecret", "url", "tokenurl" } }.',
  '// Then choose "Save as Tenant" above. The key goes to VS Code\'s secret storage;',
  '// this editor is closed without saving.',
  '',
  '',
].join('\n');

/** The key's JSON without the comments, with the tenant it names, or what is wrong with it (the missing field by name). */
export function serviceKeyOfDocument(
  text: string,
): { readonly serviceKey: string; readonly url: string; readonly host: string } | { readonly error: string } {
  const serviceKey = stripComments(text.replace(/^\uFEFF/, '')).trim();
  if (serviceKey === '') return { error: 'Nothing is pasted yet: paste the service key JSON below the comment, then save it as a tenant.' };
  const target = serviceKeyTarget(serviceKey);
  return 'error' in target ? target : { serviceKey, ...target };
}
