// A script rule for tests of the wiring around script rules (analysis,
// suppressions, engine, editor): it reports every `FLAGGED` word of a
// script, with a fix that renames it. Not shipped: tests push it onto
// SCRIPT_RULES, which the engine reads on every run.
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPT_RULES } from '../../server/src/core/rules/registry';
import type { ScriptCheck } from '../../server/src/core/rules/script-check';

export const TEST_SCRIPT_RULE_ID = 'test-script-flagged';
export const FLAGGED = 'FLAGGED';

type ScriptRule = ScriptCheck & { readonly meta: RuleMeta };

export const testScriptRule: ScriptRule = {
  meta: {
    id: TEST_SCRIPT_RULE_ID,
    title: 'Flagged word',
    section: 'scripts',
    defaultSeverity: 'warning',
    helpUrl: 'https://example.com/',
    faq: [],
    guideline: 'TEST_GUIDELINE',
  },
  check(script, report, context) {
    for (let at = script.text.indexOf(FLAGGED); at >= 0; at = script.text.indexOf(FLAGGED, at + 1)) {
      report({
        at: { start: at, end: at + FLAGGED.length },
        message: `${FLAGGED} found in ${context.fileName}`,
        fixes: [
          { title: 'Rename to fine', preferred: true, edits: [{ kind: 'replace', start: at, end: at + FLAGGED.length, text: 'fine' }] },
        ],
      });
    }
  },
};

const rules = SCRIPT_RULES as ScriptRule[];

export function addTestScriptRule(): void {
  if (!rules.includes(testScriptRule)) rules.push(testScriptRule);
}

export function removeTestScriptRule(): void {
  const at = rules.indexOf(testScriptRule);
  if (at >= 0) rules.splice(at, 1);
}
