import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import {
  FORM_SCRIPT,
  formMessageOf,
  saveFromForm,
  serviceKeyFormHtml,
  type ConnectOutcome,
} from '../../client/src/tenants/service-key-form';
import { SAMPLE_SERVICE_KEY, SAMPLE_TENANT_HOST } from '../support/service-key-sample';

// The Add Tenant form (a webview, so the pasted secret never sits in an
// editor that VS Code backs up to disk): its page, its script run against a
// stand-in DOM, and what a Save answers.
const KEY = SAMPLE_SERVICE_KEY;
const HOST = SAMPLE_TENANT_HOST;

type Listener = (event: unknown) => void;
class FakeElement {
  value = '';
  readOnly = false;
  disabled = false;
  textContent = '';
  focused = 0;
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, event: unknown = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  click(): void {
    this.fire('click');
  }
  focus(): void {
    this.focused++;
  }
}

/** Runs the page's script with an API that has postMessage only: a call to setState/getState would throw. */
function runForm() {
  const elements = { key: new FakeElement(), save: new FakeElement(), cancel: new FakeElement(), problem: new FakeElement() };
  const win = new FakeElement();
  const posted: unknown[] = [];
  let acquired = 0;
  runInNewContext(FORM_SCRIPT, {
    acquireVsCodeApi: () => {
      acquired++;
      return Object.freeze({ postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))) });
    },
    document: { getElementById: (id: keyof typeof elements) => elements[id] ?? null },
    window: win,
    String,
  });
  assert.equal(acquired, 1);
  return { ...elements, win, posted };
}

