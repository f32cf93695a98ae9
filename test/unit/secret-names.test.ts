import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSecretName } from '../../server/src/core/rules/support/secrets';

/** The rule as stated: lowercase, keep letters and digits, then look at the ending (CSRF tokens excepted). */
function statedRule(key: string): boolean {
  const name = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name.includes('csrf') || name.includes('xsrf')) return false;
  return ['password', 'passwd', 'secret', 'token', 'apikey'].some((ending) => name.endsWith(ending));
}

describe('secret setting names', () => {
  it('knows the usual names', () => {
    for (const key of [
      'password',
      'Mail Password',
      'clientSecret',
      'consumer_secret',
      'securityToken',
      'apiKey',
      'API-KEY ',
      'proxyPasswd',
      'token.',
    ])
      assert.equal(isSecretName(key), true, key);
    for (const key of ['', 'user', 'Name', 'ComponentType', 'password2', 'passwordAlias', 'csrfToken', 'X-XSRF-Token', 'tokenUrl', '...'])
      assert.equal(isSecretName(key), false, key);
  });

  it('reads non-ASCII letters as lowercasing does (the Kelvin sign K becomes k)', () => {
    assert.equal(isSecretName('api\u212Aey'), true);
    assert.equal(isSecretName('apiKe\u00FF'), false);
  });

  it('agrees with the stated rule on any key', () => {
    const pieces = fc.constantFrom(
      'pass',
      'word',
      'passwd',
      'secret',
      'token',
      'api',
      'key',
      'csrf',
      'K',
      '\u212A',
      '\u0130',
      'é',
      'Y',
      'd',
      '2',
      ' ',
      '_',
      '-',
      '.',
      'x',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        // twice: once asked, once remembered
        const key = parts.join('');
        assert.equal(isSecretName(key), statedRule(key), JSON.stringify(key));
        assert.equal(isSecretName(key), statedRule(key), JSON.stringify(key));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
