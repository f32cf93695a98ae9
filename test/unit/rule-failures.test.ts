import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseArtifact, type ArtifactInput } from '../../server/src/core/analysis/analyse-artifact';
import { analyseCertificateFile, CERTIFICATE_CHECKS } from '../../server/src/core/analysis/analyse-certificate';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { CHANNEL_RULES, IFLOW_RULES } from '../../server/src/core/rules/registry';
import type { ChannelRule, IflowRule } from '../../server/src/core/rules/rule';
import { selfSignedRsa } from '../support/certs';
import { ruleCase } from '../support/fixture-cases';

// Rules are injected by pushing onto the registry arrays (readonly in their
// type only): the engine reads them on every run, exactly as in production.

const CASE = ruleCase('cleartext-basic-auth', 'positive-parameter');
const IFLOW_URI = 'file:///ws/Order%20Replication/Order%20Replication.iflw';
const PARAMETERS_URI = 'file:///ws/Order%20Replication/parameters.prop';

const meta = (id: string): RuleMeta => ({
  id,
  title: id,
  section: 'network',
  defaultSeverity: 'warning',
  helpUrl: 'https://example.com',
  faq: [],
});

/** A channel rule that reports on the channel's first property, then throws. */
const throwingChannelRule: ChannelRule = {
  meta: meta('test-throwing-channel-rule'),
  check(channel, report) {
    const first = [...channel.channel.properties.values()][0];
    if (first) report({ message: 'half-done report that must not survive', on: first });
    throw new TypeError('channel rule exploded');
  },
};

const throwingByChannelRule: IflowRule = {
  meta: meta('test-throwing-by-channel-rule'),
  channelByChannel: true,
  checkIflow(iflow) {
    if (iflow.channels.length > 0) throw new Error('per-channel iFlow rule exploded');
  },
};

const throwingWholeIflowRule: IflowRule = {
  meta: meta('test-throwing-whole-iflow-rule'),
  checkIflow() {
    throw 'not even an Error'; // eslint-disable-line no-throw-literal
  },
};

const channelRules = CHANNEL_RULES as ChannelRule[];
const iflowRules = IFLOW_RULES as IflowRule[];

function input(): ArtifactInput {
  return {
    iflows: [parseIflow(IFLOW_URI, readFileSync(join(CASE, 'Order Replication.iflw'), 'utf8'))],
    parameters: parseParameters(PARAMETERS_URI, readFileSync(join(CASE, 'parameters.prop'), 'utf8')),
    config: DEFAULT_CONFIG,
  };
}

const summary = (findings: readonly { ruleId: string; uri: string; range: { start: { line: number } } }[]) =>
  findings.map((f) => `${f.ruleId}@${f.uri}:${f.range.start.line}`).sort();

describe('analysis: a rule that throws', () => {
  const injected = [throwingChannelRule, throwingByChannelRule, throwingWholeIflowRule];
  let expected: string[];

  before(() => {
    expected = summary(analyseArtifact(input()).findings);
    assert.ok(
      expected.some((f) => f.startsWith('cleartext-basic-auth@')),
      'the fixture has findings of other rules',
    );
    channelRules.unshift(throwingChannelRule); // first, so the rules after it still have to run
    iflowRules.unshift(throwingByChannelRule, throwingWholeIflowRule);
  });

  after(() => {
    channelRules.splice(channelRules.indexOf(throwingChannelRule), 1);
    for (const rule of [throwingByChannelRule, throwingWholeIflowRule]) iflowRules.splice(iflowRules.indexOf(rule), 1);
    assert.ok(
      !injected.some((rule) => (CHANNEL_RULES as readonly unknown[]).includes(rule) || (IFLOW_RULES as readonly unknown[]).includes(rule)),
    );
  });

  it('costs only its own findings; the failure comes back as data with the rule id', () => {
    const result = analyseArtifact(input());
    assert.deepEqual(summary(result.findings), expected);
    assert.ok(!result.findings.some((f) => f.ruleId.startsWith('test-')), 'nothing of a rule that threw is kept');
    const failures = result.ruleFailures.map((f) => [f.ruleId, f.uri, f.message]);
    assert.deepEqual(failures, [
      ['test-throwing-channel-rule', IFLOW_URI, 'TypeError: channel rule exploded'],
      ['test-throwing-by-channel-rule', IFLOW_URI, 'Error: per-channel iFlow rule exploded'],
      ['test-throwing-whole-iflow-rule', IFLOW_URI, 'not even an Error'],
    ]);
    const [channelFailure] = result.ruleFailures;
    assert.match(channelFailure.at ?? '', /^at .*rule-failures\.test\.ts/, 'the first stack frame says where it was thrown');
  });

  it('is reported again on the next run: a channel whose rule threw is not kept in the findings cache', () => {
    const first = input();
    analyseArtifact(first);
    const again = analyseArtifact(first); // the same parsed iFlow: unchanged channels would come from the cache
    assert.deepEqual(summary(again.findings), expected);
    assert.deepEqual(
      again.ruleFailures.map((f) => f.ruleId),
      ['test-throwing-channel-rule', 'test-throwing-by-channel-rule', 'test-throwing-whole-iflow-rule'],
    );
  });

  it('is not run when switched off, so it cannot fail', () => {
    const config = { ...DEFAULT_CONFIG, rules: new Map(injected.map((rule) => [rule.meta.id, 'off' as const])) };
    const result = analyseArtifact({ ...input(), config });
    assert.deepEqual(result.ruleFailures, []);
    assert.deepEqual(summary(result.findings), expected);
  });
});

describe('analysis: certificate checks that throw', () => {
  it('come back as a failure of the certificate checks, with the file still read', () => {
    const uri = 'file:///ws/certificates/outbound/partner.pem';
    const bytes = Buffer.from(selfSignedRsa().pem, 'utf8');
    const file = readCertificateFile(bytes, 'partner.pem');
    assert.ok(file.blocks[0]?.info);
    const broken = {
      ...file,
      blocks: file.blocks.map((block) =>
        Object.defineProperty({ ...block }, 'info', {
          get() {
            throw new RangeError('certificate check exploded');
          },
        }),
      ),
    };
    const result = analyseCertificateFile({ uri, bytes, config: DEFAULT_CONFIG, now: new Date(), file: broken });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.ruleFailures.map((f) => [f.ruleId, f.uri, f.message]),
      [[CERTIFICATE_CHECKS, uri, 'RangeError: certificate check exploded']],
    );
    assert.deepEqual(analyseCertificateFile({ uri, bytes, config: DEFAULT_CONFIG, now: new Date() }).ruleFailures, []);
  });
});
