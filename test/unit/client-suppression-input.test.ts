import * as assert from 'node:assert/strict';
import { expiryProblem, expiryValue, reasonProblem } from '../../client/src/suppress/suppression-input';

// Local noon, so the calendar day is 2027-03-15 in every time zone.
const TODAY = new Date(2027, 2, 15, 12, 0, 0);

describe('client: suppression input', () => {
  it('requires a reason that is not blank', () => {
    assert.ok(reasonProblem('') !== undefined);
    assert.ok(reasonProblem('   \t') !== undefined);
    assert.equal(reasonProblem('Partner has no TLS until Q3'), undefined);
  });

  it('accepts an empty expiry (never expires) and stores nothing then', () => {
    assert.equal(expiryProblem('', TODAY), undefined);
    assert.equal(expiryProblem('  ', TODAY), undefined);
    assert.equal(expiryValue('  '), undefined);
  });

  it('accepts today and later days written YYYY-MM-DD', () => {
    assert.equal(expiryProblem('2027-03-15', TODAY), undefined);
    assert.equal(expiryProblem('2027-06-30', TODAY), undefined);
    assert.equal(expiryProblem(' 2028-02-29 ', TODAY), undefined);
    assert.equal(expiryValue(' 2028-02-29 '), '2028-02-29');
  });

  it('rejects other formats and days that do not exist', () => {
    for (const text of ['30.06.2027', '2027-6-30', '2027/06/30', '2027-02-30', '2027-13-01', '2027-06-30T00:00', 'tomorrow']) {
      assert.ok(expiryProblem(text, TODAY)?.includes('YYYY-MM-DD'), text);
    }
  });

  it('rejects days in the past', () => {
    const problem = expiryProblem('2027-03-14', TODAY);
    assert.ok(problem !== undefined && !problem.includes('YYYY-MM-DD'), String(problem));
  });
});
