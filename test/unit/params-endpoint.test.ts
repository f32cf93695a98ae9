import * as assert from 'node:assert/strict';
import { parseHostPort, parseUrl, type Endpoint } from '../../server/src/core/params/endpoint';
import { readParameters } from '../../server/src/core/params/properties';
import { locateSlice, resolveValue } from '../../server/src/core/params/resolve';
import { UNKNOWN } from '../../server/src/core/params/resolved-value';
import { fakeProperty } from './support/fake-property';

const U = UNKNOWN;

/** The endpoint with each range replaced by the text it covers, for readable assertions. */
function read(text: string, parse: (t: string) => Endpoint | undefined = parseUrl): Record<string, unknown> | undefined {
  const e = parse(text);
  if (!e) return undefined;
  const slice = (r?: readonly [number, number]): string | undefined => (r ? text.slice(r[0], r[1]) : undefined);
  const out: Record<string, unknown> = { portKnown: e.portKnown, hasExplicitPort: e.hasExplicitPort };
  if (e.scheme !== undefined) out.scheme = e.scheme;
  if (e.schemeRange) out.schemeText = slice(e.schemeRange);
  if (e.host !== undefined) out.host = e.host;
  if (e.hostRange) out.hostText = slice(e.hostRange);
  if (e.port !== undefined) out.port = e.port;
  if (e.portRange) out.portText = slice(e.portRange);
  if (e.userInfoRange) out.userInfo = slice(e.userInfoRange);
  return out;
}

describe('parseUrl', () => {
  it('reads scheme, host and explicit port', () => {
    assert.deepEqual(read('HTTPS://Api.Example.com:8443/v1?x=1#f'), {
      scheme: 'https',
      schemeText: 'HTTPS',
      host: 'Api.Example.com',
      hostText: 'Api.Example.com',
      port: 8443,
      portText: '8443',
      portKnown: true,
      hasExplicitPort: true,
    });
  });

  it('reports no port when none is written', () => {
    assert.deepEqual(read('http://h.example.com/path'), {
      scheme: 'http',
      schemeText: 'http',
      host: 'h.example.com',
      hostText: 'h.example.com',
      portKnown: true,
      hasExplicitPort: false,
    });
    assert.deepEqual(read('http://h.example.com'), read('http://h.example.com'));
    assert.equal(parseUrl('http://h.example.com:/x')?.hasExplicitPort, false);
    assert.equal(parseUrl('http://h?a=b:99')?.port, undefined);
    assert.equal(parseUrl('http://h#frag:99')?.port, undefined);
  });

  it('skips user information and takes the last @', () => {
    assert.deepEqual(read('sftp://user:p@ss@files.example.com:2222/in'), {
      scheme: 'sftp',
      schemeText: 'sftp',
      userInfo: 'user:p@ss',
      host: 'files.example.com',
      hostText: 'files.example.com',
      port: 2222,
      portText: '2222',
      portKnown: true,
      hasExplicitPort: true,
    });
  });

  it('reads IPv6 literals in brackets', () => {
    assert.deepEqual(read('https://[2001:db8::1]:8443/x'), {
      scheme: 'https',
      schemeText: 'https',
      host: '2001:db8::1',
      hostText: '2001:db8::1',
      port: 8443,
      portText: '8443',
      portKnown: true,
      hasExplicitPort: true,
    });
    assert.equal(parseUrl('http://[::1]/x')?.host, '::1');
    assert.equal(parseUrl('http://[::1]/x')?.hasExplicitPort, false);
    assert.equal(parseUrl('http://fe80::1/x')?.host, 'fe80::1', 'bare IPv6: no port');
  });

  it('ignores whitespace around the value and returns nothing for a blank one', () => {
    const text = '  http://h:81/x \n';
    const e = parseUrl(text)!;
    assert.equal(e.scheme, 'http');
    assert.deepEqual(e.schemeRange, [2, 6]);
    assert.deepEqual(e.portRange, [11, 13]);
    assert.equal(parseUrl(''), undefined);
    assert.equal(parseUrl(' \t '), undefined);
  });

  it('keeps the known parts around unknown ones', () => {
    assert.deepEqual(read(`http://${U}/path`), {
      scheme: 'http',
      schemeText: 'http',
      hostText: U,
      portKnown: false,
      hasExplicitPort: false,
    });
    assert.deepEqual(read(`http://${U}:${U}/sap?c=${U}`), {
      scheme: 'http',
      schemeText: 'http',
      hostText: U,
      portText: U,
      portKnown: false,
      hasExplicitPort: true,
    });
    assert.deepEqual(read(`https://${U}:443/x`), {
      scheme: 'https',
      schemeText: 'https',
      hostText: U,
      port: 443,
      portText: '443',
      portKnown: true,
      hasExplicitPort: true,
    });
    assert.deepEqual(read(`https://h.example.com/${U}`), {
      scheme: 'https',
      schemeText: 'https',
      host: 'h.example.com',
      hostText: 'h.example.com',
      portKnown: true,
      hasExplicitPort: false,
    });
    assert.deepEqual(read(`https://h.example.com:8${U}/x`), {
      scheme: 'https',
      schemeText: 'https',
      host: 'h.example.com',
      hostText: 'h.example.com',
      portText: `8${U}`,
      portKnown: false,
      hasExplicitPort: true,
    });
    // an unknown right after the host may bring its own :port
    assert.equal(parseUrl(`https://h.example.com${U}`)?.portKnown, false);
    assert.equal(parseUrl(`https://h.example.com${U}`)?.host, undefined);
    // a whole unknown address, or an unknown scheme
    assert.deepEqual(read(U), { hostText: U, portKnown: false, hasExplicitPort: false });
    assert.deepEqual(read(`${U}/orders`), { hostText: U, portKnown: false, hasExplicitPort: false });
    assert.deepEqual(read(`${U}://h:1/`), {
      schemeText: U,
      host: 'h',
      hostText: 'h',
      port: 1,
      portText: '1',
      portKnown: true,
      hasExplicitPort: true,
    });
  });

  it('does not take a :// in the path for a scheme', () => {
    const e = parseUrl('h.example.com/redirect?to=http://x')!;
    assert.equal(e.scheme, undefined);
    assert.equal(e.schemeRange, undefined);
    assert.equal(e.host, 'h.example.com');
    assert.equal(parseUrl('h.example.com:8080')?.port, 8080);
  });

  it('marks a written but invalid scheme or port', () => {
    const e = parseUrl(`http(s)://${U}:${U}`)!;
    assert.equal(e.scheme, undefined);
    assert.deepEqual(e.schemeRange, [0, 7]);
    const bad = parseUrl('http://h:80a/')!;
    assert.deepEqual([bad.port, bad.portKnown, bad.hasExplicitPort], [undefined, false, true]);
    assert.equal(parseUrl('http://h:99999')?.port, 99999); // out of range is the rule's business
  });

  it('works with the RULES.md example end to end, down to the raw port characters', () => {
    const props = 'S4_URL=http\\://s4.example.com\\:8080\n';
    const resolved = resolveValue(fakeProperty('address', "{{S4_URL}}/orders('${property.id}')"), readParameters(props));
    const e = parseUrl(resolved.text)!;
    assert.deepEqual([e.scheme, e.host, e.port, e.portKnown], ['http', 's4.example.com', 8080, true]);
    const place = locateSlice(resolved, e.portRange![0], e.portRange![1]);
    assert.ok(place && place.kind === 'parameter');
    assert.equal(props.slice(place.entry.value.sourceOffsetAt(place.start), place.entry.value.sourceOffsetAt(place.end)), '8080');
    const scheme = locateSlice(resolved, e.schemeRange![0], e.schemeRange![1]);
    assert.ok(scheme && scheme.kind === 'parameter');
    assert.deepEqual([scheme.start, scheme.end], [0, 4]);
  });

  it('reads a placeholder template as unknown host with a known scheme', () => {
    const resolved = resolveValue(fakeProperty('address', '{{URL}}'), readParameters('URL=http\\://<host>/path\n'));
    assert.deepEqual(read(resolved.text), { scheme: 'http', schemeText: 'http', hostText: U, portKnown: false, hasExplicitPort: false });
  });
});

