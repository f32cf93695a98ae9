import * as assert from 'node:assert/strict';
import { readIflow } from '../../server/src/core/iflow/reader';
import { LineIndex } from '@cpi/common/text/range';
import { allProperties, channel, fixture, prop, rawAt, rawSlice, saxesDecode } from './iflow-support';

describe('readIflow: current format', () => {
  const text = fixture('new-format.iflw');
  const model = readIflow(text);

  it('reads channels, participants and the flow name without problems', () => {
    assert.deepEqual(model.problems, []);
    assert.equal(model.name, 'Orders to Backend');
    assert.deepEqual(
      model.channels.map((c) => [c.id, c.name, c.adapter, c.direction, c.sourceRef, c.targetRef]),
      [
        ['MessageFlow_In', 'Order intake', 'HTTPS', 'Sender', 'Participant_Shop', 'StartEvent_1'],
        ['MessageFlow_Out', 'HTTP', 'HTTP', 'Receiver', 'EndEvent_1', 'Participant_Backend'],
      ],
    );
    assert.deepEqual(
      [...model.participants.values()].map((p) => [p.id, p.name, p.type]),
      [
        ['Participant_Shop', 'Shop', 'EndpointSender'],
        ['Participant_Backend', 'Backend', 'EndpointReceiver'],
      ],
    );
    assert.ok(model.channels.every((c) => c.incomplete === undefined));
  });

  it('gives key and value ranges that cover exactly their raw text', () => {
    const address = prop(model, 'MessageFlow_Out', 'httpAddressWithoutQuery');
    assert.equal(rawAt(text, address.keyRange), 'httpAddressWithoutQuery');
    assert.ok(address.value);
    assert.equal(address.value.text, 'http://{{Backend Host}}/path&x');
    assert.equal(rawAt(text, address.value.range), 'http://{{Backend Host}}/path&amp;x');
    assert.equal(text.slice(address.value.startOffset, address.value.endOffset), 'http://{{Backend Host}}/path&amp;x');
    assert.equal(rawAt(text, address.range).split('\n')[0], '<ifl:property>');
    assert.ok(rawAt(text, address.range).endsWith('</ifl:property>'));
    assert.ok(address.keyElementRange && rawAt(text, address.keyElementRange) === '<key>httpAddressWithoutQuery</key>');
    assert.ok(address.valueElementRange && rawAt(text, address.valueElementRange).startsWith('<value>http://'));
  });

  it('maps decoded slices back to the raw characters, across entities', () => {
    const value = prop(model, 'MessageFlow_Out', 'httpAddressWithoutQuery').value!;
    assert.equal(rawSlice(text, value, 0, 4), 'http');
    const amp = value.text.indexOf('&');
    assert.equal(rawSlice(text, value, amp, amp + 1), '&amp;');
    assert.equal(rawSlice(text, value, amp, value.text.length), '&amp;x');
    assert.equal(value.sourceOffsetAt(value.text.length), value.endOffset);
    // Editing "http" -> "https" through the mapping gives the intended file.
    const edited = text.slice(0, value.sourceOffsetAt(0)) + 'https' + text.slice(value.sourceOffsetAt(4));
    assert.equal(prop(readIflow(edited), 'MessageFlow_Out', 'httpAddressWithoutQuery').value!.text, 'https://{{Backend Host}}/path&x');
  });

  it('decodes escaped parameter names like {{&lt;Receiver&gt;}}', () => {
    const credential = prop(model, 'MessageFlow_Out', 'credentialName').value!;
    assert.equal(credential.text, '{{<Receiver> credential}}');
    assert.equal(rawSlice(text, credential, 2, 12), '&lt;Receiver&gt;');
  });

  it('distinguishes a missing value from <value/> and <value></value>', () => {
    const location = prop(model, 'MessageFlow_Out', 'locationID');
    assert.equal(location.value, undefined);
    assert.equal(location.valueElementRange, undefined);

    const proxy = prop(model, 'MessageFlow_Out', 'proxyType');
    assert.equal(proxy.value?.text, '');
    assert.deepEqual(proxy.value.range.start, proxy.value.range.end);
    assert.equal(text.slice(proxy.value.startOffset, proxy.value.startOffset + 2), '/>');
    assert.equal(rawAt(text, proxy.valueElementRange!), '<value/>');

    const alias = prop(model, 'MessageFlow_Out', 'privateKeyAlias');
    assert.equal(alias.value?.text, '');
    assert.equal(text.slice(alias.value.startOffset, alias.value.startOffset + 8), '</value>');
    assert.equal(rawAt(text, alias.valueElementRange!), '<value></value>');
  });

  it('handles non-ASCII and astral characters in UTF-16 positions', () => {
    const description = prop(model, 'MessageFlow_In', 'Description').value!;
    assert.equal(description.text, 'Bestellungen für Läden 😀 — {{<Receiver>}}');
    assert.equal(rawAt(text, description.range), 'Bestellungen für Läden 😀 — {{&lt;Receiver&gt;}}');
    const emoji = description.text.indexOf('😀');
    assert.equal(rawSlice(text, description, emoji, emoji + 2), '😀');
    const param = description.text.indexOf('{{');
    assert.equal(rawSlice(text, description, param, description.text.length), '{{&lt;Receiver&gt;}}');
    // The same range through LSP positions: the emoji counts two UTF-16 units.
    const lines = new LineIndex(text);
    const start = lines.positionAt(description.sourceOffsetAt(emoji + 2));
    assert.equal(text.slice(lines.offsetAt(start), lines.offsetAt(start) + 3), ' — ');
  });

  it('counts astral characters before a tag on the same line as two UTF-16 units', () => {
    const doc =
      '<?xml version="1.0"?><d xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd"><bpmn2:collaboration name="😀x😀"><bpmn2:messageFlow id="M" name="é😀">' +
      '<ifl:property><key>k😀</key><value>😀&amp;😀</value></ifl:property></bpmn2:messageFlow></bpmn2:collaboration></d>';
    const model = readIflow(doc);
    assert.deepEqual(model.problems, []);
    assert.equal(model.name, '😀x😀');
    const m = channel(model, 'M');
    assert.equal(m.name, 'é😀');
    assert.deepEqual(m.range.start, { line: 0, character: doc.indexOf('<bpmn2:messageFlow') });
    assert.ok(rawAt(doc, m.range).endsWith('name="é😀">'));
    const k = m.properties.get('k😀')!;
    assert.equal(rawAt(doc, k.keyRange), 'k😀');
    assert.equal(rawAt(doc, k.value!.range), '😀&amp;😀');
    assert.equal(rawSlice(doc, k.value!, 3, 5), '😀');
  });

  it('reads the position of elements on the XML declaration line', () => {
    const first = model.channels[0];
    assert.ok(rawAt(text, first.range).startsWith('<bpmn2:messageFlow id="MessageFlow_In"'));
    assert.ok(rawAt(text, first.range).endsWith('targetRef="StartEvent_1">'));
  });

  it('keeps properties outside channels, including CDATA values', () => {
    const keys = model.otherProperties.map((p) => p.key);
    assert.deepEqual(keys, ['namespaceMapping', 'enableBasicAuthentication', 'script']);
    const script = model.otherProperties[2].value!;
    assert.equal(script.text, 'if (a < b && c) { log("x") }');
    assert.equal(rawSlice(text, script, 6, 7), '<');
    assert.equal(rawAt(text, script.range), '<![CDATA[if (a < b && c) { log("x") }]]>');
  });

  it('decodes every value exactly as an XML parser does', () => {
    for (const property of allProperties(model)) {
      if (!property.value) continue;
      assert.equal(property.value.text, saxesDecode(rawAt(text, property.value.range)), property.key);
    }
  });
});