describe('client: the Add Tenant form', () => {
  describe('its page', () => {
    const nonce = randomBytes(18).toString('base64');
    const html = serviceKeyFormHtml(nonce);

    it('has a strict Content Security Policy: nothing loaded, style and script only by the nonce', () => {
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      assert.ok(policy, 'a CSP meta tag');
      const directives = new Map(
        policy
          .split(';')
          .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
          .map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
      assert.deepEqual(directives.get('style-src'), [`'nonce-${nonce}'`]);
      assert.ok(!policy.includes('unsafe'), policy);
    });

    it('runs exactly one script, inline and with the nonce, and no inline handlers', () => {
      const scripts = [...html.matchAll(/<script([^>]*)>/g)];
      assert.equal(scripts.length, 1);
      assert.equal(scripts[0][1], ` nonce="${nonce}"`);
      assert.ok(html.includes(`<script nonce="${nonce}">${FORM_SCRIPT}</script>`));
      assert.doesNotMatch(html, /\son[a-z]+=/i);
      assert.match(html, new RegExp(`<style nonce="${nonce.replace(/[+/]/g, '\\$&')}">`));
    });

    it('has a text area, Save and Cancel, and keeps nothing (no state API, no HTML from messages)', () => {
      assert.match(html, /<textarea id="key"[^>]*spellcheck="false"/);
      assert.match(html, /<button id="save">Save<\/button>/);
      assert.match(html, /<button id="cancel"[^>]*>Cancel<\/button>/);
      assert.doesNotMatch(FORM_SCRIPT, /setState|getState|innerHTML|outerHTML|insertAdjacentHTML|localStorage|sessionStorage/);
    });

    it('takes a fresh nonce each time and refuses one that could break out of the attribute', () => {
      const other = randomBytes(18).toString('base64');
      assert.ok(serviceKeyFormHtml(other).includes(`'nonce-${other}'`));
      assert.ok(!serviceKeyFormHtml(other).includes(nonce));
      for (const bad of ['', 'short', 'abcdefghijklmnop" onload="x', "abcdefghijklmnop'; script-src *", 'abcdefghijklmnop<script>']) {
        assert.throws(() => serviceKeyFormHtml(bad), /base64 nonce/, bad);
      }
    });
  });

  describe('its script', () => {
    it('posts the pasted text on Save and waits, read-only, for the answer', () => {
      const form = runForm();
      assert.equal(form.key.focused, 1, 'the text area has the focus');
      form.key.value = JSON.stringify(KEY, null, 2);
      form.save.click();
      assert.deepEqual(form.posted, [{ type: 'save', text: JSON.stringify(KEY, null, 2) }]);
      assert.equal(form.save.disabled, true);
      assert.equal(form.key.readOnly, true);
    });

    it('shows a problem as text (markup stays text) and lets the user edit and save again', () => {
      const form = runForm();
      form.save.click();
      const message = 'Not saved as a tenant: the service key lacks oauth.tokenurl <img src=x onerror=alert(1)>';
      form.win.fire('message', { data: { type: 'problem', message } });
      assert.equal(form.problem.textContent, message);
      assert.equal(form.save.disabled, false);
      assert.equal(form.key.readOnly, false);
      form.save.click();
      assert.equal(form.problem.textContent, '', 'the old problem goes on a new Save');
      form.win.fire('message', { data: { type: 'ready' } });
      assert.equal(form.problem.textContent, '');
      assert.equal(form.save.disabled, false);
    });

    it('ignores other messages, posts Cancel, and saves on Ctrl+Enter', () => {
      const form = runForm();
      form.save.click();
      form.win.fire('message', { data: { type: 'other', message: 'x' } });
      form.win.fire('message', { data: null });
      assert.equal(form.save.disabled, true);
      form.cancel.click();
      assert.deepEqual(form.posted.at(-1), { type: 'cancel' });
      form.win.fire('message', { data: { type: 'ready' } });
      form.key.value = '{}';
      form.key.fire('keydown', { key: 'Enter', ctrlKey: true });
      assert.deepEqual(form.posted.at(-1), { type: 'save', text: '{}' });
      form.key.fire('keydown', { key: 'Enter', ctrlKey: true }); // still saving: not posted twice
      assert.equal(form.posted.length, 3);
    });
  });

  describe('its messages', () => {
    it('takes Save with text and Cancel, and nothing else', () => {
      assert.deepEqual(formMessageOf({ type: 'save', text: 'x' }), { type: 'save', text: 'x' });
      assert.deepEqual(formMessageOf({ type: 'cancel', extra: 1 }), { type: 'cancel' });
      for (const data of [undefined, null, 'save', { type: 'save' }, { type: 'save', text: 1 }, { type: 'delete' }]) {
        assert.equal(formMessageOf(data), undefined, JSON.stringify(data));
      }
    });

    it('names a missing field without connecting', async () => {
      const { tokenurl: _tokenurl, ...partial } = KEY.oauth;
      let asked = 0;
      const reply = await saveFromForm(JSON.stringify({ oauth: partial }, null, 2), async () => {
        asked++;
        return { added: true };
      });
      assert.deepEqual(reply, { type: 'problem', message: 'Not saved as a tenant: The service key lacks oauth.tokenurl.' });
      assert.equal(asked, 0);
      const empty = await saveFromForm('  ', async () => ({ added: true }));
      assert.ok(empty !== 'saved' && empty.type === 'problem' && /no service key/.test(empty.message));
    });

    it("connects with the key without its comments, and answers with the tenant's refusal, a retry, or saved", async () => {
      const calls: [string, string][] = [];
      const answering = (outcome: ConnectOutcome) => async (serviceKey: string, host: string) => {
        calls.push([serviceKey, host]);
        return outcome;
      };
      const text = `// dev\n${JSON.stringify(KEY, null, 2)}\n`;
      const refused = await saveFromForm(text, answering({ error: 'The tenant refused the key (401). Next: create a new service key.' }));
      assert.deepEqual(refused, {
        type: 'problem',
        message: 'Could not add the tenant: The tenant refused the key (401). Next: create a new service key.',
      });
      assert.deepEqual(await saveFromForm(text, answering({ cancelled: true })), { type: 'ready' });
      assert.equal(await saveFromForm(text, answering({ added: true })), 'saved');
      assert.equal(calls.length, 3);
      for (const [serviceKey, host] of calls) {
        assert.deepEqual(JSON.parse(serviceKey), KEY);
        assert.ok(!serviceKey.includes('// dev'));
        assert.equal(host, HOST);
      }
    });
  });
});
