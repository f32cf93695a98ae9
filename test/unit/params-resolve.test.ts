import * as assert from 'node:assert/strict';
import type { ParameterFile } from '../../server/src/core/params/model';
import { readParameters } from '../../server/src/core/params/properties';
import { locateSlice, resolveValue } from '../../server/src/core/params/resolve';
import { UNKNOWN, type ResolvedValue } from '../../server/src/core/params/resolved-value';
import { splitValue } from '../../server/src/core/params/value-parts';
import { fakeProperty } from './support/fake-property';

const U = UNKNOWN;

function resolve(rawIflowValue: string | undefined, props?: string): ResolvedValue {
  const params: ParameterFile | undefined = props === undefined ? undefined : readParameters(props);
  return resolveValue(fakeProperty('address', rawIflowValue), params);
}

/** Segments as [origin, raw, textStart, textEnd, sourceStart, sourceEnd], for compact assertions. */
function shape(resolved: ResolvedValue): unknown[] {
  return resolved.segments.map((s) => {
    const origin =
      s.origin.kind === 'unknown'
        ? `unknown:${s.origin.reason}`
        : s.origin.kind === 'parameter'
          ? `parameter:${s.origin.entry.key}`
          : 'iflow';
    return [origin, s.raw, s.textStart, s.textEnd, s.sourceStart, s.sourceEnd];
  });
}

/** Invariants every resolved value keeps. */
function assertConsistent(resolved: ResolvedValue): void {
  let at = 0;
  for (const s of resolved.segments) {
    assert.equal(s.textStart, at);
    assert.ok(s.textEnd > s.textStart);
    at = s.textEnd;
    const source = s.origin.kind === 'parameter' ? s.origin.entry.value.text : s.entry ? s.entry.value.text : resolved.property.value!.text;
    assert.equal(source.slice(s.sourceStart, s.sourceEnd), s.raw);
    if (s.origin.kind === 'unknown') assert.equal(resolved.text.slice(s.textStart, s.textEnd), U);
    else assert.equal(resolved.text.slice(s.textStart, s.textEnd), s.raw);
  }
  assert.equal(at, resolved.text.length);
  assert.equal(resolved.known, !resolved.text.includes(U));
}

