import * as assert from 'node:assert/strict';
import { SLOW_ANALYSIS_MS, statusView, type Translate } from '../../client/src/status/status-text';

// Like vscode.l10n.t without a bundle: fills {0}, {1}, ...
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
const time = (epochMs: number) => `T${epochMs}`;

describe('client: status text', () => {
  it('shows findings, files, last run and duration', () => {
    const view = statusView({ files: 3, findings: 7, lastDurationMs: 120.4, lastFinishedAt: 99 }, t, time);
    assert.equal(view.text, '7 findings');
    assert.equal(view.detail, '3 files analysed · last run T99 · took 120 ms');
    assert.equal(view.slow, false);
  });

  it('uses the singular for one', () => {
    const view = statusView({ files: 1, findings: 1, lastDurationMs: 5 }, t, time);
    assert.equal(view.text, '1 finding');
    assert.ok(view.detail.startsWith('1 file analysed'));
    assert.ok(!view.detail.includes('last run'));
  });

  it('marks an analysis over a second as slow', () => {
    assert.equal(statusView({ files: 1, findings: 0, lastDurationMs: SLOW_ANALYSIS_MS }, t, time).slow, false);
    const slow = statusView({ files: 1, findings: 0, lastDurationMs: SLOW_ANALYSIS_MS + 1 }, t, time);
    assert.equal(slow.slow, true);
    assert.ok(slow.detail.includes('slow'));
  });
});
