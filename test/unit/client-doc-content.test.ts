import * as assert from 'node:assert/strict';
import { FAQ_ENTRIES } from '@cpi/common/knowledge/faq';
import { docMarkdown, linkRules } from '../../client/src/docs/doc-content';
import { DOCS_SCHEME, parseDocPath } from '../../client/src/docs/doc-uri';

// FAQ pages in the Markdown preview: the rules that check an answer link to
// their explanation pages, the same pages "Explain Rule" opens.

describe('client: documentation pages', () => {
  it('links every rule id listed on an FAQ page to its explanation', () => {
    const faq = FAQ_ENTRIES.find((entry) => entry.relatedRules.length > 0)!;
    const markdown = docMarkdown({ kind: 'faq', id: faq.id });
    for (const id of faq.relatedRules) {
      const link = new RegExp(`^- \\[\`${id}\`\\]\\(${DOCS_SCHEME}:(/rule/[^)]+)\\)`, 'm').exec(markdown);
      assert.ok(link, `${id} is a link:\n${markdown}`);
      assert.deepEqual(parseDocPath(link[1]), { kind: 'rule', id });
    }
  });

  it('leaves unknown ids and other lists alone', () => {
    assert.equal(linkRules('- `no-such-rule`: x\n- `httpAddressWithoutQuery`'), '- `no-such-rule`: x\n- `httpAddressWithoutQuery`');
  });
});