describe('parseHostPort', () => {
  it('reads host and port', () => {
    assert.deepEqual(read('sftp.example.com:2222', parseHostPort), {
      host: 'sftp.example.com',
      hostText: 'sftp.example.com',
      port: 2222,
      portText: '2222',
      portKnown: true,
      hasExplicitPort: true,
    });
    assert.deepEqual(read(' smtp.example.com ', parseHostPort), {
      host: 'smtp.example.com',
      hostText: 'smtp.example.com',
      portKnown: true,
      hasExplicitPort: false,
    });
    assert.deepEqual(read('[::1]:22', parseHostPort), {
      host: '::1',
      hostText: '::1',
      port: 22,
      portText: '22',
      portKnown: true,
      hasExplicitPort: true,
    });
    assert.equal(parseHostPort(''), undefined);
  });

  it('tolerates a scheme prefix and a path', () => {
    const e = parseHostPort('smtps://mail.example.com:465/x')!;
    assert.deepEqual([e.scheme, e.host, e.port], [undefined, 'mail.example.com', 465]);
  });

  it('keeps the known parts around unknown ones', () => {
    assert.deepEqual(read(`${U}:${U}`, parseHostPort), { hostText: U, portText: U, portKnown: false, hasExplicitPort: true });
    assert.deepEqual(read(`${U}:587`, parseHostPort), { hostText: U, port: 587, portText: '587', portKnown: true, hasExplicitPort: true });
    assert.deepEqual(read(`mail.example.com:${U}`, parseHostPort), {
      host: 'mail.example.com',
      hostText: 'mail.example.com',
      portText: U,
      portKnown: false,
      hasExplicitPort: true,
    });
    assert.deepEqual(read(U, parseHostPort), { hostText: U, portKnown: false, hasExplicitPort: false });
  });

  it('resolves a mail server template from parameters.prop', () => {
    const resolved = resolveValue(fakeProperty('server', '{{MailServer}}'), readParameters('MailServer=<smtpserver>\\:<port>\n'));
    assert.equal(parseHostPort(resolved.text)?.portKnown, false);
    const known = resolveValue(fakeProperty('server', '{{MailServer}}'), readParameters('MailServer=smtp.example.com\\:25\n'));
    const e = parseHostPort(known.text)!;
    assert.equal(e.port, 25);
    assert.deepEqual(locateSlice(known, e.portRange![0], e.portRange![1])?.kind, 'parameter');
  });
});
