import * as assert from 'node:assert/strict';
import { canonicalAttributeType, dnCommonName, formatDn, parseDn, sameDn } from '../../server/src/core/certs/dn';

describe('certificate DNs', () => {
  it('reads RDNs in the order written, with canonical attribute types', () => {
    assert.deepEqual(parseDn('CN=api.example.com, O=Example, C=DE'), {
      rdns: [[{ type: 'CN', value: 'api.example.com' }], [{ type: 'O', value: 'Example' }], [{ type: 'C', value: 'DE' }]],
    });
  });

  it('ignores whitespace around = and separators, and the case of types and values', () => {
    assert.ok(sameDn('cn = API.Example.com ,o= Example,  c=de', 'CN=api.example.com,O=Example,C=DE'));
    assert.ok(sameDn('CN=a; O=b', 'CN=a, O=b'));
    assert.ok(sameDn('O=SAP   SE', 'O=SAP SE'));
  });

  it('keeps RDN order significant', () => {
    assert.ok(!sameDn('CN=a, O=b', 'O=b, CN=a'));
  });

  it('tells different values apart', () => {
    assert.ok(!sameDn('CN=a, O=b', 'CN=a, O=c'));
    assert.ok(!sameDn('CN=a, O=b', 'CN=a'));
  });

  it('handles escaped commas, hex escapes and quoted values', () => {
    assert.equal(parseDn('CN=Doe\\, John, O=x').rdns[0][0].value, 'Doe, John');
    assert.ok(sameDn('CN=Doe\\, John, O=x', 'CN="Doe, John", O=x'));
    assert.equal(parseDn('CN=Caf\\C3\\A9').rdns[0][0].value, 'Café');
    assert.equal(parseDn('CN=a\\+b').rdns[0][0].value, 'a+b');
  });

  it('treats aliases and OIDs of an attribute as the same type', () => {
    assert.ok(sameDn('E=a@b.example, CN=x', 'emailAddress=a@b.example, CN=x'));
    assert.ok(sameDn('EMAILADDRESS=a@b.example', 'OID.1.2.840.113549.1.9.1=a@b.example'));
    assert.ok(sameDn('S=BW, C=DE', 'ST=BW, C=DE'));
    assert.ok(sameDn('2.5.4.3=x', 'CN=x'));
    assert.equal(canonicalAttributeType('commonName'), 'CN');
    assert.equal(canonicalAttributeType('1.2.3.4'), '1.2.3.4');
  });

  it('compares multi-valued RDNs as sets', () => {
    assert.ok(sameDn('CN=a+OU=b, O=c', 'OU=b + CN=a, O=c'));
    assert.ok(!sameDn('CN=a+OU=b, O=c', 'CN=a, OU=b, O=c'));
  });

  it('reads the OpenSSL slash form, root first', () => {
    assert.ok(sameDn('/C=DE/O=Acme/CN=x', 'CN=x, O=Acme, C=DE'));
  });

  it('compares text that is not a DN as normalised text, never throwing', () => {
    assert.ok(parseDn('not a dn').error);
    assert.ok(parseDn('CN="open').error);
    assert.ok(parseDn('CN=a,').error);
    assert.ok(sameDn('not a dn', 'NOT  a DN'));
    assert.ok(!sameDn('not a dn', 'CN=not a dn'));
    assert.deepEqual(parseDn('   ').rdns, []);
  });

  it('finds the common name', () => {
    assert.equal(dnCommonName('O=x, CN=y'), 'y');
    assert.equal(dnCommonName('cn=Doe\\, John, O=x'), 'Doe, John');
    assert.equal(dnCommonName('O=x'), undefined);
  });

  it('formats with RFC 4514 escapes that read back the same', () => {
    const text = 'CN=Doe\\, John+OU=x\\+y, O=\\#1 \\"Best\\"';
    const formatted = formatDn(parseDn(text).rdns);
    assert.equal(formatted, text);
    assert.deepEqual(parseDn(formatted).rdns, parseDn(text).rdns);
  });
});
