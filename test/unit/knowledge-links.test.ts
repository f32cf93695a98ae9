import * as assert from 'node:assert/strict';
import { RULES } from '@cpi/common/rules/catalogue';
import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import { FAQ_ENTRIES } from '@cpi/common/knowledge/faq';
import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { RULE_DOCS, renderFaqMarkdown, renderRuleMarkdown } from '@cpi/common/knowledge/rule-docs';

// Every link the knowledge base hands out is a well-formed https URL, and
// every SAP Help page id is one that was checked (listed in SAP_PAGES).

const FAQ_LOIO = '58ff94fc64784e3d9e53f357f08a0bce';
const HELP_PAGE = /^\/docs\/CLOUD_INTEGRATION\/368c481cd6954bdfa5d0435479fd4eaf\/([0-9a-f]{32})\.html$/;
const VERIFIED = new Set(
  Object.values(SAP_PAGES)
    .map((page) => HELP_PAGE.exec(safeUrl(page.url)?.pathname ?? '')?.[1])
    .filter((loio): loio is string => loio !== undefined),
);

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function assertLink(text: string, where: string): void {
  const url = safeUrl(text);
  assert.ok(url !== undefined, `${where}: not a URL: ${text}`);
  assert.equal(url.protocol, 'https:', `${where}: ${text}`);
  assert.equal(url.toString(), text, `${where}: not in normal form: ${text}`);
  if (url.hostname !== 'help.sap.com') return;
  const match = HELP_PAGE.exec(url.pathname);
  assert.ok(match !== null, `${where}: unexpected SAP Help path ${url.pathname}`);
  assert.equal(url.search, '?version=Cloud', `${where}: ${text}`);
  const loio = match[1] as string;
  if (loio === FAQ_LOIO) {
    assert.match(url.hash, new RegExp(`^#loio${FAQ_LOIO}__section_[a-z0-9_]+$`), `${where}: ${text}`);
    assert.ok(Object.values(FAQ).includes(url.hash.split('__')[1] as never), `${where}: unknown FAQ section`);
  } else {
    assert.equal(url.hash, '', `${where}: ${text}`);
    assert.ok(VERIFIED.has(loio), `${where}: loio ${loio} is not among the checked pages`);
  }
}

describe('knowledge: links', () => {
  it('lists only well-formed, distinct SAP pages', () => {
    const urls = Object.values(SAP_PAGES).map((page) => page.url);
    assert.equal(new Set(urls).size, urls.length);
    for (const [name, page] of Object.entries(SAP_PAGES)) {
      assertLink(page.url, name);
      assert.ok(page.title.length > 0, name);
    }
    assert.ok(VERIFIED.size >= 25);
  });

  it('gives every rule a help link to a checked page or to its FAQ answer', () => {
    for (const rule of RULES) {
      assertLink(rule.helpUrl, rule.id);
      const onFaq = rule.helpUrl.includes(`/${FAQ_LOIO}.html`);
      if (onFaq) assert.equal(rule.helpUrl, faqUrl(rule.faq[0] as string), rule.id);
    }
    // The pages named in the catalogue's source column were found for these.
    const onPage = RULES.filter((rule) => !rule.helpUrl.includes(FAQ_LOIO)).map((rule) => rule.id);
    for (const id of [
      'smtp-port-25',
      'csrf-protection-disabled',
      'sftp-deprecated-algorithms',
      'allowed-headers-wildcard',
      'weak-message-crypto',
    ]) {
      assert.ok(onPage.includes(id), id);
    }
  });

  it('uses well-formed links in FAQ entries, rule docs and rendered pages', () => {
    for (const faq of FAQ_ENTRIES) {
      assertLink(faq.helpUrl, faq.id);
      for (const link of faq.links) assertLink(link.url, faq.id);
    }
    for (const entry of RULE_DOCS) for (const page of entry.sapPages) assertLink(page.url, entry.ruleId);
    const pages = [...RULES.map((rule) => renderRuleMarkdown(rule.id)), ...FAQ_ENTRIES.map((faq) => renderFaqMarkdown(faq.id))];
    let count = 0;
    for (const markdown of pages) {
      for (const match of markdown.matchAll(/\]\((\S+?)\)/g)) {
        assertLink(match[1] as string, 'rendered markdown');
        count++;
      }
    }
    assert.ok(count > 60);
  });

  it('rejects what it should reject', () => {
    assert.throws(() => assertLink('http://help.sap.com/docs/x', 't'));
    assert.throws(() => assertLink(faqUrl('section_zz'), 't'), /unknown FAQ section/);
    assert.throws(
      () =>
        assertLink(
          'https://help.sap.com/docs/CLOUD_INTEGRATION/368c481cd6954bdfa5d0435479fd4eaf/0123456789abcdef0123456789abcdef.html?version=Cloud',
          't',
        ),
      /checked pages/,
    );
  });
});
