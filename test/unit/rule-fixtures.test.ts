import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '@cpi/common/findings';
import { applyFix } from '../support/apply-edits';
import { analyseFiles, caseFolders, caseRule, loadCase, RULES_DIR, type ExpectedFinding } from '../support/fixture-cases';

// Every folder server/src/core/rules/<rule-id>/fixtures/<case>/ is one
// artifact; its expected.json lists exactly the findings of <rule-id> (an
// empty list for negative cases). Adding a case never touches this file.
const ROOT = RULES_DIR;

function fileName(uri: string): string {
  return decodeURIComponent(basename(new URL(uri).pathname));
}

function actualOf(findings: readonly Finding[], rule: string, withSeverity: boolean, withEnd: boolean): ExpectedFinding[] {
  return findings
    .filter((finding) => finding.ruleId === rule)
    .map((finding) => ({
      rule,
      file: fileName(finding.uri),
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      ...(withSeverity ? { severity: finding.severity } : {}),
      ...(withEnd ? { endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1 } : {}),
    }));
}

const RANK = ['hint', 'information', 'warning', 'error'];
const milder = (after: string, before: string) => RANK.indexOf(after) < RANK.indexOf(before);

const order = (a: ExpectedFinding, b: ExpectedFinding) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

describe('rule fixtures', () => {
  const folders = caseFolders(ROOT);
  it('has a positive and a negative case for every rule it covers', () => {
    assert.ok(folders.length > 0, `no fixture cases under ${ROOT}`);
    const rules = new Set(folders.map((folder) => caseRule(folder)));
    for (const rule of rules) {
      const cases = folders.filter((folder) => caseRule(folder) === rule).map((folder) => basename(folder));
      assert.ok(
        cases.some((name) => name.startsWith('positive')),
        `${rule} has no positive case`,
      );
      assert.ok(
        cases.some((name) => name.startsWith('negative')),
        `${rule} has no negative case`,
      );
    }
  });

  for (const folder of folders) {
    const rule = caseRule(folder);
    const caseName = `${rule}/${basename(folder)}`;
    describe(caseName, () => {
      const fixture = loadCase(folder);
      const folderUri = pathToFileURL(folder).href;
      const expectedPath = join(folder, 'expected.json');
      const expected: ExpectedFinding[] = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : [];

      it('reports exactly the expected findings', () => {
        const result = analyseFiles(fixture.files, folderUri);
        const withSeverity = expected.some((e) => e.severity !== undefined);
        const withEnd = expected.some((e) => e.endLine !== undefined);
        assert.deepEqual(actualOf(result.findings, rule, withSeverity, withEnd).sort(order), [...expected].sort(order));
      });

      // A rule whose severity depends on the case may fix by moving to the milder case
      // (script-mpl-attachment: a log switch around the call leaves information).
      it('every quick fix removes its finding or makes it milder', () => {
        const result = analyseFiles(fixture.files, folderUri);
        for (const finding of result.findings.filter((f) => f.ruleId === rule)) {
          for (const fix of finding.fixes) {
            const after = analyseFiles(applyFix(fixture.files, fix), folderUri);
            const still = after.findings.find(
              (f) =>
                f.ruleId === rule &&
                f.uri === finding.uri &&
                f.range.start.line === finding.range.start.line &&
                f.range.start.character === finding.range.start.character &&
                !milder(f.severity, finding.severity),
            );
            assert.equal(still, undefined, `fix "${fix.title}" left ${rule} at ${fileName(finding.uri)}:${finding.range.start.line + 1}`);
          }
        }
      });
    });
  }
});
