import * as assert from 'node:assert/strict';
import { FAQ_ENTRIES } from '@cpi/common/knowledge/faq';
import { RULES } from '@cpi/common/rules/catalogue';
import { docMarkdown, docTitle } from '../../client/src/docs/doc-content';
import { docPath, parseDocPath } from '../../client/src/docs/doc-uri';

describe('client: documentation page addresses', () => {
  it('round-trips every rule and FAQ id, with and without a title', () => {
    for (const rule of RULES) {
      assert.deepEqual(parseDocPath(docPath({ kind: 'rule', id: rule.id })), { kind: 'rule', id: rule.id });
    }
    for (const faq of FAQ_ENTRIES) {
      const ref = { kind: 'faq' as const, id: faq.id };
      const path = docPath(ref, faq.question);
      assert.ok(path.endsWith('.md'), path);
      assert.ok(!path.slice(1).split('/').slice(2).join('/').includes('/'), `title adds no segment: ${path}`);
      assert.deepEqual(parseDocPath(path), ref);
    }
  });

  it('names rule pages after the rule and FAQ pages after the question', () => {
    assert.equal(docPath({ kind: 'rule', id: 'cert-expired' }), '/rule/cert-expired.md');
    assert.equal(
      docPath({ kind: 'faq', id: 'section_x' }, 'What is SAP Cloud Connector?'),
      '/faq/section_x/What is SAP Cloud Connector.md',
    );
    const long = docPath({ kind: 'faq', id: 'section_y' }, 'Who can add users to a new Cloud Integration tenant, and how?');
    assert.ok(long.endsWith('….md') && long.length < 80, long);
  });

  it('keeps slashes and other path characters of a title out of the path', () => {
    const path = docPath({ kind: 'faq', id: 'section_z' }, 'SFTP/SMTP: which ports?');
    assert.deepEqual(parseDocPath(path), { kind: 'faq', id: 'section_z' });
  });

  it('rejects anything that is not a page', () => {
    for (const path of [
      '',
      '/',
      '/rule',
      '/rule/',
      '/rule/x',
      '/rule/.md',
      '/other/x.md',
      '/faq/a/b/c.md',
      '/faq/a/b',
      '/rule/a b.md',
      '/rule/%E0%A4%A.md',
    ]) {
      assert.equal(parseDocPath(path), undefined, path);
    }
  });

  it('serves the rendered markdown and a title for known pages', () => {
    const rule = RULES[0];
    assert.ok(docMarkdown({ kind: 'rule', id: rule.id }).includes(`\`${rule.id}\``));
    assert.equal(docTitle({ kind: 'rule', id: rule.id }), rule.title);
    const faq = FAQ_ENTRIES[0];
    assert.ok(docMarkdown({ kind: 'faq', id: faq.id }).startsWith(`# ${faq.question}`));
    assert.equal(docTitle({ kind: 'faq', id: 'nope' }), undefined);
  });
});
