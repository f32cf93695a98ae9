import * as assert from 'node:assert/strict';
import {
  activeSuppression,
  certificateUsage,
  expiredSuppressions,
  isIgnored,
  matchesAny,
  relativePath,
} from '../../server/src/core/config/globs';
import { parseConfig } from '../../server/src/core/config/parse';

describe('config: globs', () => {
  describe('relativePath', () => {
    it('gives the path below the root, with or without a trailing slash on the root', () => {
      assert.equal(relativePath('file:///ws', 'file:///ws/src/a.iflw'), 'src/a.iflw');
      assert.equal(relativePath('file:///ws/', 'file:///ws/src/a.iflw'), 'src/a.iflw');
    });

    it('is undefined outside the root, for the root itself and for a sibling with a longer name', () => {
      assert.equal(relativePath('file:///ws', 'file:///other/a.iflw'), undefined);
      assert.equal(relativePath('file:///ws', 'file:///ws'), undefined);
      assert.equal(relativePath('file:///ws', 'file:///ws2/a.iflw'), undefined);
      assert.equal(relativePath('file:///ws', 'untitled:Untitled-1'), undefined);
    });

    it('treats files inside archives as files below the archive', () => {
      assert.equal(relativePath('file:///x', 'file:///x/pkg.zip!/inner!/src/a.iflw'), 'pkg.zip/inner/src/a.iflw');
      assert.equal(relativePath('file:///x', 'file:///x/pkg.zip%21/src/a.iflw'), 'pkg.zip/src/a.iflw');
    });

    it('decodes percent escapes so globs are written in plain text', () => {
      assert.equal(relativePath('file:///my%20ws', 'file:///my%20ws/my%20certs/a.pem'), 'my certs/a.pem');
    });
  });

  describe('matchesAny', () => {
    it('matches the documented globs', () => {
      assert.ok(matchesAny(['**/test-data/**'], 'pkg/test-data/a.iflw'));
      assert.ok(matchesAny(['**/test-data/**'], 'test-data/a.iflw'));
      assert.ok(!matchesAny(['**/test-data/**'], 'pkg/testdata/a.iflw'));
      assert.ok(matchesAny(['certificates/inbound/**'], 'certificates/inbound/partner.pem'));
      assert.ok(matchesAny(['certificates/inbound/**'], 'certificates/inbound/sub/partner.pem'));
      assert.ok(!matchesAny(['certificates/inbound/**'], 'other/certificates/inbound/partner.pem'));
      assert.ok(matchesAny(['**/Legacy*.iflw'], 'src/main/resources/scenarioflows/integrationflow/LegacyOrders.iflw'));
      assert.ok(!matchesAny(['**/Legacy*.iflw'], 'src/Orders.iflw'));
      assert.ok(!matchesAny([], 'a.iflw'));
    });

    it('matches dot files and dot folders', () => {
      assert.ok(matchesAny(['**/*.pem'], '.secrets/key.pem'));
      assert.ok(matchesAny(['**'], '.hidden.iflw'));
    });

    it('lets a glob without a slash match a name at any depth, and a folder cover its content', () => {
      assert.ok(matchesAny(['*.pem'], 'a/b/c.pem'));
      assert.ok(matchesAny(['test-data'], 'pkg/test-data/a.iflw'));
      assert.ok(matchesAny(['certificates/inbound'], 'certificates/inbound/a.pem'));
      assert.ok(matchesAny(['certificates/inbound/'], 'certificates/inbound/a.pem'));
      assert.ok(matchesAny(['./certificates/inbound/**'], 'certificates/inbound/a.pem'));
      assert.ok(!matchesAny(['certificates/inbound'], 'certificates/inbound-old/a.pem'));
    });

    it('matches inside archives', () => {
      assert.ok(matchesAny(['**/*.zip/**'], 'exports/pkg.zip/src/a.iflw'));
    });
  });

  const config = parseConfig(
    `{
  "ignore": ["**/test-data/**"],
  "certificates": { "inbound": ["certificates/inbound/**"], "outbound": ["certificates/**"], "messageLevel": ["certificates/message/**"] },
  "suppressions": [
    { "rule": "cleartext-http-endpoint", "file": "**/Legacy*.iflw", "reason": "partner has no TLS until Q3", "expires": "2027-06-30" },
    { "rule": "smtp-port-25", "reason": "relay only listens on 25" },
    { "rule": "*", "file": "generated/**", "reason": "generated code" },
    { "rule": "cert-expired", "reason": "old", "expires": "2020-01-01" }
  ]
}`,
    'file:///ws/proj/.cpisecurity.json',
  ).config;

  it('isIgnored uses the configuration folder as the root', () => {
    assert.ok(isIgnored(config, 'file:///ws/proj/a/test-data/x.iflw'));
    assert.ok(isIgnored(config, 'file:///ws/proj/test-data.zip!/test-data/x.iflw'));
    assert.ok(!isIgnored(config, 'file:///ws/proj/a/x.iflw'));
    assert.ok(!isIgnored(config, 'file:///ws/test-data/x.iflw'), 'outside the configuration folder');
    assert.ok(!isIgnored({ ...config, root: undefined }, 'file:///ws/proj/test-data/x.iflw'));
  });

  it('certificateUsage takes the first matching list in the order inbound, outbound, message-level', () => {
    assert.equal(certificateUsage(config, 'file:///ws/proj/certificates/inbound/a.pem'), 'inbound');
    assert.equal(certificateUsage(config, 'file:///ws/proj/certificates/message/a.pem'), 'outbound');
    assert.equal(certificateUsage(config, 'file:///ws/proj/keys/a.pem'), undefined);
    const messageFirst = { ...config, certificates: { ...config.certificates, outbound: ['certificates/outbound/**'] } };
    assert.equal(certificateUsage(messageFirst, 'file:///ws/proj/certificates/message/a.pem'), 'messageLevel');
  });

  describe('suppressions', () => {
    const legacy = 'file:///ws/proj/src/LegacyOrders.iflw';
    const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12, 0, 0);

    it('applies a suppression through its expiry day and not the day after', () => {
      assert.equal(activeSuppression(config, 'cleartext-http-endpoint', legacy, day(2027, 6, 29))?.reason, 'partner has no TLS until Q3');
      assert.equal(
        activeSuppression(config, 'cleartext-http-endpoint', legacy, new Date(2027, 5, 30, 23, 59, 59))?.rule,
        'cleartext-http-endpoint',
      );
      assert.equal(activeSuppression(config, 'cleartext-http-endpoint', legacy, new Date(2027, 6, 1, 0, 0, 0)), undefined);
    });

    it('matches by rule and file glob', () => {
      const today = day(2026, 1, 1);
      assert.equal(activeSuppression(config, 'cleartext-http-endpoint', 'file:///ws/proj/src/Orders.iflw', today), undefined);
      assert.equal(activeSuppression(config, 'cleartext-basic-auth', legacy, today), undefined);
      assert.equal(activeSuppression(config, 'smtp-port-25', 'file:///anywhere/Orders.iflw', today)?.reason, 'relay only listens on 25');
      assert.equal(activeSuppression(config, 'cert-weak-key', 'file:///ws/proj/generated/a.pem', today)?.rule, '*');
      assert.equal(activeSuppression(config, 'cert-weak-key', 'file:///ws/proj/src/a.pem', today), undefined);
      assert.equal(activeSuppression(config, 'cert-expired', 'file:///ws/proj/src/a.pem', today), undefined, 'expired in 2020');
    });

    it('lists expired suppressions from the day after their expiry', () => {
      assert.deepEqual(
        expiredSuppressions(config, day(2027, 6, 30)).map((s) => s.rule),
        ['cert-expired'],
      );
      assert.deepEqual(
        expiredSuppressions(config, day(2027, 7, 1)).map((s) => s.rule),
        ['cleartext-http-endpoint', 'cert-expired'],
      );
      assert.deepEqual(expiredSuppressions(config, day(2019, 12, 31)), []);
    });
  });
});
