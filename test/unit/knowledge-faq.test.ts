import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, isRuleId } from '@cpi/common/rules/catalogue';
import { FAQ } from '@cpi/common/knowledge/sap-help';
import { FAQ_ENTRIES, faqEntry } from '@cpi/common/knowledge/faq';
import { RULE_DOCS, keyExplanations, renderFaqMarkdown } from '@cpi/common/knowledge/rule-docs';

// The FAQ knowledge base against SAP's seed document: every section covered,
// the key facts present, and the wording our own.

const SEED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'seed');

function readSeed(): string | undefined {
  if (!fs.existsSync(SEED_DIR)) return undefined;
  const file = fs.readdirSync(SEED_DIR).find((name) => /^000_.*\.txt$/.test(name));
  return file === undefined ? undefined : fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
}

function seedSectionIds(seed: string): string[] {
  return [...seed.matchAll(/<a name="loio[0-9a-f]{32}__(section_[a-z0-9_]+)"\s*\/>/g)].map((match) => match[1] as string);
}

/** Lower-case words, punctuation and markup dropped, so that quoting is caught regardless of formatting. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\\([()*])/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function shingles(text: string, size: number): Set<string> {
  const list = words(text);
  const result = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) result.add(list.slice(i, i + size).join(' '));
  return result;
}

/** Word runs of `size` shared by both texts. */
function sharedRuns(ours: string, theirs: Set<string>, size: number): string[] {
  return [...shingles(ours, size)].filter((run) => theirs.has(run));
}

const KEY_FACTS: Record<string, readonly (string | RegExp)[]> = {
  [FAQ.addUsers]: ['S-user', 'P-user', 'SAP BTP cockpit', 'order form', 'identity provider'],
  [FAQ.listRoles]: ['persona', 'ESBMessaging.send'],
  [FAQ.assignRoles]: ['`AuthGroup.IntegrationDeveloper`', '`AuthGroup.Administrator`', 'customer'],
  [FAQ.contactOperations]: ['`LOD-HCI-PI-OPS`'],
  [FAQ.caSignedMandatory]: ['Inbound', 'Outbound', 'self-signed', 'CA-signed', 'Message-level'],
  [FAQ.approvedCas]: ['root', 'load balancer'],
  [FAQ.wildcardCn]: ['`*`', 'Common Name', 'complete host name', 'client-certificate authentication', 'outbound HTTPS'],
  [FAQ.selfSignedClientAuth]: ['inbound', 'refused', 'outbound', 'base certificate'],
  [FAQ.selfSignedMessageLevel]: ['self-signed', 'CA-signed', 'signing', 'encrypting'],
  [FAQ.keystoreOwner]: ['self-service', 'SAP', 'keystore'],
  [FAQ.messageLevelProcedure]: ['PGP', 'X.509', 'keystore', 'self-service', 'provisioned'],
  [FAQ.sftpSmtpPorts]: [/\b22\b/, /\b25\b/, /\b465\b/, /\b587\b/, 'SFTP', 'SMTP'],
  [FAQ.httpPorts]: [/\b443\b/, /\b1024\b/],
  [FAQ.ipAllowlist]: ['region', 'virtual system landscapes'],
  [FAQ.dataCenters]: ['Trust Center'],
  [FAQ.cloudConnector]: ['reverse proxy', 'tunnel', 'not mandatory', 'Web Dispatcher', '`sapcc`', '`http://`'],
};

