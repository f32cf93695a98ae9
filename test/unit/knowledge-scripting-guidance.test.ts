import * as assert from 'node:assert/strict';
import { ALL_FAQ_ENTRIES, FAQ_ENTRIES, faqEntry } from '@cpi/common/knowledge/faq';
import { renderFaqMarkdown, renderRuleMarkdown } from '@cpi/common/knowledge/rule-docs';
import { FAQ } from '@cpi/common/knowledge/sap-help';
import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { SCRIPTING_GUIDANCE, SCRIPTING_GUIDANCE_ENTRIES } from '@cpi/common/knowledge/scripting-guidance';
import { RULES } from '@cpi/common/rules/catalogue';
import { buildFaqTree, FAQ_CATEGORIES } from '../../client/src/faq/faq-model';

// The FAQ view's Scripting section: our guidance (not SAP's FAQ), each entry
// resting on SAP's scripting pages and listing the script rules that cite it.

const SCRIPT_PAGES = new Set([
  SAP_PAGES.generalScriptingGuidelines.url,
  SAP_PAGES.switchOffExternalEntities.url,
  SAP_PAGES.removeSensitiveContent.url,
]);

/** The SAP facts of SCRIPT-RULES.md each entry must carry. */
const KEY_FACTS: Record<string, readonly (string | RegExp)[]> = {
  [SCRIPTING_GUIDANCE.mplVisibility]: [
    'monitoring',
    'addAttachmentAsString',
    'setStringProperty',
    'addCustomHeaderProperty',
    '`Authorization`',
  ],
  [SCRIPTING_GUIDANCE.credentialsInMessage]: ['tracing', 'clear text', 'User Credentials', 'AVOID_ACCESSING_SECURE_PARAMETER'],
  [SCRIPTING_GUIDANCE.xmlDoctype]: [
    'http://apache.org/xml/features/disallow-doctype-decl',
    '`XmlSlurper`',
    'third argument',
    'SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES',
  ],
  [SCRIPTING_GUIDANCE.evalCode]: ['never unloaded', 'memory', 'EVAL_USAGE_CHECK'],
  [SCRIPTING_GUIDANCE.logSwitches]: ['log level', 'externalized parameter', 'AVOID_CREATING_MPL_ATTACHMENTS'],
};

describe('knowledge: scripting guidance in the FAQ view', () => {
  it("follows SAP's sixteen answers, with ids of its own, marked as our guidance", () => {
    assert.deepEqual(ALL_FAQ_ENTRIES, [...FAQ_ENTRIES, ...SCRIPTING_GUIDANCE_ENTRIES]);
    assert.deepEqual(
      SCRIPTING_GUIDANCE_ENTRIES.map((entry) => entry.id),
      Object.values(SCRIPTING_GUIDANCE),
    );
    const sections = new Set<string>(Object.values(FAQ));
    for (const entry of SCRIPTING_GUIDANCE_ENTRIES) {
      assert.ok(!sections.has(entry.id), entry.id);
      assert.equal(entry.source, 'our-guidance');
      assert.equal(entry.category, 'scripting');
      assert.equal(faqEntry(entry.id), entry);
    }
    for (const entry of FAQ_ENTRIES) assert.equal(entry.source, 'sap-faq', entry.id);
  });

  it("states SAP's facts and links the SAP page each rests on", () => {
    for (const entry of SCRIPTING_GUIDANCE_ENTRIES) {
      assert.ok(SCRIPT_PAGES.has(entry.helpUrl), `${entry.id}: ${entry.helpUrl}`);
      for (const link of entry.links)
        assert.ok(
          Object.values(SAP_PAGES).some((page) => page.url === link.url),
          `${entry.id}: ${link.url}`,
        );
      for (const fact of KEY_FACTS[entry.id] ?? assert.fail(`no facts for ${entry.id}`)) {
        assert.ok(
          typeof fact === 'string' ? entry.answer.includes(fact) : fact.test(entry.answer),
          `${entry.id} should mention ${String(fact)}`,
        );
      }
    }
  });

  it("lists exactly the rules whose metadata cites it (stored once, on the rules' side)", () => {
    for (const entry of SCRIPTING_GUIDANCE_ENTRIES) {
      assert.deepEqual(
        entry.relatedRules,
        RULES.filter((rule) => rule.faq.includes(entry.id)).map((rule) => rule.id),
        entry.id,
      );
      for (const id of entry.relatedRules)
        assert.equal(RULES.find((rule) => rule.id === id)?.section, 'scripts', `${entry.id}: ${id} is a script rule`);
    }
    // A rule citing guidance shows it on its page, apart from SAP's FAQ answers.
    for (const rule of RULES) {
      for (const id of rule.faq.filter((cited) => faqEntry(cited)?.source === 'our-guidance')) {
        const markdown = renderRuleMarkdown(rule.id);
        assert.ok(markdown.includes('Scripting guidance (FAQ view)') && markdown.includes(faqEntry(id)!.question), `${rule.id}: ${id}`);
      }
    }
  });

  it('shows as the last section, "Scripting", of the FAQ tree', () => {
    const tree = buildFaqTree(ALL_FAQ_ENTRIES);
    const last = tree[tree.length - 1];
    assert.equal(last.category, 'scripting');
    assert.equal(last.label, FAQ_CATEGORIES.find((category) => category.id === 'scripting')?.label);
    assert.equal(last.label, 'Scripting');
    assert.deepEqual(
      last.questions.map((question) => question.entry.id),
      Object.values(SCRIPTING_GUIDANCE),
    );
    assert.deepEqual(
      buildFaqTree(ALL_FAQ_ENTRIES, 'doctype').flatMap((category) => category.questions.map((question) => question.entry.id)),
      [SCRIPTING_GUIDANCE.xmlDoctype],
    );
  });

  it("renders as our guidance with SAP's pages, never as an answer of SAP's FAQ", () => {
    for (const entry of SCRIPTING_GUIDANCE_ENTRIES) {
      const markdown = renderFaqMarkdown(entry.id);
      assert.ok(markdown.startsWith(`# ${entry.question}\n\n*Our guidance, built on SAP's documentation`), entry.id);
      assert.ok(markdown.includes(entry.answer), entry.id);
      assert.ok(markdown.includes(`](${entry.helpUrl})`), entry.id);
      for (const link of entry.links) assert.ok(markdown.includes(`[${link.title}](${link.url})`), entry.id);
      assert.doesNotMatch(markdown, /Original answer in the security FAQ/);
      for (const id of entry.relatedRules) assert.ok(markdown.includes(`\`${id}\``), entry.id);
    }
  });
});
