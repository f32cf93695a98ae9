import * as assert from 'node:assert/strict';
import { SLOW_ANALYSIS_MS, statusView, type Translate } from '../../client/src/status/status-text';

// Like vscode.l10n.t without a bundle: fills {0}, {1}, ...
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
const time = (epochMs: number) => `T${epochMs}`;
const STATUS = { files: 4, findings: 13, lastDurationMs: 120.4, lastFinishedAt: 99 };

describe('client: status text', () => {
  it('says the number counts the workspace after a scan, with the open file apart', () => {
    const view = statusView({ total: 42, file: 4, scanned: true, status: STATUS }, t, time);
    assert.equal(view.text, '42 findings in workspace');
    assert.equal(view.detail, 'this file: 4 findings · last run T99 · took 120 ms');
    assert.equal(view.slow, false);
  });

  it('before a scan, counts the analysed files and says how to count them all', () => {
    const view = statusView({ total: 13, scanned: false, status: STATUS }, t, time);
    assert.equal(view.text, '13 findings in analysed files');
    assert.ok(view.detail.startsWith('run Scan Workspace for all files'), view.detail);
    assert.ok(!view.detail.includes('this file'));
  });

  it('uses the singular for one', () => {
    const view = statusView({ total: 1, file: 1, scanned: true }, t, time);
    assert.equal(view.text, '1 finding in workspace');
    assert.equal(view.detail, 'this file: 1 finding');
  });

  it('marks an analysis over a second as slow', () => {
    assert.equal(statusView({ total: 0, scanned: true, status: { ...STATUS, lastDurationMs: SLOW_ANALYSIS_MS } }, t, time).slow, false);
    const slow = statusView({ total: 0, scanned: true, status: { ...STATUS, lastDurationMs: SLOW_ANALYSIS_MS + 1 } }, t, time);
    assert.equal(slow.slow, true);
    assert.ok(slow.detail.includes('slow'));
  });
});