describe('knowledge: FAQ', () => {
  it('covers every section of the seed FAQ, in its order', function () {
    const seed = readSeed();
    const expected = seed === undefined ? Object.values(FAQ) : seedSectionIds(seed);
    assert.equal(expected.length, 16);
    assert.deepEqual(
      FAQ_ENTRIES.map((faq) => faq.id),
      expected,
    );
    // The catalogue's constants name the same sections.
    assert.deepEqual(new Set(Object.values(FAQ)), new Set(expected));
  });

  it('has non-empty fields, a known category and its own help link', () => {
    const categories = new Set(['users-and-roles', 'certificates', 'network-and-ports', 'connectivity', 'support-and-landscape']);
    for (const faq of FAQ_ENTRIES) {
      assert.ok(faq.question.trim().length > 10, faq.id);
      assert.ok(faq.answer.trim().length > 40, faq.id);
      assert.ok(categories.has(faq.category), faq.id);
      assert.ok(faq.helpUrl.endsWith(`__${faq.id}`), faq.id);
      assert.equal(faqEntry(faq.id), faq);
    }
    assert.equal(faqEntry('section_nope'), undefined);
  });

  it('states the key facts of each answer', () => {
    for (const faq of FAQ_ENTRIES) {
      const facts = KEY_FACTS[faq.id];
      assert.ok(facts !== undefined, `no key facts listed for ${faq.id}`);
      for (const fact of facts) {
        const found = typeof fact === 'string' ? faq.answer.includes(fact) : fact.test(faq.answer);
        assert.ok(found, `${faq.id} should mention ${String(fact)}`);
      }
    }
  });

  it('relates only to known rules, and every rule appears under the FAQ sections the catalogue gives it', () => {
    for (const faq of FAQ_ENTRIES) {
      for (const id of faq.relatedRules) assert.ok(isRuleId(id), `${faq.id}: unknown rule ${id}`);
      assert.equal(new Set(faq.relatedRules).size, faq.relatedRules.length, `${faq.id}: duplicate rule`);
    }
    for (const rule of RULES) {
      for (const section of rule.faq) {
        assert.ok(faqEntry(section)?.relatedRules.includes(rule.id), `${section} should list ${rule.id}`);
      }
    }
  });

  it('links the pages the seed names, by their loio', function () {
    const seed = readSeed();
    if (seed === undefined) this.skip();
    const loios = (text: string): Set<string> => new Set([...text.matchAll(/([0-9a-f]{32})\.html/g)].map((m) => m[1] as string));
    for (const faq of FAQ_ENTRIES) {
      const section = seedSection(seed, faq.id);
      const seedLoios = loios(section);
      const ours = loios(faq.links.map((link) => link.url).join(' '));
      for (const loio of seedLoios) assert.ok(ours.has(loio), `${faq.id} should link ${loio}`);
      // Relative links in the seed carry the first 7 hex digits of the loio.
      for (const short of section.matchAll(/-([0-9a-f]{7})\.md[\s)]/g)) {
        assert.ok(
          [...ours].some((loio) => loio.startsWith(short[1] as string)),
          `${faq.id} should link ${short[1]}`,
        );
      }
    }
  });

  it('says it in its own words: no run of 8 words is copied from the seed (FAQ, rule docs, key notes)', function () {
    const seed = readSeed();
    if (seed === undefined) this.skip();
    const seedRuns = shingles(seed, 8);
    assert.ok(seedRuns.size > 100, 'seed parsed into word runs');
    for (const faq of FAQ_ENTRIES) {
      assert.deepEqual(sharedRuns(`${faq.question}\n${faq.answer}`, seedRuns, 8), [], faq.id);
    }
    for (const entry of RULE_DOCS) {
      assert.deepEqual(sharedRuns([entry.what, entry.why, entry.fix].join('\n'), seedRuns, 8), [], entry.ruleId);
    }
    for (const [name, note] of Object.entries(keyExplanations)) {
      assert.deepEqual(sharedRuns(note.summary, seedRuns, 8), [], name);
    }
    // The check itself would notice a copied sentence.
    const copied = 'The customer has full control on giving permissions to users on a tenant.';
    assert.notDeepEqual(sharedRuns(copied, seedRuns, 8), []);
  });

  it('renders each answer as markdown with its links and a notice for unknown ids', () => {
    for (const faq of FAQ_ENTRIES) {
      const markdown = renderFaqMarkdown(faq.id);
      assert.ok(markdown.startsWith(`# ${faq.question}`), faq.id);
      assert.ok(markdown.includes(faq.answer), faq.id);
      assert.ok(markdown.includes(`](${faq.helpUrl})`), faq.id);
      for (const link of faq.links) assert.ok(markdown.includes(`[${link.title}](${link.url})`), faq.id);
      for (const id of faq.relatedRules) assert.ok(markdown.includes(`\`${id}\``), faq.id);
    }
    assert.ok(renderFaqMarkdown(FAQ.httpPorts, { headingLevel: 3 }).startsWith('### '));
    assert.match(renderFaqMarkdown('section_unknown'), /not a section/);
  });
});

function seedSection(seed: string, id: string): string {
  const start = seed.indexOf(`__${id}"`);
  assert.ok(start >= 0, `seed has ${id}`);
  const next = seed.indexOf('<a name="loio', start + 1);
  return seed.slice(start, next < 0 ? undefined : next);
}
