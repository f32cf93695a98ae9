// A service key as text (a file, the clipboard, or pasted into the Add Tenant
// form): several lines of JSON as the BTP cockpit shows it, possibly with
// comments, which are dropped before the key is checked and stored. No
// VS Code here, so it is unit-tested.
import { stripComments } from 'jsonc-parser';
import { serviceKeyTarget } from './tenant-model';

/** The key's JSON without comments, with the tenant it names, or what is wrong with it (the missing field by name). */
export function serviceKeyOfText(
  text: string,
): { readonly serviceKey: string; readonly url: string; readonly host: string } | { readonly error: string } {
  const serviceKey = stripComments(text.replace(/^\uFEFF/, '')).trim();
  if (serviceKey === '') return { error: 'There is no service key: paste the service key JSON, then save it.' };
  const target = serviceKeyTarget(serviceKey);
  return 'error' in target ? target : { serviceKey, ...target };
}