describe('readIflow: old format and other prefixes', () => {
  const model = readIflow(fixture('old-format.iflw'));

  it('infers direction from participants and accepts any prefix bound to the namespaces', () => {
    assert.deepEqual(model.problems, []);
    assert.equal(model.name, 'Old Process');
    assert.deepEqual(
      model.channels.map((c) => [c.id, c.name, c.adapter, c.direction]),
      [
        ['MessageFlow_1', 'SOAP', 'SOAP', 'Sender'],
        ['MessageFlow_2', 'MessageFlow_2', 'Mail', 'Receiver'],
        ['MessageFlow_3', 'MessageFlow_3', 'ProcessDirect', 'Unknown'],
      ],
    );
    assert.equal(prop(model, 'MessageFlow_2', 'auth').value?.text, 'plain');
  });

  it('ignores elements whose prefix is bound to another namespace', () => {
    assert.ok(!model.channels.some((c) => c.id === 'NotAChannel'));
  });

  it('prefers the stated direction over the participant', () => {
    const text = fixture('old-format.iflw').replace(
      '<sap:property><key>ComponentType</key><value>SOAP</value></sap:property>',
      '<sap:property><key>ComponentType</key><value>SOAP</value></sap:property><sap:property><key>direction</key><value>Receiver</value></sap:property>',
    );
    assert.equal(channel(readIflow(text), 'MessageFlow_1').direction, 'Receiver');
  });
});

