import * as assert from 'node:assert/strict';
import { escapeXmlText } from '../../server/src/core/iflow/escape';
import { readIflow } from '../../server/src/core/iflow/reader';
import { valueEdit } from '../../server/src/core/iflow/value-edit';
import { decodeXml, xmlSourceText } from '../../server/src/core/iflow/xml-text';
import { LineIndex } from '@cpi/common/text/range';
import { applyTextEdits } from '../support/apply-edits';
import { fixture, prop, saxesDecode } from './iflow-support';

describe('decodeXml', () => {
  const cases = [
    'plain',
    'a &lt;b&gt; &amp; &apos;c&apos; &quot;d&quot;',
    '&#65;&#x42;&#x1F600;x',
    'line\r\nnext\rlast\n',
    'cr kept: &#13;&#10;',
    '<![CDATA[<raw> & \r\n]]>after',
    'a<!-- note -->b<?pi x?>c',
    'unknown &nope; &#xZZ; &#0;',
    'é😀&amp;ü',
  ];

  it('decodes like an XML parser', () => {
    for (const raw of cases) assert.equal(decodeXml(raw, 0, raw.length).text, saxesDecode(raw), raw);
  });

  it('keeps a bare ampersand and what follows it (saxes would drop the rest)', () => {
    const raw = 'a & b &amp c';
    assert.equal(decodeXml(raw, 0, raw.length).text, raw);
  });

  it('keeps names of Object.prototype members as undefined entities', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const raw = `a&${name};b`;
      assert.equal(decodeXml(raw, 0, raw.length).text, raw);
    }
  });

  it('maps every decoded index to the raw characters that produced it', () => {
    for (const raw of cases) {
      const source = `<value>${raw}</value>`;
      const start = 7;
      const value = xmlSourceText(source, start, start + raw.length, new LineIndex(source));
      let previous = start;
      for (let i = 0; i <= value.text.length; i++) {
        const offset = value.sourceOffsetAt(i);
        assert.ok(offset >= previous && offset <= value.endOffset, `${raw} @${i}`);
        previous = offset;
        if (i === value.text.length) continue;
        const c = source[offset];
        const decoded = value.text[i];
        // A decoded character is the raw one, or comes from a reference, CDATA or a line end.
        assert.ok(
          c === decoded || c === '&' || (c === '\r' && decoded === '\n') || source.lastIndexOf('<![CDATA[', offset) >= start,
          `${raw} @${i}`,
        );
      }
      assert.equal(value.sourceOffsetAt(value.text.length), start + raw.length);
    }
  });

  it('needs no mapping table when nothing was decoded', () => {
    const decoded = decodeXml('xx http://a.example/x yy', 3, 21);
    assert.equal(decoded.text, 'http://a.example/x');
    assert.equal(decoded.offsets, undefined);
  });
});

describe('escapeXmlText', () => {
  it('escapes like SAP: & < > and carriage returns, quotes stay raw', () => {
    assert.equal(escapeXmlText(`a&b<c>d"e'f`), `a&amp;b&lt;c&gt;d"e'f`);
    assert.equal(escapeXmlText('one\r\ntwo'), 'one&#13;\ntwo');
    assert.equal(escapeXmlText('https://{{Host}}/x'), 'https://{{Host}}/x');
  });

  it('round-trips through the decoder', () => {
    for (const s of ['{{<Receiver>}}', 'a && b', "<row><cell id='x'>CN=a &amp; b</cell></row>", 'x\r\ny\rz']) {
      const escaped = escapeXmlText(s);
      assert.equal(decodeXml(escaped, 0, escaped.length).text, s);
    }
  });
});

describe('valueEdit', () => {
  const text = fixture('new-format.iflw');
  const model = readIflow(text);
  const apply = (key: string, newValue: string): string => {
    const edit = valueEdit(prop(model, 'MessageFlow_Out', key), newValue);
    assert.ok(edit);
    return applyTextEdits(text, [edit]);
  };

  it('sets a value whether it was filled, empty, self-closing or missing', () => {
    for (const key of ['httpAddressWithoutQuery', 'privateKeyAlias', 'proxyType', 'locationID']) {
      const edited = readIflow(apply(key, 'a<b & "c"'));
      assert.deepEqual(edited.problems, [], key);
      assert.equal(prop(edited, 'MessageFlow_Out', key).value?.text, 'a<b & "c"', key);
      assert.equal(edited.channels[1].properties.size, model.channels[1].properties.size);
    }
  });
});
