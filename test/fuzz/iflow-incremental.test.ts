import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters, updateParsedIflow, type ParsedIflow } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { FIXTURE_TODAY } from '../support/fixture-cases';
import { withinBudget } from './support/budget';
import { mutatedIflow, realisticIflow } from './support/iflow-arbitraries';
import { TRICKY_PIECES } from './support/mutations';
import { checkIflowModel, iflowSnapshot } from './support/invariants';
import { fuzzParameters, suiteTimeout } from './support/settings';

// updateParsedIflow re-reads only the channel an edit falls in, when it can
// tell that gives the same result as reading the whole file. Whatever the
// edit, the result must equal a fresh parseIflow of the edited text, and the
// findings must equal those of a fresh analysis.

const URI = 'file:///fuzz/p/src/main/resources/scenarioflows/integrationflow/Flow.iflw';
const PARAMETERS = parseParameters(
  'file:///fuzz/p/src/main/resources/parameters.prop',
  'Host=backend.example.com\nAuth=Basic\nPassword=secret\n',
);

/** Where an edit lands: mostly inside values (where typing happens, and where the shortcut applies), else at tags or anywhere. */
const edit = fc.record({
  anchor: fc.constantFrom('value', 'value', 'value', 'tag', 'anywhere'),
  which: fc.nat(),
  offset: fc.integer({ min: -2, max: 30 }),
  remove: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) }),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom('a', '0', ' ', 'http', 'https', 's', '{{Host}}', 'Basic', 'None', 'sapcc', ':25'),
    fc.array(fc.constantFrom(...TRICKY_PIECES), { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const anchors = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.index + m[0].length);
  const candidates = e.anchor === 'value' ? anchors(/<value>/g) : e.anchor === 'tag' ? anchors(/</g).map((at) => at - 1) : [];
  const base = candidates.length > 0 ? candidates[e.which % candidates.length] + e.offset : e.which % (text.length + 1);
  const at = Math.max(0, Math.min(text.length, base));
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

const factsOf = (channel: object) => (channel as { facts?: object }).facts;
const taken = { incremental: 0, edits: 0 };

function checkStep(previous: ParsedIflow, text: string, label: string): ParsedIflow {
  const input = { parameters: PARAMETERS, config: DEFAULT_CONFIG, today: FIXTURE_TODAY };
  analyseArtifact({ ...input, iflows: [previous] }); // fills the per-channel findings the update may reuse
  const updated = withinBudget('updateParsedIflow', text.length, () => updateParsedIflow(previous, text));
  const full = parseIflow(URI, text);
  taken.edits++;
  const before = new Set(previous.model.channels.map(factsOf));
  if (updated.model.channels.some((c) => before.has(factsOf(c)))) taken.incremental++;
  assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(full.model), `${label}: updated model differs from a fresh read`);
  checkIflowModel(text, updated.model);
  assert.deepEqual(
    analyseArtifact({ ...input, iflows: [updated] }),
    analyseArtifact({ ...input, iflows: [full] }),
    `${label}: findings differ`,
  );
  return updated;
}

describe('fuzz: incremental iFlow update', function () {
  this.timeout(suiteTimeout(120_000));

  after(() => {
    // Without this the comparisons could pass with the shortcut never taken.
    if (process.env.CPI_FUZZ_VERBOSE) console.log(`      shortcut taken for ${taken.incremental} of ${taken.edits} edits`);
    assert.ok(taken.incremental > taken.edits / 10, `shortcut taken for ${taken.incremental} of ${taken.edits} edits`);
  });

  it('equals a fresh read after every edit of a chain, on realistic and damaged iFlows', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 3, arbitrary: realisticIflow }, { weight: 1, arbitrary: mutatedIflow }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (text, edits) => {
          let current = parseIflow(URI, text);
          edits.forEach((e, n) => {
            current = checkStep(current, applyEdit(current.text, e), `edit ${n}`);
          });
        },
      ),
      fuzzParameters(400),
    );
  });

  it('equals a fresh read after an edit undone (the shortcut back to the original text)', () => {
    fc.assert(
      fc.property(realisticIflow, edit, (text, e) => {
        const original = parseIflow(URI, text);
        const edited = checkStep(original, applyEdit(text, e), 'edit');
        checkStep(edited, text, 'undo');
      }),
      fuzzParameters(200),
    );
  });
});
