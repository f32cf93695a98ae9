import * as assert from 'node:assert/strict';
import { serviceKeyOfText } from '../../client/src/tenants/service-key-text';
import { SAMPLE_SERVICE_KEY } from '../support/service-key-sample';

// A service key as text (a file, the clipboard, the Add Tenant form): comments
// are dropped, the key kept as pasted (several lines), and what is wrong is
// named by field.
const KEY = SAMPLE_SERVICE_KEY;
const pasted = (key: unknown) => `\n${JSON.stringify(key, null, 2)}\n`;

describe('client: a service key as text', () => {
  it('takes the multi-line key as pasted and names its tenant', () => {
    const result = serviceKeyOfText(`\uFEFF${pasted(KEY)}`);
    assert.ok('serviceKey' in result, JSON.stringify(result));
    assert.deepEqual(JSON.parse(result.serviceKey), KEY);
    assert.ok(result.serviceKey.includes('\n'), 'kept as pasted');
    assert.equal(result.host, 'my-tenant.it-cpi018.cfapps.eu10.hana.ondemand.com');
  });

  it('says that there is no key when the text is empty or only a comment', () => {
    for (const text of ['', '  \n', '// my dev tenant\n']) {
      const result = serviceKeyOfText(text);
      assert.ok('error' in result);
      assert.match(result.error, /There is no service key/);
    }
  });

  it('names each missing field, and never repeats the secret', () => {
    const { clientsecret: _secret, tokenurl: _token, ...partial } = KEY.oauth;
    const missing = serviceKeyOfText(pasted({ oauth: { ...partial } }));
    assert.ok('error' in missing);
    assert.match(missing.error, /lacks oauth\.clientsecret, oauth\.tokenurl/);

    const cut = serviceKeyOfText(pasted(KEY).slice(0, -20));
    assert.ok('error' in cut);
    assert.match(cut.error, /not JSON/);
    assert.ok(!cut.error.includes('s3cr3t'));

    const wrongShape = serviceKeyOfText(`{ "clientid": "x", "clientsecret": "s3cr3t" }`);
    assert.ok('error' in wrongShape);
    assert.match(wrongShape.error, /no "oauth" object/);
    assert.ok(!wrongShape.error.includes('s3cr3t'));

    const http = serviceKeyOfText(pasted({ oauth: { ...KEY.oauth, url: 'http://my-tenant.example.com' } }));
    assert.ok('error' in http);
    assert.match(http.error, /not https/);
  });

  it('keeps comments the user wrote inside the key out of what is stored', () => {
    const text = `// dev tenant\n{\n  // its key\n  "oauth": ${JSON.stringify(KEY.oauth)}\n}`;
    const result = serviceKeyOfText(text);
    assert.ok('serviceKey' in result);
    assert.deepEqual(JSON.parse(result.serviceKey), KEY);
  });
});
