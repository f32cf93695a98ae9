import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { TenantError } from '../../server/src/engine/tenant/errors';
import { clientSecretOf, loadServiceKey, parseServiceKey } from '../../server/src/engine/tenant/service-key';
import { startFakeTenant } from '../support/fake-tenant';

// The service key: read from a file or env:VAR, refused with one message
// naming the problem when it cannot be used (and then nothing is sent), and
// its secret kept off everything that can be printed.

const SECRET = 'sk-3f9a$Zq1=very-secret-value';
const KEY = {
  oauth: {
    clientid: 'sb-abc!b123|it!b456',
    clientsecret: SECRET,
    url: 'https://tenant-a.it-cpi018.cfapps.eu10-003.hana.ondemand.com',
    tokenurl: 'https://tenant-a.authentication.eu10.hana.ondemand.com/oauth/token',
    createdate: '2026-01-01T00:00:00Z',
  },
};

function keyFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'service-key-')), 'key.json');
  writeFileSync(file, content);
  return file;
}

function refusal(make: () => unknown, message: RegExp): void {
  assert.throws(make, (error: unknown) => {
    assert.ok(error instanceof TenantError);
    assert.equal(error.kind, 'service-key');
    assert.match(error.message, message);
    for (const text of [error.message, String(error), error.stack ?? '', inspect(error)]) assert.ok(!text.includes(SECRET), text);
    return true;
  });
}

describe('tenant service key', () => {
  it('reads a key file', () => {
    const key = loadServiceKey(keyFile(JSON.stringify(KEY)));
    assert.equal(key.clientId, 'sb-abc!b123|it!b456');
    assert.equal(key.url, 'https://tenant-a.it-cpi018.cfapps.eu10-003.hana.ondemand.com');
    assert.equal(key.tokenUrl, 'https://tenant-a.authentication.eu10.hana.ondemand.com/oauth/token');
    assert.equal(key.host, 'tenant-a.it-cpi018.cfapps.eu10-003.hana.ondemand.com');
    assert.equal(clientSecretOf(key), SECRET);
  });

  it('reads a key from env:VAR, and says so in messages', () => {
    const key = loadServiceKey('env:CPI_KEY', { CPI_KEY: JSON.stringify(KEY) });
    assert.equal(key.origin, 'environment variable CPI_KEY');
    assert.equal(clientSecretOf(key), SECRET);
    refusal(
      () => loadServiceKey('env:CPI_KEY', {}),
      /The environment variable CPI_KEY that should hold the service key is not set or empty\./,
    );
    refusal(() => loadServiceKey('env:', {}), /names no environment variable/);
  });

  it('keeps a port in the host, and drops a trailing slash or /api/v1 from the URL', () => {
    const key = parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, url: 'https://127.0.0.1:8443/api/v1/' } }), 'test key');
    assert.equal(key.url, 'https://127.0.0.1:8443');
    assert.equal(key.host, '127.0.0.1:8443');
  });

  it('keeps the secret off the object: no field, no JSON, no inspection', () => {
    const key = loadServiceKey(keyFile(JSON.stringify(KEY)));
    assert.ok(!JSON.stringify(key).includes(SECRET));
    assert.ok(!inspect(key, { showHidden: true, depth: 5 }).includes(SECRET));
    assert.ok(!Object.getOwnPropertyNames(key).some((name) => String((key as unknown as Record<string, unknown>)[name]).includes(SECRET)));
  });

  it('refuses a missing file', () => {
    refusal(
      () => loadServiceKey(join(tmpdir(), 'no-such-dir-4711', 'key.json')),
      /Cannot read the service key file .*key\.json: it does not exist\./,
    );
  });

  it("refuses the key's JSON given in place of its file, without quoting it", () => {
    for (const given of [JSON.stringify(KEY), `\n  ${JSON.stringify(KEY, null, 2)}`, `"oauth": { "clientsecret": "${SECRET}" }`])
      refusal(() => loadServiceKey(given), /^The service key was given as text where its file belongs: .*env:<VARIABLE>/);
  });

  it('refuses text that is not JSON without quoting it', () => {
    refusal(() => loadServiceKey(keyFile(`{ "oauth": { "clientsecret": "${SECRET}", } `)), /The service key file .* is not JSON/);
  });

  it('refuses JSON without an oauth object', () => {
    refusal(
      () => parseServiceKey(JSON.stringify({ clientid: 'a', clientsecret: SECRET }), 'test key'),
      /The test key has no "oauth" object/,
    );
    refusal(() => parseServiceKey('[]', 'test key'), /no "oauth" object/);
  });

  it('names every missing field at once', () => {
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { clientsecret: SECRET, url: KEY.oauth.url } }), 'test key'),
      /^The test key lacks oauth\.clientid, oauth\.tokenurl\.$/,
    );
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, clientsecret: '' } }), 'test key'),
      /lacks oauth\.clientsecret\.$/,
    );
  });

  it('refuses http:// for the tenant and for the token endpoint', () => {
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, url: 'http://tenant.example.com' } }), 'test key'),
      /has an http:\/\/ oauth\.url \(tenant\.example\.com\): only https:\/\/ is accepted/,
    );
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, tokenurl: 'http://localhost:8080/oauth/token' } }), 'test key'),
      /has an http:\/\/ oauth\.tokenurl \(localhost:8080\)/,
    );
  });

  it('refuses URLs that are not https URLs', () => {
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, url: 'tenant.example.com' } }), 'test key'),
      /oauth\.url that is not a URL/,
    );
    refusal(
      () => parseServiceKey(JSON.stringify({ oauth: { ...KEY.oauth, tokenurl: 'ftp://x.example.com/token' } }), 'test key'),
      /oauth\.tokenurl that is not an https:\/\/ URL/,
    );
  });

  it('sends nothing when the key is refused', async () => {
    const tenant = await startFakeTenant();
    try {
      const bad = { oauth: { ...tenant.serviceKey.oauth, url: tenant.url.replace('https:', 'http:') } };
      refusal(() => loadServiceKey(keyFile(JSON.stringify(bad))), /http:\/\//);
      assert.equal(tenant.requests.length, 0);
    } finally {
      await tenant.close();
    }
  });
});
