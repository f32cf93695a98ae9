import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { withEditorSettings } from '../../server/src/core/config/editor-settings';
import { describeSize, fileTooLargeMessage, maxFileBytes, RAISE_LIMIT_IN_EDITOR } from '../../server/src/core/config/file-size';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { parseConfig } from '../../server/src/core/config/parse';
import { LineIndex } from '@cpi/common/text/range';
import { sizeOver } from '../../server/src/engine/overlay-source';

const URI = 'file:///ws/.cpisecurity.json';
const REPO = path.resolve(__dirname, '../..');

describe('config: maxFileSizeMB', () => {
  it('defaults to 20 MB', () => {
    assert.equal(DEFAULT_CONFIG.maxFileSizeMB, 20);
    assert.equal(parseConfig('{}', URI).config.maxFileSizeMB, 20);
    assert.equal(maxFileBytes(DEFAULT_CONFIG), 20 * 1024 * 1024);
  });

  it('reads whole and fractional megabytes', () => {
    for (const [text, expected] of [
      ['50', 50],
      ['0.5', 0.5],
      ['1e-3', 0.001],
    ] as const) {
      const { config, problems } = parseConfig(`{ "maxFileSizeMB": ${text} }`, URI);
      assert.deepEqual(problems, [], text);
      assert.equal(config.maxFileSizeMB, expected);
    }
    assert.equal(maxFileBytes({ maxFileSizeMB: 0.5 }), 524288);
  });

  it('reports a bad value on exactly that value and keeps the default', () => {
    for (const value of ['0', '-3', '"20"', 'null', 'true', '[20]', '{ "mb": 20 }']) {
      const text = `{\n  "expiryWarningDays": 10,\n  "maxFileSizeMB": ${value}\n}`;
      const { config, problems } = parseConfig(text, URI);
      assert.equal(problems.length, 1, `${value}: ${JSON.stringify(problems)}`);
      const at = text.indexOf(value, text.indexOf('"maxFileSizeMB"') + 16);
      assert.deepEqual(problems[0].range, new LineIndex(text).rangeOf(at, at + value.length), value);
      assert.equal(problems[0].severity, 'error');
      assert.match(problems[0].message, /"maxFileSizeMB" must be a number of megabytes greater than 0/);
      assert.equal(config.maxFileSizeMB, 20, value);
      assert.equal(config.expiryWarningDays, 10, 'the other keys still apply');
    }
  });

  it('is in the JSON schema, which rejects what the parser rejects', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/cpisecurity.schema.json'), 'utf8'));
    assert.equal(schema.properties.maxFileSizeMB.default, DEFAULT_CONFIG.maxFileSizeMB);
    const ajv = new Ajv({ allErrors: true });
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']);
    const validate = ajv.compile(schema);
    assert.ok(validate({ maxFileSizeMB: 0.5 }), JSON.stringify(validate.errors));
    for (const value of [0, -1, '20', null]) {
      assert.equal(validate({ maxFileSizeMB: value }), false, JSON.stringify(value));
      assert.ok(parseConfig(JSON.stringify({ maxFileSizeMB: value }), URI).problems.length > 0, JSON.stringify(value));
    }
  });

  it('is overridden by a valid editor setting; null or nonsense keeps the file value', () => {
    const file = parseConfig('{ "maxFileSizeMB": 5 }', URI).config;
    assert.equal(withEditorSettings(file, { maxFileSizeMB: 0.25 }).maxFileSizeMB, 0.25);
    for (const setting of [null, undefined, 0, -2, Number.NaN, Number.POSITIVE_INFINITY, '7' as unknown as number]) {
      assert.equal(withEditorSettings(file, { maxFileSizeMB: setting }).maxFileSizeMB, 5, String(setting));
    }
    assert.equal(withEditorSettings(file, undefined).maxFileSizeMB, 5);
  });

  it('is declared as a nullable editor setting, described in package.nls.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['cpiSecurity.maxFileSizeMB'];
    assert.deepEqual(setting.type, ['number', 'null']);
    assert.equal(setting.default, null);
    assert.equal(setting.exclusiveMinimum, 0);
  });
});

describe('file size limit: notice and measuring', () => {
  it('names the size, the limit and how to raise it; parameters.prop says what its absence means', () => {
    const iflow = fileTooLargeMessage('iflow', 26542080, 20, RAISE_LIMIT_IN_EDITOR);
    assert.match(iflow, /^Not analysed: the file is 25\.3 MB \(26542080 bytes\), over the 20 MB limit\./);
    assert.match(iflow, /cpiSecurity\.maxFileSizeMB/);
    assert.match(iflow, /"maxFileSizeMB" in \.cpisecurity\.json/);
    assert.doesNotMatch(iflow, /parameters/);
    assert.match(
      fileTooLargeMessage('parameters', 2048, 0.001, 'x'),
      /^Not analysed: the file is 2\.0 KB \(2048 bytes\), over the 0\.001 MB limit\. The artifact's iFlows are analysed as if it had no parameters\.prop/,
    );
    assert.equal(describeSize(1536), '1.5 KB (1536 bytes)');
  });

  it('measures UTF-8 bytes, not characters, and only decides by length when it can', () => {
    assert.equal(sizeOver('a'.repeat(10), 10), undefined);
    assert.equal(sizeOver('a'.repeat(11), 10), 11);
    assert.equal(sizeOver('é'.repeat(6), 10), 12, 'two bytes per é');
    assert.equal(sizeOver('€'.repeat(3), 9), undefined, 'three bytes per €, exactly at the limit');
    assert.equal(sizeOver('€'.repeat(4), 9), 12);
    assert.equal(sizeOver('😀'.repeat(3), 11), 12, 'four bytes per astral character');
  });
});
