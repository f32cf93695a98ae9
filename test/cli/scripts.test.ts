import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { RULES } from '@cpi/common/rules/catalogue';
import { runCli } from '../../server/src/cli/run';
import { addTestScriptRule, removeTestScriptRule, TEST_SCRIPT_RULE_ID } from '../support/script-rule';
import { scriptStepIflow } from '../support/script-step';
import { validateSarif } from './sarif-schema';
import { removeFolder, tempFolder, write, type JsonReport } from './support';

// The command line in process (from the TypeScript sources) with a test-only
// script rule that flags the word FLAGGED: which scripts are read, where
// their findings go, and how every output format carries them.

async function run(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (chunk) => (stdout += String(chunk)));
  const err = Object.assign(
    new PassThrough().on('data', (chunk) => (stderr += String(chunk))),
    { isTTY: false },
  ) as unknown as NodeJS.WriteStream;
  const code = await runCli(['--jobs', '1', ...args], { cwd, stdout: out, stderr: err, now: new Date('2026-06-01T12:00:00Z') });
  return { code, stdout, stderr };
}

const json = async (args: readonly string[], cwd: string) =>
  JSON.parse((await run(['--format', 'json', ...args], cwd)).stdout) as JsonReport & { suppressed: { inSource?: boolean }[] };

const RESOURCES = 'Orders/src/main/resources';