describe('resolveValue', () => {
  it('resolves the example of RULES.md, keeping only the expression unknown', () => {
    const r = resolve("{{S4_URL}}/orders('${property.id}')", 'S4_URL=http\\://s4.example.com\\:8080\n');
    assertConsistent(r);
    assert.equal(r.text, `http://s4.example.com:8080/orders('${U}')`);
    assert.equal(r.known, false);
    assert.deepEqual(shape(r), [
      ['parameter:S4_URL', 'http://s4.example.com:8080', 0, 26, 0, 26],
      ['iflow', "/orders('", 26, 35, 10, 19],
      ['unknown:expression', '${property.id}', 35, 36, 19, 33],
      ['iflow', "')", 36, 38, 33, 35],
    ]);
    assert.deepEqual(r.referencedNames, ['S4_URL']);
    assert.deepEqual(
      r.parameters.map((e) => e.key),
      ['S4_URL'],
    );
  });

  it('resolves a whole value and a value with several references', () => {
    const props = 'HOST=h.example.com\nPORT=8443\n';
    const whole = resolve('{{HOST}}', props);
    assert.equal(whole.text, 'h.example.com');
    assert.equal(whole.known, true);
    const several = resolve('https://{{HOST}}:{{PORT}}/x/{{HOST}}', props);
    assertConsistent(several);
    assert.equal(several.text, 'https://h.example.com:8443/x/h.example.com');
    assert.deepEqual(several.referencedNames, ['HOST', 'PORT', 'HOST']);
    assert.deepEqual(
      several.parameters.map((e) => e.key),
      ['HOST', 'PORT'],
    );
    assert.deepEqual(shape(several)[2], ['iflow', ':', 21, 22, 16, 17]);
  });

  it('makes a name without a value one unknown character', () => {
    const r = resolve('http://{{HOST}}/path', 'OTHER=x\n');
    assertConsistent(r);
    assert.equal(r.text, `http://${U}/path`);
    assert.deepEqual(shape(r)[1], ['unknown:missing-parameter', '{{HOST}}', 7, 8, 7, 15]);
    const origin = r.segments[1].origin;
    assert.equal(origin.kind === 'unknown' && origin.name, 'HOST');
    assert.deepEqual(r.referencedNames, ['HOST']);
    assert.deepEqual(r.parameters, []);
    assert.equal(resolve('{{HOST}}').text, U, 'no parameters.prop at all');
  });

  it('matches names with spaces and XML-escaped characters as decoded', () => {
    const props = 'S4HANA\\ Address=https\\://s4\n<Receiver>=rcv\nValueMappingId&apos;s=vm\n';
    assert.equal(resolve('{{S4HANA Address}}', props).text, 'https://s4');
    // written {{&lt;Receiver&gt;}} in the .iflw, decoded before lookup
    const receiver = resolve('{{&lt;Receiver&gt;}}', props);
    assert.equal(receiver.text, 'rcv');
    assert.deepEqual(receiver.referencedNames, ['<Receiver>']);
    assert.equal(resolve('{{ValueMappingId&amp;apos;s}}', props).text, 'vm');
  });

  it('tries the name as written first, then trimmed', () => {
    const props = 'A=trimmed\n';
    assert.equal(resolve('{{ A }}', props).text, 'trimmed');
    assert.deepEqual(resolve('{{ A }}', props).referencedNames, [' A ']);
    const exact = readParameters('A=trimmed\n');
    // a key with a space can only come from an escaped key
    const spaced = readParameters('\\ A\\ =exact\nA=trimmed\n');
    assert.equal(resolveValue(fakeProperty('k', '{{ A }}'), spaced).text, 'exact');
    assert.equal(resolveValue(fakeProperty('k', '{{ A }}'), exact).text, 'trimmed');
  });

  it('reads {{{PW}} as the name "{PW"', () => {
    assert.equal(resolve('{{{PW}}', '{PW=secret\n').text, 'secret');
    assert.deepEqual(resolve('{{{PW}}', 'PW=secret\n').referencedNames, ['{PW']);
  });

  it('leaves unfinished or empty braces as text', () => {
    for (const text of ['{{', '{{}}', '{{a', 'a}}', '{{a\nb}}', '${', '$ {x}', '{ {x}}']) {
      const r = resolve(text, 'a=1\n');
      assert.equal(r.text, text, JSON.stringify(text));
      assert.equal(r.known, true);
    }
  });

  it('treats runtime expressions as unknown, in the iFlow and inside parameter values', () => {
    const r = resolve('{{Q}}&x=${header.h}', "Q=DeliveryDocument\\='${property.d}'\n");
    assertConsistent(r);
    assert.equal(r.text, `DeliveryDocument='${U}'&x=${U}`);
    const inside = r.segments[1];
    assert.equal(inside.origin.kind, 'unknown');
    assert.equal(inside.entry?.key, 'Q');
    assert.equal(inside.raw, '${property.d}');
    assert.equal(inside.sourceStart, 18);
    assert.equal(r.segments[4].entry, undefined);
  });

  it('treats template placeholders as unknown and keeps the known parts', () => {
    const props = [
      'Host=<SFTP_Hostname>',
      'Url=http\\://<host>/path',
      'Mail=<smtpserver>\\:<port>',
      'Escaped=&lt;Ariba API Host, e.g. https\\://eu.example.com/x/${property.id}&gt;',
      'Double=<<address of your SFTP server>>',
      'DoubleEscaped=&lt;&lt;name of your material&gt;&gt;',
      'Tenant=<SAP CI tenant URL>/http/survey/v1',
    ].join('\n');
    const cases: [string, string][] = [
      ['{{Host}}', U],
      ['{{Url}}', `http://${U}/path`],
      ['{{Mail}}', `${U}:${U}`],
      ['{{Escaped}}', U],
      ['{{Double}}', U],
      ['{{DoubleEscaped}}', U],
      ['{{Tenant}}', `${U}/http/survey/v1`],
      [
        'http://&lt;ServerName&gt;:&lt;port&gt;/sap/bc/srt/idoc?sap-client=&lt;ClientNumber&gt;',
        `http://${U}:${U}/sap/bc/srt/idoc?sap-client=${U}`,
      ],
    ];
    for (const [value, expected] of cases) {
      const r = resolve(value, props);
      assertConsistent(r);
      assert.equal(r.text, expected, value);
    }
    const url = resolve('{{Url}}', props);
    assert.deepEqual(url.segments[1].origin, { kind: 'unknown', reason: 'placeholder', name: 'host' });
    assert.equal(url.segments[1].entry?.key, 'Url');
  });

  it('does not take comparisons, closing tags or declarations for placeholders', () => {
    for (const text of ['a < b and c > d', 'x <= 5', '</cell>', '<?xml version="1.0"?>', '<!-- c -->', '<>', '< x>', 'a<b']) {
      assert.equal(resolve(text).text, text, text);
    }
  });

  it('keeps a reference visible inside angle brackets', () => {
    const r = resolve('&lt;cell&gt;{{V}}&lt;/cell&gt;', 'V=1\n');
    assert.equal(r.text, `${U}1</cell>`);
    assert.deepEqual(r.referencedNames, ['V']);
    assert.equal(resolve('<a {{V}}>', 'V=1\n').text, '<a 1>');
  });

  it('does not substitute again inside a parameter value', () => {
    const r = resolve('{{A}}', 'A=x{{B}}y\nB=never\n');
    assert.equal(r.text, 'x{{B}}y');
    assert.deepEqual(r.referencedNames, ['A']);
  });

  it('gives an empty known text for a property without value, and for an empty parameter', () => {
    const none = resolve(undefined, 'A=1\n');
    assert.deepEqual([none.text, none.known, none.segments.length, none.parameters.length], ['', true, 0, 0]);
    const empty = resolve('{{E}}', 'E=\n');
    assert.deepEqual([empty.text, empty.known, empty.segments.length], ['', true, 0]);
    assert.deepEqual(
      empty.parameters.map((e) => e.key),
      ['E'],
    );
  });

  it('maps the sources of parameter segments into the decoded entry value', () => {
    const params = readParameters('U=https\\://a.example.com\\:8443/p\n');
    const r = resolveValue(fakeProperty('address', '{{U}}'), params);
    const entry = params.entries.get('U')!;
    const segment = r.segments[0];
    assert.equal(entry.value.text.slice(segment.sourceStart, segment.sourceEnd), 'https://a.example.com:8443/p');
  });
});

