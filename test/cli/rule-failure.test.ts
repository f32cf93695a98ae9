import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { CHANNEL_RULES } from '../../server/src/core/rules/registry';
import type { ChannelRule } from '../../server/src/core/rules/rule';
import { runCli, EXIT_USAGE } from '../../server/src/cli/run';
import { ruleIds, removeFolder, tempFolder, writeOrderArtifact } from './support';
import { validateSarif } from './sarif-schema';

// The command line in process (from the TypeScript sources), so a throwing
// rule can be added to the registry the engine reads on every run.

const RULE_ID = 'test-exploding-rule';
const exploding: ChannelRule = {
  meta: {
    id: RULE_ID,
    title: 'Explodes',
    section: 'network',
    defaultSeverity: 'error',
    helpUrl: 'https://example.com',
    faq: [],
  } satisfies RuleMeta,
  check() {
    throw new Error('kaboom in a rule');
  },
};

async function run(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (chunk) => (stdout += String(chunk)));
  const err = Object.assign(
    new PassThrough().on('data', (chunk) => (stderr += String(chunk))),
    { isTTY: false },
  ) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { cwd, stdout: out, stderr: err, now: new Date('2026-06-01T12:00:00Z') });
  return { code, stdout, stderr };
}

describe('cli: a rule that throws', () => {
  let root: string;
  before(() => (CHANNEL_RULES as ChannelRule[]).unshift(exploding));
  after(() => (CHANNEL_RULES as ChannelRule[]).splice((CHANNEL_RULES as ChannelRule[]).indexOf(exploding), 1));
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root);
  });
  afterEach(() => removeFolder(root));

  it('json: the other findings, one error note naming the rule and file, exit 2 (incomplete is not clean)', async () => {
    const { code, stdout, stderr } = await run(['--format', 'json'], root);
    const report = JSON.parse(stdout);
    assert.deepEqual(ruleIds(report.findings), ['cleartext-basic-auth', 'cleartext-basic-auth']);
    const failures = report.notes.filter((note: { kind: string }) => note.kind === 'rule-failure');
    assert.equal(failures.length, 1, JSON.stringify(report.notes));
    assert.equal(failures[0].severity, 'error');
    assert.equal(failures[0].ruleId, RULE_ID);
    assert.match(failures[0].path, /Order Replication\.iflw$/);
    assert.match(
      failures[0].message,
      new RegExp(`^rule ${RULE_ID} failed on this file \\(Error: kaboom in a rule, at .*\\): its findings here are missing`),
    );
    assert.equal(report.summary.ruleFailures, 1);
    assert.equal(code, EXIT_USAGE);
    assert.match(stderr, /Order Replication\.iflw: error: rule test-exploding-rule failed/);
  });

  it('sarif: an error notification tied to the rule, and the run marked unsuccessful', async () => {
    const { code, stdout } = await run(['--format', 'sarif'], root);
    assert.equal(code, EXIT_USAGE);
    const log = JSON.parse(stdout);
    assert.deepEqual(validateSarif(log), []);
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    const [notification] = invocation.toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.equal(notification.descriptor.id, 'rule-failure');
    assert.deepEqual(notification.associatedRule, { id: RULE_ID });
    assert.equal(log.runs[0].results.length, 2);
  });

  it('text and junit show it as an error', async () => {
    const text = await run([], root);
    assert.match(text.stdout, /^Incomplete analysis \(a rule failed\):\n {2}.*Order Replication\.iflw {2}rule test-exploding-rule failed/m);
    assert.match(text.stdout, /; 1 rule failure$/m);
    const junit = await run(['--format', 'junit'], root);
    assert.match(junit.stdout, /name="rule test-exploding-rule">\n\s*<error type="rule-failure" message="rule test-exploding-rule failed/);
  });

  it('exits 2 even when only writing a baseline', async () => {
    assert.equal((await run(['--write-baseline', 'baseline.json'], root)).code, EXIT_USAGE);
  });
});
