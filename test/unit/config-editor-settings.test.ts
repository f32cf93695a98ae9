import * as assert from 'node:assert/strict';
import { withEditorSettings } from '../../server/src/core/config/editor-settings';
import { parseConfig } from '../../server/src/core/config/parse';

describe('config: withEditorSettings', () => {
  const base = parseConfig(
    '{ "rules": { "smtp-port-25": "off", "cert-weak-key": "warning" }, "openedPorts": [2222], "expiryWarningDays": 5 }',
    'file:///ws/.cpisecurity.json',
  ).config;

  it('lets editor severities win and adds editor ports', () => {
    const merged = withEditorSettings(base, { rules: { 'smtp-port-25': 'error', 'cert-expired': 'hint' }, openedPorts: [8443, 2222] });
    assert.deepEqual(Object.fromEntries(merged.rules), { 'smtp-port-25': 'error', 'cert-weak-key': 'warning', 'cert-expired': 'hint' });
    assert.deepEqual(
      [...merged.openedPorts].sort((a, b) => a - b),
      [2222, 8443],
    );
    assert.equal(merged.expiryWarningDays, 5);
    assert.equal(merged.root, base.root);
  });

  it('ignores unknown ids, invalid severities and invalid ports', () => {
    const merged = withEditorSettings(base, {
      rules: { 'no-such-rule': 'error', 'cert-weak-key': 'fatal', 'cert-expired': 42 as unknown as string },
      openedPorts: [0, 70000, 1.5, '22' as unknown as number, 22],
    });
    assert.deepEqual(Object.fromEntries(merged.rules), { 'smtp-port-25': 'off', 'cert-weak-key': 'warning' });
    assert.deepEqual([...merged.openedPorts], [2222, 22]);
  });

  it('survives settings of the wrong shape and does not change its input', () => {
    const merged = withEditorSettings(base, {
      rules: ['x'] as unknown as Record<string, string>,
      openedPorts: 'all' as unknown as number[],
    });
    assert.deepEqual(Object.fromEntries(merged.rules), Object.fromEntries(base.rules));
    assert.equal(withEditorSettings(base, undefined).openedPorts.size, 1);
    withEditorSettings(base, { rules: { 'smtp-port-25': 'hint' }, openedPorts: [1] });
    assert.equal(base.rules.get('smtp-port-25'), 'off');
    assert.equal(base.openedPorts.has(1), false);
  });
});
