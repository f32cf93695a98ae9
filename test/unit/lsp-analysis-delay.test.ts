import * as assert from 'node:assert/strict';
import { AnalysisDelay, QUICK_READ_CHARS, QUICK_SCRIPT_CHARS, TYPING_PAUSE_MS } from '../../server/src/lsp/analysis-delay';

describe('lsp: AnalysisDelay', () => {
  it('analyses at once until an analysis of the artifact reads much whole, then waits for a pause in the typing', () => {
    const delay = new AnalysisDelay();
    assert.equal(delay.afterEdit('file:///a'), 0, 'nothing known yet');
    delay.analysed('file:///a', QUICK_READ_CHARS);
    assert.equal(delay.afterEdit('file:///a'), 0);
    delay.analysed('file:///a', QUICK_READ_CHARS + 1);
    assert.equal(delay.afterEdit('file:///a'), TYPING_PAUSE_MS);
    assert.equal(delay.afterEdit('file:///b'), 0, 'each artifact by its own analyses');
    delay.analysed('file:///a', 3);
    assert.equal(delay.afterEdit('file:///a'), 0, 'read in part again');
  });

  it('keeps a fixed delay whatever the analyses read; ignores one that is not a finite, non-negative number', () => {
    const delay = new AnalysisDelay();
    delay.setFixed(Number.NaN);
    delay.setFixed(-5);
    delay.analysed('file:///a', 5_000_000);
    assert.equal(delay.afterEdit('file:///a'), TYPING_PAUSE_MS);
    delay.setFixed(0);
    assert.equal(delay.afterEdit('file:///a'), 0);
    delay.setFixed(4000);
    delay.analysed('file:///a', 1);
    assert.equal(delay.afterEdit('file:///a'), 4000);
  });

  it('scripts, read whole with their rules on every edit, wait for a pause from a smaller size on', () => {
    const delay = new AnalysisDelay(QUICK_SCRIPT_CHARS);
    assert.ok(QUICK_SCRIPT_CHARS < QUICK_READ_CHARS);
    delay.analysed('file:///s.groovy', 220_000); // a 5,000-line script
    assert.equal(delay.afterEdit('file:///s.groovy'), 0);
    delay.analysed('file:///s.groovy', QUICK_SCRIPT_CHARS + 1);
    assert.equal(delay.afterEdit('file:///s.groovy'), TYPING_PAUSE_MS);
  });
});