describe('locateSlice', () => {
  const props = 'S4_URL=http\\://s4.example.com\\:8080\nEmpty=\n';
  const params = readParameters(props);

  it('locates a slice inside a parameter value, ready for a raw edit', () => {
    const r = resolveValue(fakeProperty('address', "{{S4_URL}}/orders('${property.id}')"), params);
    const port = r.text.indexOf('8080');
    const place = locateSlice(r, port, port + 4);
    assert.ok(place && place.kind === 'parameter');
    assert.equal(place.entry.key, 'S4_URL');
    assert.deepEqual([place.start, place.end], [22, 26]);
    const raw = props.slice(place.entry.value.sourceOffsetAt(place.start), place.entry.value.sourceOffsetAt(place.end));
    assert.equal(raw, '8080');
    const scheme = locateSlice(r, 0, 4);
    assert.ok(scheme && scheme.kind === 'parameter');
    assert.equal(props.slice(scheme.entry.value.sourceOffsetAt(0), scheme.entry.value.sourceOffsetAt(4)), 'http');
    // the ':' of '://' is written '\:' in the file
    const colon = locateSlice(r, 4, 5)!;
    assert.ok(colon.kind === 'parameter');
    assert.equal(props.slice(colon.entry.value.sourceOffsetAt(colon.start), colon.entry.value.sourceOffsetAt(colon.end)), '\\:');
  });

  it('locates a slice of literal iFlow text, through XML escapes', () => {
    const property = fakeProperty('address', 'http://h/?a=1&amp;b=2', 40);
    const r = resolveValue(property, params);
    const b = r.text.indexOf('b=2');
    const place = locateSlice(r, b - 1, b + 3);
    assert.deepEqual(place, { kind: 'iflow', start: b - 1, end: b + 3 });
    assert.equal(property.value!.sourceOffsetAt(b - 1), 40 + 'http://h/?a=1'.length);
    assert.equal(property.value!.sourceOffsetAt(b), 40 + 'http://h/?a=1&amp;'.length);
  });

  it('refuses slices across segments or touching an unknown part', () => {
    const r = resolveValue(fakeProperty('address', "{{S4_URL}}/orders('${property.id}')"), params);
    const slash = r.text.indexOf('/orders');
    assert.equal(locateSlice(r, slash - 2, slash + 2), undefined);
    const unknown = r.text.indexOf(U);
    assert.equal(locateSlice(r, unknown, unknown + 1), undefined);
    assert.equal(locateSlice(r, unknown - 1, unknown + 1), undefined);
    assert.equal(locateSlice(r, 0, r.text.length), undefined);
    assert.equal(locateSlice(r, -1, 2), undefined);
    assert.equal(locateSlice(r, 3, 2), undefined);
    assert.equal(locateSlice(r, 0, r.text.length + 1), undefined);
  });

  it('puts an insertion point on a border into the known segment before it', () => {
    const r = resolveValue(fakeProperty('address', '{{S4_URL}}/x'), params);
    const border = r.text.indexOf('/x');
    const place = locateSlice(r, border, border);
    assert.ok(place && place.kind === 'parameter');
    assert.deepEqual([place.start, place.end], [border, border]);
    const afterUnknown = resolveValue(fakeProperty('address', '${a}/x'), params);
    assert.deepEqual(locateSlice(afterUnknown, 1, 1), { kind: 'iflow', start: 4, end: 4 });
    assert.equal(locateSlice(afterUnknown, 0, 0), undefined);
  });

  it('locates the whole of a one-reference value in the parameter', () => {
    const r = resolveValue(fakeProperty('address', '{{S4_URL}}'), params);
    const place = locateSlice(r, 0, r.text.length);
    assert.ok(place && place.kind === 'parameter');
    assert.deepEqual([place.start, place.end], [0, r.text.length]);
  });

  it('gives empty values a place', () => {
    assert.deepEqual(locateSlice(resolveValue(fakeProperty('k', ''), params), 0, 0), { kind: 'iflow', start: 0, end: 0 });
    const empty = locateSlice(resolveValue(fakeProperty('k', '{{Empty}}'), params), 0, 0);
    assert.ok(empty && empty.kind === 'parameter' && empty.entry.key === 'Empty');
    assert.equal(locateSlice(resolveValue(fakeProperty('k'), params), 0, 0), undefined);
    assert.equal(locateSlice(resolveValue(fakeProperty('k', 'a{{Empty}}'), params), 1, 1)?.kind, 'iflow');
  });
});

describe('splitValue', () => {
  it('stays linear and total on long runs of brackets and braces', () => {
    const text = '<'.repeat(5000) + '{{'.repeat(5000) + '${'.repeat(5000) + '&lt;'.repeat(2000);
    const parts = splitValue(text, true);
    assert.equal(parts.length, 1);
    assert.equal(parts[0].kind, 'literal');
  });
});
