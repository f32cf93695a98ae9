import * as assert from 'node:assert/strict';
import { analyseScript, type ScriptInput } from '../../server/src/core/analysis/analyse-script';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { isAnalysedScript, scriptFileName, scriptLanguage } from '../../server/src/core/analysis/script-layout';
import { DEFAULT_CONFIG, type Config } from '../../server/src/core/config/model';
import { parseConfig } from '../../server/src/core/config/parse';
import { readScript } from '../../server/src/core/script/read';
import { fileKind } from '../../server/src/engine/file-kind';
import { applyTextEdits } from '../support/apply-edits';
import { scriptStepIflow } from '../support/script-step';
import { addTestScriptRule, removeTestScriptRule, TEST_SCRIPT_RULE_ID } from '../support/script-rule';

const ARTIFACT = 'file:///ws/Orders/src/main/resources';
const SCRIPT_URI = `${ARTIFACT}/script/Log%20Payload.groovy`;
const TODAY = new Date('2026-06-01T12:00:00Z');

function iflowRunning(scriptName: string, uri = `${ARTIFACT}/scenarioflows/integrationflow/Orders.iflw`) {
  return parseIflow(uri, scriptStepIflow(scriptName));
}

function analyse(text: string, overrides: Partial<ScriptInput> = {}) {
  return analyseScript({
    uri: SCRIPT_URI,
    script: readScript(text, 'groovy'),
    config: { ...DEFAULT_CONFIG, root: 'file:///ws' },
    today: TODAY,
    ...overrides,
  });
}

describe('scripts: which files', () => {
  it('gives Groovy and JavaScript files the script kind by their name', () => {
    assert.equal(fileKind('/x/a.groovy'), 'script');
    assert.equal(fileKind('/x/a.GSH'), 'script');
    assert.equal(fileKind('/x/a.js'), 'script');
    assert.equal(fileKind('/x/.js'), undefined);
    assert.equal(fileKind('/x/a.json'), undefined);
    assert.equal(scriptLanguage('file:///x/a.gsh'), 'groovy');
    assert.equal(scriptLanguage('file:///x/a.js'), 'javascript');
  });

  it('analyses scripts inside an artifact or a zip, and loose Groovy only when the configuration lists it', () => {
    const config: Config = { ...DEFAULT_CONFIG, root: 'file:///ws', scripts: ['shared/**'] };
    assert.ok(isAnalysedScript(DEFAULT_CONFIG, `${ARTIFACT}/script/a.js`));
    assert.ok(isAnalysedScript(DEFAULT_CONFIG, 'file:///ws/export.zip!/src/main/resources/script/a.groovy'));
    assert.ok(!isAnalysedScript(config, 'file:///ws/build.groovy'));
    assert.ok(isAnalysedScript(config, 'file:///ws/shared/Common.groovy'));
    assert.ok(!isAnalysedScript(config, 'file:///ws/shared/common.js'), 'JavaScript outside artifacts never');
    assert.ok(!isAnalysedScript(config, 'file:///ws/shared/notes.txt'));
  });

  it('names a script as a Script step does: the last segment of its URI, decoded where it can be', () => {
    assert.equal(scriptFileName(`${ARTIFACT}/script/Logging.groovy`), 'Logging.groovy');
    assert.equal(scriptFileName(`${ARTIFACT}/script/Custom%20Scripts.groovy`), 'Custom Scripts.groovy');
    assert.equal(scriptFileName('cpi-tenant://t.example.com/P/A/src/main/resources/script/a%2Fb%C3%A9.gsh'), 'a/bé.gsh');
    assert.equal(scriptFileName(`${ARTIFACT}/script/100%.groovy`), '100%.groovy', 'a stray % is kept as written');
  });

  it('reads the "scripts" key of .cpisecurity.json as globs, with a problem for anything else', () => {
    const good = parseConfig('{ "scripts": ["shared/**", "tools/*.gsh"] }', 'file:///ws/.cpisecurity.json');
    assert.deepEqual(good.config.scripts, ['shared/**', 'tools/*.gsh']);
    assert.deepEqual(good.problems, []);
    const bad = parseConfig('{ "scripts": "shared/**" }', 'file:///ws/.cpisecurity.json');
    assert.deepEqual(bad.config.scripts, []);
    assert.match(bad.problems[0].message, /"scripts" must be an array of glob patterns/);
  });
});

