import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleMeta } from '@cpi/common/rules/catalogue';
import { guidelineText, renderRuleMarkdown } from '@cpi/common/knowledge/rule-docs';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { iflowHover } from '../../server/src/core/explain/hover';
import { ruleCase } from '../support/fixture-cases';

// SAP's Integration Suite design guidelines, by the ids the tenant's
// design-guideline check reports: the rules that match one carry it, the
// others say that none matches.

/** The guideline ids SAP's check knows that our rules may carry. */
const KNOWN_GUIDELINES = new Set([
  'USE_SECURE_PROTOCOLS',
  'USE_SECURE_AUTHENTICATION_METHODS',
  'USE_CSRF_PROTECTION',
  'COMMON_ROLE_FOR_SENDER_AUTHORIZATION',
  'SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES',
  'EVAL_USAGE_CHECK',
  'AVOID_CREATING_MPL_ATTACHMENTS',
  'AVOID_ACCESSING_SECURE_PARAMETER',
]);

/** The iFlow rules and the guideline each matches (cleartext transport, weak or missing authentication, CSRF, generic role). */
const IFLOW_GUIDELINES: Record<string, string> = {
  'cleartext-http-endpoint': 'USE_SECURE_PROTOCOLS',
  'amqp-without-tls': 'USE_SECURE_PROTOCOLS',
  'mail-unencrypted': 'USE_SECURE_PROTOCOLS',
  'mail-starttls-optional': 'USE_SECURE_PROTOCOLS',
  'client-cert-over-http': 'USE_SECURE_PROTOCOLS',
  'receiver-auth-none': 'USE_SECURE_AUTHENTICATION_METHODS',
  'cleartext-basic-auth': 'USE_SECURE_AUTHENTICATION_METHODS',
  'mail-cleartext-password': 'USE_SECURE_AUTHENTICATION_METHODS',
  'csrf-protection-disabled': 'USE_CSRF_PROTECTION',
  'generic-sender-role': 'COMMON_ROLE_FOR_SENDER_AUTHORIZATION',
};

/** The script rules and their guideline, as SCRIPT-RULES.md assigns them. */
const SCRIPT_GUIDELINES: Record<string, string> = {
  'script-credential-in-message': 'AVOID_ACCESSING_SECURE_PARAMETER',
  'script-xxe': 'SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES',
  'script-eval': 'EVAL_USAGE_CHECK',
  'script-mpl-attachment': 'AVOID_CREATING_MPL_ATTACHMENTS',
  'script-cleartext-url': 'USE_SECURE_PROTOCOLS',
};

/** Rules about things the design-guideline check never sees or does not cover: certificates, ports, tenant material. */
const WITHOUT_GUIDELINE = [
  'cert-expired',
  'smtp-port-25',
  'oauth-token-url-cleartext',
  'onpremise-https-address',
  'sftp-deprecated-algorithms',
  // scripts: SAP's general scripting advice, but no guideline id of the check
  'script-hardcoded-secret',
  'script-secret-logged',
  'script-logs-all-headers',
  'script-tls-verification-off',
];

describe('SAP design guidelines', () => {
  it('gives the matching iFlow and script rules their guideline id', () => {
    for (const [id, guideline] of Object.entries({ ...IFLOW_GUIDELINES, ...SCRIPT_GUIDELINES }))
      assert.equal(ruleMeta(id)?.guideline, guideline, id);
    for (const id of WITHOUT_GUIDELINE) assert.equal(ruleMeta(id)?.guideline, undefined, id);
  });

  it("uses only ids of SAP's design-guideline check", () => {
    for (const meta of RULES)
      if (meta.guideline !== undefined) assert.ok(KNOWN_GUIDELINES.has(meta.guideline), `${meta.id}: ${meta.guideline}`);
  });

  it('names the guideline on the rule page, or says that none matches', () => {
    for (const meta of RULES) {
      const page = renderRuleMarkdown(meta.id);
      if (meta.guideline) {
        assert.ok(page.includes(`SAP design guideline: \`${meta.guideline}\``), meta.id);
        assert.ok(!page.includes('No matching SAP design guideline'), meta.id);
      } else {
        assert.ok(page.includes('No matching SAP design guideline'), meta.id);
      }
    }
    assert.equal(guidelineText({}), 'No matching SAP design guideline');
  });

  it('shows the guideline in the hover of a finding', () => {
    const folder = ruleCase('cleartext-http-endpoint', 'positive-literal');
    const uri = 'file:///guideline/Partner%20Orders.iflw';
    const iflow = parseIflow(uri, readFileSync(join(folder, 'Partner Orders.iflw'), 'utf8'));
    const { findings } = analyseArtifact({ iflows: [iflow], config: DEFAULT_CONFIG });
    const finding = findings.find((candidate) => candidate.ruleId === 'cleartext-http-endpoint');
    assert.ok(finding, 'the fixture has a cleartext-http-endpoint finding');
    const hover = iflowHover(iflow, undefined, findings, finding.range.start, { explainRule: 'explain', openFaq: 'faq' });
    assert.ok(hover?.markdown.includes('guideline `USE_SECURE_PROTOCOLS`'), hover?.markdown);
  });
});
