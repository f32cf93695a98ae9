import * as assert from 'node:assert/strict';
import { callIndex } from '../../server/src/core/script/call-index';
import { headerMaps } from '../../server/src/core/script/header-maps';
import { logSink, messageWrite } from '../../server/src/core/script/log-sinks';
import type { ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import {
  basicCredential,
  basicValue,
  bearerToken,
  isSecretLikeValue,
  isSecretName,
  jwtIn,
  nameWords,
  pemPrivateKey,
  startsBasic,
} from '../../server/src/core/script/secret-values';
import { ANY_SECRET, describeOrigin, secretFlow, STORE_SECRET } from '../../server/src/core/script/secrets-flow';

describe('script secret values', () => {
  it('splits names into words', () => {
    assert.deepEqual(nameWords('clientSecretV2'), ['client', 'secret', 'v2']);
    assert.deepEqual(nameWords('API_KEY'), ['api', 'key']);
    assert.deepEqual(nameWords('XMLApiKey'), ['xml', 'api', 'key']);
  });

  it('knows a secret by the last word of its name', () => {
    for (const name of [
      'password',
      'dbPwd',
      'PASSWD',
      'CLIENT_SECRET',
      'clientsecret',
      'apiKey',
      'API_KEY',
      'apikey',
      'accessToken',
      'private_key',
      'privateKey',
    ]) {
      assert.ok(isSecretName(name), name);
    }
    for (const name of ['db_password_', 'API-KEY', 'client_secret$', 'access token ']) assert.ok(isSecretName(name), name);
    for (const name of ['passwordAlias', 'tokenUrl', 'key', 'secretName', 'Password_Field', 'keyStore', 'tokenType'])
      assert.ok(!isSecretName(name), name);
  });

  it('takes only literals that could be secrets', () => {
    for (const value of ['Sup3r-S3cret!', 'o6tc7=?1', 'k3y-9f8e7d6c5b4a']) assert.ok(isSecretLikeValue(value), value);
    const names = [
      'SAP_ClientSecret',
      'Password',
      'my.secret-name',
      'short1!',
      'has white space',
      'https://host/x',
      'sftp://host',
      '<password>',
      '${secret}',
      '{{token}}',
      '********',
      'xxxxxxxxx',
    ];
    for (const value of names) assert.ok(!isSecretLikeValue(value), value);
    assert.ok(!isSecretLikeValue('a1'.repeat(257)), 'longer than 512');
    // White space beyond ASCII counts too, and a name with a digit or a non-ASCII letter is no plain name.
    for (const value of ['no\u00a0break-1', 'line\u2028sep-1', 'tab\tsep-1234', 'ideo\u3000space1'])
      assert.ok(!isSecretLikeValue(value), value);
    for (const value of ['Client_Secret2', 'Passwört_Feld', '*******1', 'xxxxxxx1', '<password'])
      assert.ok(isSecretLikeValue(value), value);
  });

  it('decodes Basic credentials, strictly', () => {
    assert.deepEqual(basicCredential('YWRtaW46U3VwM3ItUzNjcmV0IQ=='), { user: 'admin' });
    assert.equal(basicCredential('AAECAwQFBgcICQ=='), undefined, 'not printable');
    assert.equal(basicCredential('dXNlcm5hbWU='), undefined, 'no colon');
    assert.equal(basicCredential('OnBhc3N3b3Jk'), undefined, 'empty user');
    assert.equal(basicCredential('ProductIdentifier'), undefined, 'a word is not base64 of a credential');
    assert.deepEqual(basicCredential('YWJjOmRlZg'), { user: 'abc' }, 'padding may be left out');
    assert.deepEqual(basicCredential('YWJjOmRlZg='), { user: 'abc' });
    assert.equal(basicCredential('YWJjOmRlZh'), undefined, 'bits set past the last byte');
    assert.equal(basicCredential('YWJjOmRlZg==='), undefined, 'three padding characters');
    assert.equal(basicCredential('YWJj-mRlZg'), undefined, 'not the base64 alphabet');
    assert.equal(basicValue('\tBASIC dXNlcjpwYXNz '), 'dXNlcjpwYXNz', 'leading white space, any case');
    assert.equal(basicValue('Basically dXNlcjpwYXNz'), undefined);
    for (const value of ['Basic ', ' basic', '\u2028Basic x']) assert.ok(startsBasic(value), value);
    for (const value of ['Basically', 'xBasic ', '']) assert.ok(!startsBasic(value), value);
  });

  it('finds Bearer tokens, JWTs and PEM private keys', () => {
    assert.equal(bearerToken('Bearer 9f86d081884c7d659a2feaa0c55ad015'), '9f86d081884c7d659a2feaa0c55ad015');
    assert.equal(bearerToken('Bearer short'), undefined);
    assert.equal(
      bearerToken(' \tbearer 9f86d081884c7d659a2feaa0c55ad015 '),
      '9f86d081884c7d659a2feaa0c55ad015',
      'leading white space, any case',
    );
    assert.equal(bearerToken('\u00a0Bearer 9f86d081884c7d659a2feaa0c55ad015'), '9f86d081884c7d659a2feaa0c55ad015');
    assert.equal(bearerToken('Bearer <access-token-goes-here>'), undefined);
    assert.ok(jwtIn('token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjcGkifQ.c2lnbmF0dXJl'));
    assert.equal(jwtIn('eyJhbGciOiJIUzI1NiJ9'), undefined);
    assert.ok(jwtIn('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjcGkifQ.c2lnbmF0dXJl'), 'at the very start');
    assert.equal(jwtIn('JSON: yJ eJ ey.J e.y.J'), undefined, 'a J without eyJ before it');
    assert.equal(pemPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'), 'RSA PRIVATE KEY');
    assert.equal(pemPrivateKey('-----BEGIN PRIVATE KEY-----'), undefined, 'the header alone');
    assert.equal(pemPrivateKey('-----BEGIN CERTIFICATE-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'), undefined);
  });
});

/** The origin the flow gives each sink argument of the script, as "line: description". */
function sinkOrigins(text: string, language: ScriptLanguage = 'groovy', store = false): string[] {
  const model = readScript(text, language);
  const flow = secretFlow(model);
  const found: string[] = [];
  for (const call of callIndex(model.code, language).all) {
    const sink = store ? messageWrite(model.code, call) : logSink(call);
    for (const value of sink?.values ?? []) {
      const origin = flow.originIn(model.code, value, store ? STORE_SECRET : ANY_SECRET, call.name);
      if (origin) found.push(`${model.lines.positionAt(model.code.tokens[call.name].start).line + 1}: ${describeOrigin(origin)}`);
    }
  }
  return found;
}

describe('script secret flow', () => {
  it('follows a secure-store read through variables, wrappers and interpolation', () => {
    const text = [
      'def store = ITApiFactory.getApi(SecureStoreService.class, null)',
      'def c = store.getUserCredential("X")',
      'def p = new String(c.getPassword())',
      'def q = "user:${p}".toString()',
      'log.info(q)',
      'log.info(p.length())',
      'log.info(c.getUsername())',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text), ['5: password read at line 3']);
  });

  it('replays assignments until nothing changes (a value defined after its use in the text)', () => {
    const text = [
      'def m(Message message) {',
      '  log.info(later)',
      '}',
      'later = ITApiFactory.getApi(SecureStoreService, null).getUserCredential("a").getPassword()',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text), ['2: password read at line 4']);
  });

  it('keeps one method’s variables apart from another’s', () => {
    const text = [
      'def a() {',
      '  def v = store.getUserCredential("a").getPassword()',
      '}',
      'def b() {',
      '  def v = "plain"',
      '  log.info(v)',
      '}',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text), []);
  });

  it('reads the Authorization header for logs but not for message writes', () => {
    const text = ['def a = message.getHeader("Authorization", String)', 'log.warn(a)', 'message.setHeader("Authorization", a)'].join('\n');
    assert.deepEqual(sinkOrigins(text), ['2: Authorization header read at line 1']);
    assert.deepEqual(sinkOrigins(text, 'groovy', true), []);
  });

  it('follows getAccessTokenFor… reads of the store, and no read of anything else', () => {
    const text = [
      'def t = ITApiFactory.getService(AccessTokenAndUrlService.class, null).getAccessTokenAndUrl("o").getAccessTokenForScope("s")',
      'log.info(t)',
      'def u = other.getAccessTokenForScope("s")',
      'log.info(u)',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text), ['2: access token read at line 1']);
    // A read's name without the store named anywhere reads no secret.
    assert.deepEqual(sinkOrigins('def p = vault.getPassword()\nlog.info(p)'), []);
  });

  it('fills holders (put, append, <<) with the secret', () => {
    const text = [
      'def t = ITApiFactory.getService(AccessTokenAndUrlService.class, null).getAccessTokenAndUrl("o").getAccessToken()',
      'def h = [:]',
      'h.put("Authorization", "Bearer " + t)',
      'message.setHeaders(h)',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text, 'groovy', true), ['4: access token read at line 1']);
  });

  it('works on JavaScript with the same Java APIs', () => {
    const text = [
      'var s = ITApiFactory.getApi(Packages.com.sap.it.api.securestore.SecureStoreService, null);',
      'var p = String(s.getUserCredential("a").getPassword());',
      'messageLog.setStringProperty("p", p);',
    ].join('\n');
    assert.deepEqual(sinkOrigins(text, 'javascript'), ['3: password read at line 2']);
  });
});

describe('script header maps', () => {
  it('tells the whole map from one entry of it', () => {
    const model = readScript(
      ['def h = message.getHeaders()', 'def one = h.get("x")', 'def all = h.toString()', 'def names = h.keySet()'].join('\n'),
      'groovy',
    );
    const maps = headerMaps(model);
    assert.equal(maps.holdsMap('h', 0), 'headers');
    assert.equal(maps.holdsMap('one', 0), undefined);
    assert.equal(maps.holdsMap('all', 0), 'headers');
    assert.equal(maps.holdsMap('names', 0), undefined);
    assert.deepEqual(maps.receiverMap(['message', 'getProperties()', 'entrySet()'], 0), { kind: 'properties', index: 0, keysOnly: false });
    assert.equal(maps.receiverMap(['message', 'getProperties()', 'findAll()'], 0), undefined);
  });
});