describe('analyseScript', () => {
  before(addTestScriptRule);
  after(removeTestScriptRule);

  it('puts a finding on the exact range the rule reports, with its fix as an edit of the script', () => {
    const text = 'def x = 1\n  FLAGGED(x)\n';
    const result = analyse(text);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(finding.ruleId, TEST_SCRIPT_RULE_ID);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
    assert.equal(finding.message, 'FLAGGED found in Log Payload.groovy');
    const [change] = finding.fixes[0].edits;
    assert.equal(change.uri, SCRIPT_URI);
    assert.equal(applyTextEdits(text, change.edits), 'def x = 1\n  fine(x)\n');
  });

  it('applies configured severities, "off" included', () => {
    const config = { ...DEFAULT_CONFIG, root: 'file:///ws', rules: new Map([[TEST_SCRIPT_RULE_ID, 'error' as const]]) };
    assert.equal(analyse('FLAGGED', { config }).findings[0].severity, 'error');
    const off = { ...config, rules: new Map([[TEST_SCRIPT_RULE_ID, 'off' as const]]) };
    assert.deepEqual(analyse('FLAGGED', { config: off }).findings, []);
  });

  it('a comment with a reason on the line before suppresses that finding only', () => {
    const text = [`// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} -- test tenant only`, 'FLAGGED()', 'FLAGGED()'].join('\n');
    const result = analyse(text);
    assert.deepEqual(
      result.findings.map((finding) => finding.range.start.line),
      [2],
    );
    assert.equal(result.commentSuppressed.length, 1);
    assert.equal(result.commentSuppressed[0].comment.reason, 'test tenant only');
    assert.equal(result.commentSuppressed[0].finding.range.start.line, 1);
    assert.deepEqual(result.unusedComments, []);
    assert.deepEqual(result.problems, []);
  });

  it('the block comment form works too', () => {
    const result = analyse(`x = 1 /* cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} -- reviewed */\nFLAGGED()`);
    assert.deepEqual(result.findings, []);
    assert.equal(result.commentSuppressed.length, 1);
  });

  it('a comment without a reason is reported, naming its rule, and suppresses nothing', () => {
    const result = analyse(`// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID}\nFLAGGED()`);
    assert.equal(result.findings.length, 1);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].kind, 'suppression-comment');
    assert.match(result.problems[0].message, new RegExp(`"${TEST_SCRIPT_RULE_ID}" gives no reason`));
    assert.deepEqual(result.problems[0].range.start, { line: 0, character: 0 });
    const dashes = analyse(`// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} --   \nFLAGGED()`);
    assert.equal(dashes.findings.length, 1, 'an empty reason is no reason');
  });

  it('reports unknown rule ids and comments that matched nothing', () => {
    const unknown = analyse('// cpi-security-lint-disable-next-line script-evl -- typo\nFLAGGED()');
    assert.equal(unknown.findings.length, 1);
    assert.match(unknown.problems[0].message, /"script-evl", which is not a CPI Security Lint rule/);
    const unused = analyse(`// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} -- nothing here\nprintln 1`);
    assert.equal(unused.unusedComments.length, 1);
    assert.deepEqual(unused.unusedComments[0].ruleIds, [TEST_SCRIPT_RULE_ID]);
    const otherWord = analyse(`// cpi-security-lint-disable-next-line-please ${TEST_SCRIPT_RULE_ID} -- no\nFLAGGED()`);
    assert.equal(otherWord.findings.length, 1, 'not the directive');
    assert.deepEqual(otherWord.problems, []);
  });

  it('applies suppressions of the configuration', () => {
    const { config } = parseConfig(
      JSON.stringify({ suppressions: [{ rule: '*', file: 'Orders/**/*.groovy', reason: 'accepted' }] }),
      'file:///ws/.cpisecurity.json',
    );
    const result = analyse('FLAGGED', { config });
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressed[0].suppression.reason, 'accepted');
  });

  it('names the iFlows whose Script step runs the script as related information', () => {
    const runner = iflowRunning('Log Payload.groovy');
    const other = iflowRunning('Other.groovy', `${ARTIFACT}/scenarioflows/integrationflow/Other.iflw`);
    const [finding] = analyse('FLAGGED', { iflows: [runner, other] }).findings;
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].uri, runner.uri);
    assert.equal(finding.related[0].message, 'Script step of iFlow "Orders" runs this script');
    assert.equal(
      runner.text.slice(runner.lines.offsetAt(finding.related[0].range.start), runner.lines.offsetAt(finding.related[0].range.end)),
      'Log Payload.groovy',
    );
  });

  it('passes reading problems on and skips ignored scripts', () => {
    const result = analyse('def s = "unterminated\nFLAGGED');
    assert.ok(result.problems.some((problem) => problem.kind === 'reading'));
    const ignored = analyse('FLAGGED', { config: { ...DEFAULT_CONFIG, root: 'file:///ws', ignore: ['Orders/**'] } });
    assert.deepEqual(ignored.findings, []);
  });
});
