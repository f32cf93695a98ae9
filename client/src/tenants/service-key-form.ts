// The form a service key is pasted into (Add Tenant's "paste" way): a
// webview page with a text area, Save and Cancel. A webview rather than an
// unsaved editor because VS Code backs unsaved editors up to disk (hot exit),
// which would put the client secret in a file. The page keeps no state
// (no setState), loads nothing, and runs its one script by nonce. The key is
// posted to the extension on Save; what is wrong comes back as text. No
// VS Code here, so the page, its script and the message handling are
// unit-tested.
import { serviceKeyOfText } from './service-key-text';

/** What the page posts: the pasted text on Save, or Cancel. */
export type FormMessage = { readonly type: 'save'; readonly text: string } | { readonly type: 'cancel' };

/** What the extension answers a Save that did not add a tenant: what is wrong, or just "try again" (the name was not given). */
export type FormReply = { readonly type: 'problem'; readonly message: string } | { readonly type: 'ready' };

/** How connecting a checked key ended: added, refused (why, with the next step), or given up by the user. */
export type ConnectOutcome = { readonly added: true } | { readonly error: string } | { readonly cancelled: true };

/** A message from the page, checked: anything else (another shape, a non-text key) is ignored. */
export function formMessageOf(data: unknown): FormMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, text } = data as { type?: unknown; text?: unknown };
  if (type === 'cancel') return { type };
  if (type === 'save' && typeof text === 'string') return { type, text };
  return undefined;
}

/** Save: checks the key (naming a missing field), then connects; 'saved' once the tenant accepted it. */
export async function saveFromForm(
  text: string,
  connect: (serviceKey: string, host: string) => Promise<ConnectOutcome>,
): Promise<FormReply | 'saved'> {
  const key = serviceKeyOfText(text);
  if ('error' in key) return { type: 'problem', message: `Not saved as a tenant: ${key.error}` };
  const outcome = await connect(key.serviceKey, key.host);
  if ('added' in outcome) return 'saved';
  if ('error' in outcome) return { type: 'problem', message: `Could not add the tenant: ${outcome.error}` };
  return { type: 'ready' };
}

/**
 * The page's script. Messages are shown with textContent (never parsed as
 * HTML); the button stays disabled while a Save is being checked.
 */
export const FORM_SCRIPT = `
const host = acquireVsCodeApi();
const key = document.getElementById('key');
const save = document.getElementById('save');
const problem = document.getElementById('problem');
function busy(on) {
  save.disabled = on;
  key.readOnly = on;
}
save.addEventListener('click', () => {
  busy(true);
  problem.textContent = '';
  host.postMessage({ type: 'save', text: key.value });
});
document.getElementById('cancel').addEventListener('click', () => host.postMessage({ type: 'cancel' }));
key.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !save.disabled) save.click();
});
window.addEventListener('message', (event) => {
  const reply = event.data;
  if (!reply || (reply.type !== 'problem' && reply.type !== 'ready')) return;
  problem.textContent = reply.type === 'problem' ? String(reply.message) : '';
  busy(false);
  key.focus();
});
key.focus();
`;

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; max-width: 60em; }
h1 { font-size: 1.3em; margin: 16px 0 8px; }
p { margin: 6px 0; }
textarea { box-sizing: border-box; width: 100%; min-height: 16em; resize: vertical; padding: 6px; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size);
  color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
textarea:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.buttons { margin: 10px 0; display: flex; gap: 8px; }
button { padding: 4px 14px; border: 1px solid var(--vscode-button-border, transparent); color: var(--vscode-button-foreground); background: var(--vscode-button-background); cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:disabled { opacity: 0.6; cursor: default; }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
#problem { white-space: pre-wrap; color: var(--vscode-errorForeground); }
#problem:empty { display: none; }
.hint { color: var(--vscode-descriptionForeground); }
`;

/** A nonce as randomBytes(…).toString('base64') makes it; anything else could break out of the attribute. */
const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/** The page, with a Content Security Policy that allows only its own style and script (by nonce) and loads nothing. */
export function serviceKeyFormHtml(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('The service key form needs a base64 nonce of at least 16 characters.');
  const policy = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    '<title>Add Tenant</title>',
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>Add Tenant: paste its service key</h1>',
    '<p>The service key of a Process Integration Runtime instance (plan <code>api</code>), as the BTP cockpit shows it:',
    '<code>{ "oauth": { "clientid", "clientsecret", "url", "tokenurl" } }</code>.</p>',
    '<textarea id="key" aria-label="Service key JSON" spellcheck="false" autocomplete="off" autocapitalize="off"></textarea>',
    '<p id="problem" role="alert"></p>',
    '<div class="buttons"><button id="save">Save</button><button id="cancel" class="secondary">Cancel</button></div>',
    '<p class="hint">Once the tenant accepted the key, it is kept in VS Code\'s secret storage and this page closes.',
    'Nothing typed here is written to a file.</p>',
    `<script nonce="${nonce}">${FORM_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
