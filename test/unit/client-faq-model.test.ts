import * as assert from 'node:assert/strict';
import { FAQ_ENTRIES } from '@cpi/common/knowledge/faq';
import type { FaqEntry } from '@cpi/common/knowledge/types';
import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import { buildFaqTree, FAQ_CATEGORIES, matchesFilter, visibleQuestions } from '../../client/src/faq/faq-model';

function entry(id: string, question: string, overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id,
    question,
    answer: 'Some answer.',
    category: 'certificates',
    source: 'sap-faq',
    helpUrl: faqUrl(id),
    relatedRules: [],
    iflowKeys: [],
    links: [],
    ...overrides,
  };
}

describe('client: FAQ tree model', () => {
  it('holds every FAQ entry exactly once, under a known category, without a filter', () => {
    const tree = buildFaqTree(FAQ_ENTRIES);
    const ids = visibleQuestions(tree).map((question) => question.entry.id);
    assert.equal(ids.length, FAQ_ENTRIES.length);
    assert.deepEqual([...ids].sort(), FAQ_ENTRIES.map((faq) => faq.id).sort());
    const known = new Set(FAQ_CATEGORIES.map((category) => category.id));
    for (const category of tree) {
      assert.ok(known.has(category.category), `category ${category.category} has no title`);
      for (const question of category.questions) assert.equal(question.entry.category, category.category);
    }
  });

  it('orders categories as FAQ_CATEGORIES and keeps source order inside a category', () => {
    const tree = buildFaqTree(FAQ_ENTRIES);
    const order = FAQ_CATEGORIES.map((category) => category.id);
    const positions = tree.map((category) => order.indexOf(category.category));
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
    const certificates = tree.find((category) => category.category === 'certificates');
    assert.deepEqual(
      certificates?.questions.map((question) => question.entry.id),
      FAQ_ENTRIES.filter((faq) => faq.category === 'certificates').map((faq) => faq.id),
    );
  });

  it('filters by every word, case-insensitively, across question, answer, rule ids and iFlow keys', () => {
    const sample = entry('s1', 'Which ports are open?', {
      answer: 'Port 443 for HTTPS.',
      relatedRules: ['outbound-port-not-open'],
      iflowKeys: ['locationID'],
    });
    assert.ok(matchesFilter(sample, 'PORTS open'));
    assert.ok(matchesFilter(sample, '443'));
    assert.ok(matchesFilter(sample, 'outbound-port'));
    assert.ok(matchesFilter(sample, 'locationid'));
    assert.ok(matchesFilter(sample, '   '));
    assert.ok(!matchesFilter(sample, 'ports wildcard'));
  });

  it('matches whole words only: "port" is not found in "transport" or "Support"', () => {
    const transport = entry('t1', 'Is transport encrypted?', { answer: 'Support for TLS 1.2 is required.' });
    assert.ok(!matchesFilter(transport, 'port'));
    assert.ok(!matchesFilter(transport, 'crypt'));
    assert.ok(matchesFilter(transport, 'transport'));
    assert.ok(matchesFilter(transport, 'tls 1.2'));
    assert.ok(matchesFilter(entry('t2', 'Which port?', { answer: 'Ports 22 and 443.' }), 'port'));
    assert.ok(!matchesFilter(entry('t3', 'Open (a+b)?'), 'a+'), 'filter text is not a pattern');
  });

  it('drops categories without a match and finds the SFTP/SMTP ports answer by "SFTP"', () => {
    const tree = buildFaqTree(FAQ_ENTRIES, 'sftp');
    assert.ok(tree.length > 0 && tree.length < buildFaqTree(FAQ_ENTRIES).length);
    for (const category of tree) assert.ok(category.questions.length > 0);
    assert.ok(visibleQuestions(tree).some((question) => question.entry.id === FAQ.sftpSmtpPorts));
  });

  it('returns an empty tree when nothing matches', () => {
    assert.deepEqual(buildFaqTree(FAQ_ENTRIES, 'no-such-word-anywhere-xyz'), []);
  });

  it('still shows entries of a category it has no title for, after the known ones', () => {
    const odd = entry('odd', 'Odd one', { category: 'future-topic' as FaqEntry['category'] });
    const tree = buildFaqTree([odd, entry('c1', 'Certificates?')]);
    assert.deepEqual(
      tree.map((category) => category.category),
      ['certificates', 'future-topic'],
    );
    assert.equal(tree[1].label, 'future-topic');
  });
});
