import * as assert from 'node:assert/strict';
import { RULES, ruleMeta } from '@cpi/common/rules/catalogue';
import {
  asSeveritySetting,
  groupRules,
  RULE_SECTIONS,
  ruleContextValue,
  ruleRows,
  rulesMatching,
} from '../../client/src/rules/rules-model';

describe('client: rules tree model', () => {
  it('shows every catalogue rule with its default severity when the server has not answered', () => {
    const rows = ruleRows(RULES, undefined);
    assert.equal(rows.length, RULES.length);
    for (const row of rows) {
      assert.equal(row.severity, ruleMeta(row.id)?.defaultSeverity);
      assert.equal(row.origin, 'default');
    }
  });

  it('takes severity and origin from the server answer', () => {
    const rows = ruleRows(RULES, [
      { id: 'smtp-port-25', severity: 'off', origin: 'configuration' },
      { id: 'cert-expired', severity: 'warning', origin: 'settings' },
    ]);
    const smtp = rows.find((row) => row.id === 'smtp-port-25');
    assert.deepEqual([smtp?.severity, smtp?.origin, smtp?.defaultSeverity], ['off', 'configuration', 'information']);
    assert.equal(rows.find((row) => row.id === 'cert-expired')?.origin, 'settings');
    assert.equal(rows.find((row) => row.id === 'cleartext-basic-auth')?.severity, 'error');
  });

  it('groups by section in catalogue order and narrows to given ids', () => {
    const rows = ruleRows(RULES, undefined);
    const all = groupRules(rows);
    const withRules = RULE_SECTIONS.filter((section) => RULES.some((rule) => rule.section === section.id));
    assert.deepEqual(
      all.map((group) => group.section),
      withRules.map((section) => section.id),
    );
    assert.equal(
      all.reduce((sum, group) => sum + group.rules.length, 0),
      RULES.length,
    );
    const only = groupRules(rows, new Set(['cert-expired', 'smtp-port-25']));
    assert.deepEqual(
      only.map((group) => [group.section, group.rules.map((row) => row.id)]),
      [
        ['network', ['smtp-port-25']],
        ['certificates', ['cert-expired']],
      ],
    );
    assert.deepEqual(groupRules(rows, new Set()), []);
  });

  it('gives menus a context value naming severity and whether it was changed', () => {
    const [row] = ruleRows(RULES, [{ id: RULES[0].id, severity: 'off', origin: 'configuration' }]);
    assert.equal(ruleContextValue(row), 'rule.off.changed');
    assert.equal(ruleContextValue(ruleRows(RULES, undefined)[0]), `rule.${RULES[0].defaultSeverity}`);
  });

  it('accepts only the five severity settings', () => {
    assert.equal(asSeveritySetting('hint'), 'hint');
    assert.equal(asSeveritySetting('off'), 'off');
    assert.equal(asSeveritySetting('info'), undefined);
    assert.equal(asSeveritySetting(1), undefined);
  });

  it('searches rules by words of their id or title', () => {
    const rows = ruleRows(RULES, undefined);
    const certificateRules = rulesMatching(rows, 'cert');
    assert.ok(certificateRules.includes('cert-expired') && certificateRules.includes('inbound-cert-self-signed'));
    assert.ok(!certificateRules.includes('smtp-port-25'));
    assert.deepEqual(rulesMatching(rows, 'SMTP 25'), ['smtp-port-25']);
    assert.deepEqual(rulesMatching(rows, 'no rule has this word'), []);
    assert.equal(rulesMatching(rows, '  ').length, RULES.length);
  });
});
