import * as assert from 'node:assert/strict';
import { AnalysisDelay, QUICK_ANALYSIS_MS, TYPING_PAUSE_MS } from '../../server/src/lsp/analysis-delay';

describe('lsp: AnalysisDelay', () => {
  it('analyses at once until an analysis of the artifact is slow, then waits for a pause in the typing', () => {
    const delay = new AnalysisDelay();
    assert.equal(delay.afterEdit('file:///a'), 0, 'nothing known yet');
    delay.analysed('file:///a', QUICK_ANALYSIS_MS);
    assert.equal(delay.afterEdit('file:///a'), 0);
    delay.analysed('file:///a', QUICK_ANALYSIS_MS + 1);
    assert.equal(delay.afterEdit('file:///a'), TYPING_PAUSE_MS);
    assert.equal(delay.afterEdit('file:///b'), 0, 'each artifact by its own analyses');
    delay.analysed('file:///a', 3);
    assert.equal(delay.afterEdit('file:///a'), 0, 'quick again');
  });

  it('keeps a fixed delay whatever the analyses take; ignores one that is not a finite, non-negative number', () => {
    const delay = new AnalysisDelay();
    delay.setFixed(Number.NaN);
    delay.setFixed(-5);
    delay.analysed('file:///a', 1000);
    assert.equal(delay.afterEdit('file:///a'), TYPING_PAUSE_MS);
    delay.setFixed(0);
    assert.equal(delay.afterEdit('file:///a'), 0);
    delay.setFixed(4000);
    delay.analysed('file:///a', 1);
    assert.equal(delay.afterEdit('file:///a'), 4000);
  });
});