describe('readIflow: line ends', () => {
  it('reads a CRLF file with exact ranges', () => {
    const text = fixture('crlf.iflw');
    assert.ok(text.includes('\r\n'));
    const model = readIflow(text);
    assert.deepEqual(model.problems, []);
    assert.equal(model.name, 'Windows Flow');
    const host = prop(model, 'MF', 'host');
    assert.equal(rawAt(text, host.value!.range), 'sftp.example.com:2222');
    assert.deepEqual(host.value!.range.start, { line: 12, character: 17 });
    assert.ok(rawAt(text, channel(model, 'MF').range).endsWith('targetRef="B">'));

    const wrap = prop(model, 'MF', 'wrapContent').value!;
    assert.equal(wrap.text, 'line one\r\nline two');
    assert.equal(wrap.text, saxesDecode(rawAt(text, wrap.range)));
    assert.equal(rawSlice(text, wrap, 8, 9), '&#13;');
    assert.equal(rawSlice(text, wrap, 9, 10), '\r\n');
    assert.equal(rawSlice(text, wrap, 10, 14), 'line');
  });

  it('gives the same values for LF and CRLF versions of a file', () => {
    const lf = fixture('new-format.iflw');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = readIflow(lf);
    const b = readIflow(crlf);
    assert.deepEqual(b.problems, []);
    const values = (m: typeof a) => allProperties(m).map((p) => [p.key, p.value?.text, p.keyRange.start.line, p.keyRange.start.character]);
    assert.deepEqual(values(b), values(a));
  });

  it('accepts a byte order mark', () => {
    const model = readIflow('\uFEFF' + fixture('new-format.iflw'));
    assert.deepEqual(model.problems, []);
    assert.equal(model.channels.length, 2);
  });
});

describe('readIflow: DTDs and entities', () => {
  it('never expands declared entities and reports their references', () => {
    const text = fixture('doctype-entities.iflw');
    const model = readIflow(text);
    const address = prop(model, 'MF', 'httpAddressWithoutQuery').value!;
    assert.equal(address.text, 'https://&host;/&file;A');
    assert.ok(!address.text.includes('evil'));
    assert.deepEqual(
      model.problems.map((p) => [p.message, rawAt(text, p.range)]),
      [
        ['undefined entity.', '&host;'],
        ['undefined entity.', '&file;'],
      ],
    );
  });

  it('stays small on a billion-laughs document', () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const text =
      `<?xml version="1.0"?><!DOCTYPE lolz [${levels.join('')}]>` +
      '<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">' +
      '<bpmn2:messageFlow id="MF"><bpmn2:extensionElements><ifl:property><key>address</key><value>&lol9;</value></ifl:property>' +
      '</bpmn2:extensionElements></bpmn2:messageFlow></bpmn2:definitions>';
    const model = readIflow(text);
    assert.equal(prop(model, 'MF', 'address').value!.text, '&lol9;');
    assert.equal(model.problems.length, 1);
  });
});

