import * as assert from 'node:assert/strict';
import { RULES, isRuleId, ruleMeta } from '@cpi/common/rules/catalogue';
import { FAQ } from '@cpi/common/knowledge/sap-help';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/scripting-guidance';
import { RULE_DOCS, explainKey, keyExplanations, renderRuleMarkdown, ruleDoc } from '@cpi/common/knowledge/rule-docs';

// Every rule has an explanation, every key note points at real rules, and the
// markdown pages carry what the hover and the docs view rely on.

const SECURITY_KEYS = [
  'httpAddressWithoutQuery',
  'address',
  'Address',
  'receipientURL',
  'host',
  'server',
  'port',
  'proxyType',
  'authenticationMethod',
  'authentication',
  'AuthenticationType',
  'authenticationType',
  'senderAuthType',
  'userRole',
  'clientCertificates',
  'ssl',
  'auth',
  'connectWithTLS',
  'xsrfProtection',
  'allowDeprecatedAlgorithms',
  'allowedRequestHeaders',
  'allowedResponseHeaders',
  'credentialName',
  'privateKeyAlias',
  'locationID',
  'location_id',
  'scc_location_id',
  'WSSecurity_SignatureAlgorithm',
  'signingAlgorithm',
  'encryptionAlgorithm',
];

// SAP's FAQ sections and our scripting guidance: both may be cited by a rule.
const FAQ_IDS = new Set<string>([...Object.values(FAQ), ...Object.values(SCRIPTING_GUIDANCE)]);

describe('knowledge: rule docs', () => {
  it('documents exactly the rules of the catalogue', () => {
    assert.deepEqual(
      RULE_DOCS.map((entry) => entry.ruleId),
      RULES.map((rule) => rule.id),
    );
  });

  it('fills every field of every rule doc', () => {
    for (const rule of RULES) {
      const entry = ruleDoc(rule.id);
      assert.ok(entry !== undefined, rule.id);
      for (const field of ['what', 'why', 'fix'] as const) {
        assert.ok(entry[field].trim().length >= 20, `${rule.id}.${field}`);
      }
      assert.ok(entry.before.code.trim().length > 0, `${rule.id}.before`);
      assert.ok(entry.after.code.trim().length > 0, `${rule.id}.after`);
      assert.notEqual(entry.before.code, entry.after.code, `${rule.id}: before and after differ`);
      assert.ok(entry.sapPages.length > 0, `${rule.id}.sapPages`);
      for (const page of entry.sapPages) assert.ok(page.title.trim().length > 0, `${rule.id}: page title`);
    }
    assert.equal(ruleDoc('no-such-rule'), undefined);
  });

  it('cites the FAQ sections the catalogue gives each rule, and only real ones', () => {
    for (const entry of RULE_DOCS) {
      for (const id of entry.faq) assert.ok(FAQ_IDS.has(id), `${entry.ruleId}: unknown FAQ section ${id}`);
      for (const id of ruleMeta(entry.ruleId)?.faq ?? []) assert.ok(entry.faq.includes(id), `${entry.ruleId} should cite ${id}`);
    }
  });

  it('shows iFlow samples as well-formed ifl:property elements', () => {
    const property = /^<ifl:property><key>[A-Za-z_.]+<\/key><value>[^<>]*<\/value><\/ifl:property>$/;
    for (const entry of RULE_DOCS) {
      for (const sample of [entry.before, entry.after]) {
        if (sample.language !== 'xml') continue;
        for (const line of sample.code.split('\n')) assert.match(line, property, entry.ruleId);
      }
    }
  });

  it('explains the security-relevant iFlow keys with existing rules', () => {
    for (const name of SECURITY_KEYS) assert.ok(explainKey(name) !== undefined, `missing key ${name}`);
    for (const [name, note] of Object.entries(keyExplanations)) {
      assert.ok(note.summary.trim().length > 20, name);
      const sentences = note.summary.split(/[.!?](?:\s|$)/).filter((part) => part.trim().length > 0);
      assert.ok(sentences.length <= 3, `${name}: at most three sentences`);
      assert.ok(note.rules.length > 0, `${name}: rules`);
      for (const id of note.rules) assert.ok(isRuleId(id), `${name}: unknown rule ${id}`);
      if (note.faq !== undefined) assert.ok(faqEntry(note.faq) !== undefined, `${name}: unknown FAQ ${note.faq}`);
    }
    assert.equal(explainKey('toString'), undefined);
    assert.equal(explainKey('Name'), undefined);
  });

  it('renders a markdown page per rule with samples, FAQ and SAP links', () => {
    for (const rule of RULES) {
      const entry = ruleDoc(rule.id);
      assert.ok(entry !== undefined);
      const markdown = renderRuleMarkdown(rule.id);
      assert.ok(markdown.startsWith(`# ${rule.title} (\`${rule.id}\`)`), rule.id);
      assert.ok(markdown.includes(`**${rule.defaultSeverity}**`), rule.id);
      for (const text of [entry.what, entry.why, entry.fix, entry.before.code, entry.after.code]) {
        assert.ok(markdown.includes(text), `${rule.id}: ${text.slice(0, 30)}`);
      }
      assert.ok(markdown.includes(`](${rule.helpUrl})`), `${rule.id}: help link`);
      for (const id of entry.faq) {
        if (faqEntry(id)?.source === 'our-guidance') assert.ok(markdown.includes(`- ${faqEntry(id)!.question}`), `${rule.id}: ${id}`);
        else assert.ok(markdown.includes(`#loio58ff94fc64784e3d9e53f357f08a0bce__${id})`), `${rule.id}: ${id}`);
      }
      // Fences are balanced.
      assert.equal((markdown.match(/^```/gm) ?? []).length % 2, 0, rule.id);
    }
  });

  it('renders smaller headings on request and a notice for unknown rules', () => {
    assert.ok(renderRuleMarkdown('smtp-port-25', { headingLevel: 3 }).startsWith('### '));
    assert.match(renderRuleMarkdown('unknown-security-material'), /· Tenant scans only/);
    assert.doesNotMatch(renderRuleMarkdown('smtp-port-25'), /Tenant scans only/);
    assert.ok(renderRuleMarkdown('smtp-port-25', { headingLevel: 3 }).includes('\n#### What it checks'));
    assert.match(renderRuleMarkdown('no-such-rule'), /No rule with this id/);
  });
});