describe('cli: scripts', () => {
  let root: string;
  before(addTestScriptRule);
  after(removeTestScriptRule);
  beforeEach(() => {
    root = tempFolder();
    write(root, `${RESOURCES}/scenarioflows/integrationflow/Orders.iflw`, scriptStepIflow('Log.groovy'));
    write(root, `${RESOURCES}/script/Log.groovy`, 'def log(message) {\n  FLAGGED(message)\n}\n');
    write(root, `${RESOURCES}/script/Map.js`, 'function processData(message) {\n  return FLAGGED;\n}\n');
    write(
      root,
      `${RESOURCES}/script/Quiet.groovy`,
      `// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} -- test tenant only\nFLAGGED()\n`,
    );
    // outside any artifact: build tooling, not integration content
    write(root, 'tools/build.groovy', 'FLAGGED()\n');
    write(root, 'web/app.js', 'FLAGGED()\n');
  });
  afterEach(() => removeFolder(root));

  it('reads the scripts of artifacts, with the iFlows running them as related locations, and leaves other scripts alone', async () => {
    const report = await json([], root);
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.path, finding.line, finding.column]),
      [
        [TEST_SCRIPT_RULE_ID, `${RESOURCES}/script/Log.groovy`, 2, 3],
        [TEST_SCRIPT_RULE_ID, `${RESOURCES}/script/Map.js`, 2, 10],
      ],
    );
    assert.deepEqual(
      report.findings[0].related.map((related) => [related.path, related.message]),
      [[`${RESOURCES}/scenarioflows/integrationflow/Orders.iflw`, 'Script step of iFlow "Orders" runs this script']],
    );
    assert.deepEqual(report.findings[1].related, [], 'no Script step names Map.js');
    assert.equal(report.suppressed.length, 1);
    assert.equal(report.suppressed[0].reason, 'test tenant only');
    assert.equal(report.suppressed[0].inSource, true);
    assert.equal(report.summary.scannedFiles, 4, 'the iFlow and three scripts');
  });

  it('reads Groovy outside artifacts that the configuration lists under "scripts", never JavaScript there', async () => {
    write(root, '.cpisecurity.json', JSON.stringify({ scripts: ['tools/**', 'web/**'] }));
    const report = await json([], root);
    assert.ok(report.findings.some((finding) => finding.path === 'tools/build.groovy'));
    assert.ok(!report.findings.some((finding) => finding.path === 'web/app.js'));
  });

  it('reads scripts in zips and package exports', async () => {
    const inner = zipSync({
      'src/main/resources/scenarioflows/integrationflow/Zipped.iflw': strToU8(scriptStepIflow('Zipped.groovy', 'Zipped')),
      'src/main/resources/script/Zipped.groovy': strToU8('FLAGGED()\n'),
      'src/main/resources/script/Zipped.js': strToU8('var a = FLAGGED;\n'),
    });
    write(
      root,
      'exports/Package.zip',
      zipSync({ 'contentmetadata.md': strToU8('package'), '0123456789abcdef0123456789abcdef_content': inner }),
    );
    const report = await json(['exports'], root);
    const inZip = 'exports/Package.zip!/0123456789abcdef0123456789abcdef_content!/src/main/resources';
    assert.deepEqual(
      report.findings.map((finding) => [finding.path, finding.line, finding.column, finding.related.map((related) => related.path)]),
      [
        [`${inZip}/script/Zipped.groovy`, 1, 1, [`${inZip}/scenarioflows/integrationflow/Zipped.iflw`]],
        [`${inZip}/script/Zipped.js`, 1, 9, []],
      ],
    );
  });

  it('gives a binary, a non-UTF-8 and an oversized script one notice each, and reading problems a note', async () => {
    write(root, `${RESOURCES}/script/Binary.groovy`, new Uint8Array([0x64, 0x65, 0x66, 0x00, 0x01]));
    write(root, `${RESOURCES}/script/Latin.groovy`, new Uint8Array([0x64, 0x65, 0x66, 0x20, 0xe9, 0x0a]));
    write(root, `${RESOURCES}/script/Big.groovy`, `// ${'x'.repeat(3000)}\nFLAGGED()\n`);
    write(root, `${RESOURCES}/script/Open.groovy`, 'def s = "never closed\nFLAGGED()\n');
    const report = await json(['--max-file-size', '0.002'], root);
    const about = (name: string) => [...report.fileErrors, ...report.notes].filter((note) => note.path.endsWith(`/script/${name}`));
    assert.equal(about('Binary.groovy').length, 1);
    assert.match(about('Binary.groovy')[0].message, /binary content/);
    assert.equal(about('Latin.groovy').length, 1);
    assert.match(about('Latin.groovy')[0].message, /not valid UTF-8/);
    assert.deepEqual(
      about('Big.groovy').map((note) => note.kind),
      ['too-large'],
    );
    assert.ok(!report.findings.some((finding) => finding.path.endsWith('Big.groovy')));
    const open = about('Open.groovy');
    assert.equal(open.length, 1);
    assert.equal(open[0].kind, 'script');
    assert.ok(
      report.findings.some((finding) => finding.path.endsWith('Open.groovy')),
      'the rest is still checked',
    );
  });

  it('reports a suppression comment without a reason, and unused ones when asked', async () => {
    write(
      root,
      `${RESOURCES}/script/Loud.groovy`,
      `// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID}\nFLAGGED()\n// cpi-security-lint-disable-next-line ${TEST_SCRIPT_RULE_ID} -- stale\nprintln 1\n`,
    );
    const report = await json(['--report-unused-suppressions'], root);
    const notes = report.notes.filter((note) => note.path.endsWith('Loud.groovy'));
    assert.deepEqual(
      notes.map((note) => [note.kind, note.line]),
      [
        ['suppression-comment', 1],
        ['unused-suppression', 3],
      ],
    );
    assert.match(notes[0].message, new RegExp(`"${TEST_SCRIPT_RULE_ID}" gives no reason`));
    assert.ok(
      report.findings.some((finding) => finding.path.endsWith('Loud.groovy') && finding.line === 2),
      'nothing suppressed',
    );
    const quiet = await json([], root);
    assert.ok(!quiet.notes.some((note) => note.kind === 'unused-suppression'));
  });

  it('every output format carries script findings', async () => {
    const sarif = JSON.parse((await run(['--format', 'sarif'], root)).stdout);
    assert.deepEqual(validateSarif(sarif), []);
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      relatedLocations?: unknown[];
      suppressions?: { kind: string }[];
    }[];
    const log = results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri.endsWith('script/Log.groovy'));
    assert.equal(log?.relatedLocations?.length, 1);
    assert.equal(results.find((result) => result.suppressions)?.suppressions?.[0].kind, 'inSource');
    // rules that enforce an SAP design guideline carry its id as a property and as a tag
    const driverRules = sarif.runs[0].tool.driver.rules as { id: string; properties: { tags: string[]; sapDesignGuideline?: string } }[];
    for (const meta of RULES) {
      const rule = driverRules.find((candidate) => candidate.id === meta.id);
      assert.equal(rule?.properties.sapDesignGuideline, meta.guideline, meta.id);
      assert.equal(rule?.properties.tags.includes(`sap-guideline/${meta.guideline}`), meta.guideline !== undefined, meta.id);
    }
    const text = (await run([], root)).stdout;
    assert.match(text, /^Orders\/src\/main\/resources\/script\/Log\.groovy\n {2}2:3 {2}warning {2}FLAGGED found in Log\.groovy/m);
    const junit = (await run(['--format', 'junit'], root)).stdout;
    assert.match(junit, /Log\.groovy/);
  });
});
