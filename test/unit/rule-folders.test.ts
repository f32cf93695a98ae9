import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ruleFolders, ruleIndexSources } from '../../scripts/rule-index';
import { configSchemaSource } from '../../scripts/rule-schema';
import { RULES } from '@cpi/common/rules/catalogue';
import { RULE_CHECKS } from '../../server/src/core/rules/registry.generated';
import { caseFolders, caseRule, RULES_DIR } from '../support/fixture-cases';

// A rule is its folder: metadata, check, explanation and fixture cases. The
// lists built from the folders are generated (npm run build writes them).

const REPO = join(__dirname, '..', '..');
const SHARED = new Set(['support']); // helpers several rules use, not a rule

describe('rule folders', () => {
  const folders = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SHARED.has(entry.name))
    .map((entry) => entry.name)
    .sort();

  it('are exactly the registered rules, each under its own id', () => {
    assert.deepEqual(ruleFolders(REPO), folders, 'every folder has a meta.ts');
    assert.deepEqual(RULES.map((rule) => rule.id).sort(), folders, 'catalogue');
    assert.deepEqual(RULE_CHECKS.map((rule) => rule.meta.id).sort(), folders, 'registry');
  });

  it('hold the metadata, check and explanation of their rule', () => {
    for (const folder of folders) {
      for (const file of ['meta.ts', 'check.ts', 'explanation.ts'])
        assert.ok(existsSync(join(RULES_DIR, folder, file)), `${folder}/${file}`);
    }
    for (const { checks, meta } of RULE_CHECKS) assert.ok(Object.values(checks).some(Boolean), `${meta.id} checks nothing`);
  });

  it('have a positive and a negative fixture case each', () => {
    const cases = caseFolders(RULES_DIR);
    for (const folder of folders) {
      const names = cases.filter((path) => caseRule(path) === folder).map((path) => basename(path));
      assert.ok(
        names.some((name) => name.startsWith('positive-')),
        `${folder} has no fixtures/positive-*`,
      );
      assert.ok(
        names.some((name) => name.startsWith('negative-')),
        `${folder} has no fixtures/negative-*`,
      );
    }
    for (const path of cases) assert.match(basename(path), /^(positive|negative)-/, path);
  });

  it('are listed in the checked-in generated files (run npm run build)', () => {
    for (const file of [...ruleIndexSources(REPO), configSchemaSource(REPO)]) {
      assert.equal(readFileSync(join(REPO, file.path), 'utf8'), file.text, `${file.path} is stale: npm run build rewrites it`);
    }
  });
});
