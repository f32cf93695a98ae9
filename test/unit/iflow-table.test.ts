import * as assert from 'node:assert/strict';
import { readIflow } from '../../server/src/core/iflow/reader';
import { readTable } from '../../server/src/core/iflow/table';
import { fixture, prop, rawSlice } from './iflow-support';

describe('readTable', () => {
  it('reads rows of cells with their ids and positions in the value text', () => {
    const table =
      "<row><cell id='clientCertificate.subjectDN'>CN=a.example</cell><cell id='clientCertificate.issuerDN'>CN=CA</cell></row><row><cell id=\"x\">1</cell></row>";
    const rows = readTable(table);
    assert.deepEqual(
      rows.map((row) => row.map((cell) => [cell.id, cell.text, table.slice(cell.start, cell.end)])),
      [
        [
          ['clientCertificate.subjectDN', 'CN=a.example', 'CN=a.example'],
          ['clientCertificate.issuerDN', 'CN=CA', 'CN=CA'],
        ],
        [['x', '1', '1']],
      ],
    );
  });

  it('reads cells without id, empty and self-closing cells', () => {
    const table = "<row><cell>dateType</cell><cell></cell><cell id='z'/></row>";
    const [row] = readTable(table);
    assert.deepEqual(
      row.map((cell) => [cell.id, cell.text, cell.end - cell.start]),
      [
        ['', 'dateType', 8],
        ['', '', 0],
        ['z', '', 0],
      ],
    );
  });

  it('decodes entities inside cells and keeps the raw span', () => {
    const table = "<row><cell id='dn'>O=A &amp; B</cell></row>";
    const [[cell]] = readTable(table);
    assert.equal(cell.text, 'O=A & B');
    assert.equal(table.slice(cell.start, cell.end), 'O=A &amp; B');
  });

  it('maps a cell of a real value back to the raw file', () => {
    const text = fixture('new-format.iflw');
    const value = prop(readIflow(text), 'MessageFlow_In', 'clientCertificates').value!;
    const [[subject, issuer]] = readTable(value.text);
    assert.equal(subject.text, 'CN=*.shop.example, O=Shop & Co');
    assert.equal(rawSlice(text, value, subject.start, subject.end), 'CN=*.shop.example, O=Shop &amp;amp; Co');
    assert.equal(issuer.id, 'clientCertificate.issuerDN');
    assert.equal(rawSlice(text, value, issuer.start, issuer.end), 'CN=Shop CA');
  });

  it('tolerates garbage', () => {
    assert.deepEqual(readTable(''), []);
    assert.deepEqual(readTable('Authorization|Accept'), []);
    assert.deepEqual(
      readTable("<row<cell id='a'>x<row>junk</nope><cell id='b'>y").map((row) => row.map((cell) => [cell.id, cell.text])),
      [[['a', 'x']], [['b', 'y']]],
    );
    assert.deepEqual(
      readTable("<cell id='lonely'>v</cell>>>><").map((row) => row.map((cell) => cell.text)),
      [['v']],
    );
    for (const input of ['<', '>', '<row', "<cell id='", '<cell id=x>y</cell', '</row></row><row/>']) {
      assert.doesNotThrow(() => readTable(input), input);
    }
  });
});
