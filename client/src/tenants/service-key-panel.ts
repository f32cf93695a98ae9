// The Add Tenant form in a webview panel (see service-key-form.ts for why not
// an editor): one at a time, scripts on but no command links or local files,
// not kept alive when hidden and never restored, so the pasted key exists
// only in the page and in this message exchange. Closed once the tenant
// accepted the key (it is in secret storage then) or on Cancel.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { formMessageOf, saveFromForm, serviceKeyFormHtml, type ConnectOutcome, type FormReply } from './service-key-form';

const VIEW_TYPE = 'cpiSecurity.serviceKey';

let open: vscode.WebviewPanel | undefined;

/** Opens the form (or brings the open one forward); `connect` adds the tenant from a checked key. */
export function showServiceKeyForm(connect: (serviceKey: string, host: string) => Promise<ConnectOutcome>): void {
  if (open) {
    open.reveal();
    return;
  }
  const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Add Tenant: Service Key', vscode.ViewColumn.Active, {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [],
  });
  open = panel;
  let saving = false;
  let closed = false;
  // the user may close the panel while the tenant is being asked
  const reply = (message: FormReply) => (closed ? undefined : panel.webview.postMessage(message));
  const listening = panel.webview.onDidReceiveMessage(async (data: unknown) => {
    const message = formMessageOf(data);
    if (!message) return;
    if (message.type === 'cancel') {
      panel.dispose();
      return;
    }
    if (saving) return;
    saving = true;
    try {
      const answer = await saveFromForm(message.text, connect);
      if (answer === 'saved') panel.dispose();
      else await reply(answer);
    } catch (error) {
      await reply({ type: 'problem', message: `Could not add the tenant: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      saving = false;
    }
  });
  panel.onDidDispose(() => {
    closed = true;
    listening.dispose();
    if (open === panel) open = undefined;
  });
  panel.webview.html = serviceKeyFormHtml(randomBytes(18).toString('base64'));
}
