import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseConfig } from '../../server/src/core/config/parse';
import { RULES } from '@cpi/common/rules/catalogue';

const REPO = path.resolve(__dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/cpisecurity.schema.json'), 'utf8'));
const README = path.join(REPO, 'README.md');

// The example of the README ("Configuration: `.cpisecurity.json`").
const EXAMPLE = `{
  "rules": { "outbound-port-not-open": "error", "generic-sender-role": "off" },
  "openedPorts": [2222],
  "ignore": ["**/test-data/**"],
  "certificates": {
    "inbound": ["certificates/inbound/**"],
    "outbound": ["certificates/outbound/**"],
    "messageLevel": ["certificates/message/**"]
  },
  "expiryWarningDays": 60,
  "scripts": ["tools/**/*.groovy"],
  "suppressions": [
    { "rule": "cleartext-http-endpoint", "file": "**/Legacy*.iflw", "reason": "partner has no TLS until Q3", "expires": "2027-06-30" },
    { "rule": "smtp-port-25", "file": "**/Legacy*.iflw", "channel": "AR Mailbox", "reason": "internal relay, no submission port" }
  ]
}`;

function validator() {
  const ajv = new Ajv({ allErrors: true });
  // Keywords only VS Code's JSON support reads.
  ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']);
  return ajv.compile(schema);
}

describe('config: JSON schema', () => {
  const catalogueIds = RULES.map((rule) => rule.id).sort();

  it('lists exactly the rule ids of the catalogue', () => {
    assert.deepEqual(
      [...schema.definitions.ruleId.enum].sort(),
      catalogueIds,
      'definitions.ruleId.enum: update schemas/cpisecurity.schema.json',
    );
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), catalogueIds, 'properties.rules.properties');
  });

  it('describes every key, in plain text and Markdown', () => {
    for (const [key, property] of Object.entries<Record<string, unknown>>(schema.properties)) {
      if (key === '$schema') continue;
      assert.equal(typeof property.description, 'string', key);
      assert.equal(typeof property.markdownDescription, 'string', key);
    }
  });

  it('accepts the example of the README, which also parses without problems', () => {
    const validate = validator();
    assert.ok(validate(JSON.parse(EXAMPLE)), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfig(EXAMPLE, 'file:///ws/.cpisecurity.json').problems, []);
  });

  it('keeps the embedded example equal to the one in the README', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration: `.cpisecurity.json`'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    assert.ok(block, 'json example in the README');
    assert.deepEqual(JSON.parse(block[1]), JSON.parse(EXAMPLE));
  });

  it('rejects what the parser rejects', () => {
    const validate = validator();
    const invalid = [
      { rules: { 'no-such-rule': 'off' } },
      { rules: { 'smtp-port-25': 'fatal' } },
      { openedPorts: [0] },
      { openedPorts: [2.5] },
      { ignore: [''] },
      { certificates: { client: [] } },
      { expiryWarningDays: -1 },
      { suppressions: [{ rule: 'smtp-port-25' }] },
      { suppressions: [{ rule: 'smtp-port-25', reason: ' ' }] },
      { suppressions: [{ rule: '*', reason: 'all' }] },
      { suppressions: [{ rule: 'smtp-port-25', reason: 'r', expires: '2027-6-30' }] },
      { suppressions: [{ rule: 'smtp-port-25', channel: ' ', reason: 'r' }] },
      { suppressions: [{ rule: 'smtp-port-25', subject: 25, reason: 'r' }] },
      { unknown: true },
    ];
    for (const value of invalid) {
      assert.equal(validate(value), false, JSON.stringify(value));
      assert.ok(parseConfig(JSON.stringify(value), 'file:///ws/.cpisecurity.json').problems.length > 0, JSON.stringify(value));
    }
    assert.ok(
      validate({ $schema: './x.json', suppressions: [{ rule: '*', file: 'generated/**', reason: 'generated' }] }),
      JSON.stringify(validate.errors),
    );
  });
});
