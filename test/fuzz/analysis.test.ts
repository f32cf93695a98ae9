import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { iflowHover, parametersHover } from '../../server/src/core/explain/hover';
import { applyFix } from '../support/apply-edits';
import { FIXTURE_TODAY } from '../support/fixture-cases';
import { withinBudget } from './support/budget';
import { anyIflowText, realisticIflow } from './support/iflow-arbitraries';
import { TextChecker } from './support/invariants';
import { mutatedText } from './support/mutations';
import { fuzzParameters, suiteTimeout } from './support/settings';

// The whole analysis of an artifact (rules, parameter resolution, findings
// with related locations and fixes, hovers) on damaged input: no exception,
// no rule failure, every range inside its file, every fix applicable.

const FOLDER = 'file:///fuzz/Orders/src/main/resources';
const IFLOW_URI = `${FOLDER}/scenarioflows/integrationflow/Orders.iflw`;
const SECOND_URI = `${FOLDER}/scenarioflows/integrationflow/Invoices.iflw`;
const PARAMETERS_URI = `${FOLDER}/parameters.prop`;
const COMMANDS = { explainRule: 'cpiSecurity.explainRule', openFaq: 'cpiSecurity.openFaq' };

const parametersText = mutatedText(
  fc.constantFrom(
    'Host=backend.example.com\nAuth=Basic\nPassword=topsecret\nERP\\ Address=http\\://erp.example.com\\:8080/api\n',
    'Host\\ 0=10.0.0.1\r\nAuth=None\r\nclientPassword=s3cret\r\nport=25\r\n',
    '# generated\nHost=https\\://a.example.com\nProxy=sapcc\n',
  ),
  2,
);

const artifact = fc.record({
  iflow: fc.oneof(
    { weight: 3, arbitrary: anyIflowText },
    { weight: 1, arbitrary: realisticIflow.map((t) => t.replace(/<value>[^<]{0,40}<\/value>/, '<value>{{Host}}</value>')) },
  ),
  second: fc.option(anyIflowText, { nil: undefined }),
  parameters: fc.option(parametersText, { nil: undefined }),
  hoverAt: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 })), { maxLength: 3 }),
});

function analyse(iflows: ParsedIflow[], parameters: ParsedParameters | undefined) {
  const size = iflows.reduce((sum, i) => sum + i.text.length, parameters?.text.length ?? 0);
  const result = withinBudget('analyseArtifact', size, () =>
    analyseArtifact({ iflows, parameters, config: DEFAULT_CONFIG, today: FIXTURE_TODAY }),
  );
  const failures = (result as { ruleFailures?: readonly unknown[] }).ruleFailures ?? [];
  assert.deepEqual(failures, [], 'a rule threw');
  return result;
}

describe('fuzz: artifact analysis', function () {
  this.timeout(suiteTimeout(120_000));

  const seen = { cases: 0, withFindings: 0, fixesApplied: 0 };
  after(() => {
    // The damage must leave enough intact for rules to fire and fixes to apply, or this proves little.
    assert.ok(
      seen.withFindings > seen.cases / 10 && seen.fixesApplied > seen.cases / 20,
      `findings in ${seen.withFindings}, fixes in ${seen.fixesApplied} of ${seen.cases} cases`,
    );
  });

  it('analyses damaged artifacts: findings and fixes within their files, hovers built', () => {
    fc.assert(
      fc.property(artifact, ({ iflow, second, parameters, hoverAt }) => {
        const iflows = [parseIflow(IFLOW_URI, iflow), ...(second === undefined ? [] : [parseIflow(SECOND_URI, second)])];
        const parsedParameters = parameters === undefined ? undefined : parseParameters(PARAMETERS_URI, parameters);
        const texts = new Map<string, string>(iflows.map((i) => [i.uri, i.text]));
        if (parsedParameters) texts.set(PARAMETERS_URI, parsedParameters.text);
        const checkers = new Map([...texts].map(([uri, text]) => [uri, new TextChecker(text)]));
        const { findings } = analyse(iflows, parsedParameters);
        seen.cases++;
        if (findings.length > 0) seen.withFindings++;
        for (const finding of findings) {
          const checker = checkers.get(finding.uri);
          assert.ok(checker, `finding on unknown file ${finding.uri}`);
          checker.span(finding.range, `${finding.ruleId} finding`);
          for (const related of finding.related) checkers.get(related.uri)?.span(related.range, `${finding.ruleId} related location`);
          for (const fix of finding.fixes) {
            for (const edit of fix.edits)
              if (!edit.create) for (const e of edit.edits) checkers.get(edit.uri)?.span(e.range, `${finding.ruleId} fix "${fix.title}"`);
          }
        }
        // A fix applied, the artifact analysed again: still total.
        const fix = findings
          .flatMap((f) => f.fixes)
          .find((candidate) => candidate.edits.every((edit) => edit.create || texts.has(edit.uri)));
        if (fix) {
          seen.fixesApplied++;
          const fixed = applyFix(texts, fix);
          const fixedIflows = iflows.map((i) => parseIflow(i.uri, fixed.get(i.uri) ?? i.text));
          const fixedParameters = fixed.has(PARAMETERS_URI) ? parseParameters(PARAMETERS_URI, fixed.get(PARAMETERS_URI)!) : undefined;
          analyse(fixedIflows, fixedParameters);
        }
        // Hovers where the editor may ask for them, also past the end of a line or the file.
        for (const [line, character] of hoverAt) {
          const position = { line: line % (iflows[0].lines.lineCount + 2), character };
          iflowHover(iflows[0], parsedParameters, findings, position, COMMANDS);
          if (parsedParameters)
            parametersHover(
              parsedParameters,
              iflows,
              findings,
              { line: line % (parsedParameters.lines.lineCount + 2), character },
              COMMANDS,
            );
        }
      }),
      fuzzParameters(500),
    );
  });
});
