import * as assert from 'node:assert/strict';
import { KEY_DOCUMENT_TEMPLATE, serviceKeyOfDocument } from '../../client/src/tenants/service-key-text';

// The editor a service key is pasted into: its comment is dropped, the key
// kept as pasted (several lines), and what is wrong is named by field.
const KEY = {
  oauth: {
    clientid: 'sb-1234!b5678|it!b9',
    clientsecret: 's3cr3t$value',
    url: 'https://my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com',
    tokenurl: 'https://my-tenant.authentication.eu10.hana.ondemand.com/oauth/token',
    createdate: '2026-11-30T10:00:00Z',
  },
};
const pasted = (key: unknown) => `${KEY_DOCUMENT_TEMPLATE}${JSON.stringify(key, null, 2)}\n`;

describe('client: a service key pasted into an editor', () => {
  it('takes the multi-line key below the comment, without the comment, and names its tenant', () => {
    const result = serviceKeyOfDocument(pasted(KEY));
    assert.ok('serviceKey' in result, JSON.stringify(result));
    assert.deepEqual(JSON.parse(result.serviceKey), KEY);
    assert.ok(!result.serviceKey.includes('New tenant'), 'the comment is not stored');
    assert.ok(result.serviceKey.includes('\n'), 'kept as pasted');
    assert.equal(result.host, 'my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com');
  });

  it('says that nothing is pasted yet when only the comment is there', () => {
    const result = serviceKeyOfDocument(KEY_DOCUMENT_TEMPLATE);
    assert.ok('error' in result);
    assert.match(result.error, /Nothing is pasted yet/);
  });

  it('names each missing field, and never repeats the secret', () => {
    const { clientsecret: _secret, tokenurl: _token, ...partial } = KEY.oauth;
    const missing = serviceKeyOfDocument(pasted({ oauth: { ...partial } }));
    assert.ok('error' in missing);
    assert.match(missing.error, /lacks oauth\.clientsecret, oauth\.tokenurl/);

    const cut = serviceKeyOfDocument(pasted(KEY).slice(0, -20));
    assert.ok('error' in cut);
    assert.match(cut.error, /not JSON/);
    assert.ok(!cut.error.includes('s3cr3t'));

    const wrongShape = serviceKeyOfDocument(`${KEY_DOCUMENT_TEMPLATE}{ "clientid": "x", "clientsecret": "s3cr3t" }`);
    assert.ok('error' in wrongShape);
    assert.match(wrongShape.error, /no "oauth" object/);
    assert.ok(!wrongShape.error.includes('s3cr3t'));

    const http = serviceKeyOfDocument(pasted({ oauth: { ...KEY.oauth, url: 'http://my-tenant.example.com' } }));
    assert.ok('error' in http);
    assert.match(http.error, /not https/);
  });

  it('keeps comments the user wrote inside the key out of what is stored', () => {
    const text = `${KEY_DOCUMENT_TEMPLATE}{\n  // dev tenant\n  "oauth": ${JSON.stringify(KEY.oauth)}\n}`;
    const result = serviceKeyOfDocument(text);
    assert.ok('serviceKey' in result);
    assert.deepEqual(JSON.parse(result.serviceKey), KEY);
  });
});