describe('readIflow: damaged documents', () => {
  it('keeps channels before and after half-typed markup', () => {
    const text = fixture('half-typed.iflw');
    const model = readIflow(text);
    assert.ok(model.problems.length > 0);
    assert.deepEqual(
      model.channels.map((c) => [c.id, c.adapter, [...c.properties.keys()]]),
      [
        ['MF1', 'HTTP', ['ComponentType', 'address', 'proxyType', 'authenticationMethod']],
        ['MF2', 'SFTP', ['ComponentType', 'host']],
      ],
    );
    assert.equal(prop(model, 'MF1', 'address').value!.text, 'http://a.example');
    assert.equal(prop(model, 'MF1', 'proxyType').value!.text, 'default');
    assert.equal(prop(model, 'MF2', 'host').value!.text, 'b.example&unknown;');
    // One problem per stretch of repeated complaints, not one per character.
    assert.equal(model.problems.filter((p) => p.message.startsWith('disallowed character in closing tag')).length, 1);
  });

  it('reports a stray close tag once and keeps reading the channel', () => {
    const text = fixture('new-format.iflw').replace('<key>authenticationMethod</key>', '</oops><key>authenticationMethod</key>');
    const model = readIflow(text);
    assert.ok(model.problems.some((p) => p.message.includes('oops') && rawAt(text, p.range) === '</oops>'));
    assert.equal(prop(model, 'MessageFlow_Out', 'authenticationMethod').value?.text, 'Basic');
    assert.equal(prop(model, 'MessageFlow_Out', 'proxyType').value?.text, '');
    assert.deepEqual(
      model.otherProperties.map((p) => p.key),
      ['namespaceMapping', 'enableBasicAuthentication', 'script'],
    );
  });

  it('never throws on any truncation and keeps channels that ended before the cut', () => {
    const text = fixture('new-format.iflw');
    const full = readIflow(text);
    const flowEnds = full.channels.map(
      (c) => text.indexOf('</bpmn2:messageFlow>', text.indexOf(`id="${c.id}"`)) + '</bpmn2:messageFlow>'.length,
    );
    for (let cut = 0; cut <= text.length; cut++) {
      const model = readIflow(text.slice(0, cut));
      full.channels.forEach((c, index) => {
        if (flowEnds[index] > cut) return;
        const kept = channel(model, c.id);
        assert.equal(kept.incomplete, undefined, `cut ${cut}`);
        assert.deepEqual([...kept.properties.keys()], [...c.properties.keys()], `cut ${cut}`);
      });
      if (cut < text.trimEnd().length) assert.ok(model.problems.length > 0, `cut ${cut}`);
    }
  });

  it('marks a channel cut off by the end of the document as incomplete', () => {
    const text = fixture('new-format.iflw');
    const cut = text.indexOf('<key>credentialName</key>');
    const model = readIflow(text.slice(0, cut));
    const out = channel(model, 'MessageFlow_Out');
    assert.equal(out.incomplete, true);
    assert.equal(out.adapter, 'HTTP');
    assert.equal(out.properties.get('authenticationMethod')?.value?.text, 'Basic');
  });

  it('returns an empty model for empty or non-XML input', () => {
    for (const input of ['', 'not xml at all', '<<<>>>&&&', '<?xml version="1.0"?>', '\u0000\uFFFF']) {
      const model = readIflow(input);
      assert.deepEqual(model.channels, []);
      assert.ok(model.problems.length > 0, JSON.stringify(input));
    }
  });
});
