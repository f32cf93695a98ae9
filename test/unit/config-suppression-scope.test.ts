import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { addSuppression } from '@cpi/common/config/edits';
import { activeSuppression } from '../../server/src/core/config/globs';
import { parseConfig } from '../../server/src/core/config/parse';
import { analyseFiles, loadCase, ruleCase } from '../support/fixture-cases';

// Suppressions narrowed to one channel ("channel") or one key ("subject"):
// read from .cpisecurity.json, matched against a finding's channel and
// subject, written by the quick fix's command.

const TODAY = new Date('2026-06-01T12:00:00Z');

function configOf(suppressions: unknown[]) {
  return parseConfig(JSON.stringify({ suppressions }), 'file:///ws/.cpisecurity.json');
}

describe('config: suppressions of one channel or one key', () => {
  it('reads "channel" and "subject", and drops a suppression whose narrowing is empty or not a text', () => {
    const { config, problems } = configOf([
      { rule: 'smtp-port-25', channel: 'AR Mailbox', reason: 'internal relay' },
      { rule: 'private-host-via-internet', subject: 'Archive Host', reason: 'moving to the Cloud Connector' },
      { rule: 'smtp-port-25', channel: '  ', reason: 'would widen to every channel' },
      { rule: 'smtp-port-25', subject: 25, reason: 'not a text' },
    ]);
    assert.deepEqual(
      config.suppressions.map(({ rule, channel, subject }) => ({ rule, channel, subject })),
      [
        { rule: 'smtp-port-25', channel: 'AR Mailbox', subject: undefined },
        { rule: 'private-host-via-internet', channel: undefined, subject: 'Archive Host' },
      ],
    );
    assert.equal(problems.length, 2);
    assert.ok(
      problems.every((problem) => /"(channel|subject)" must be a non-empty text/.test(problem.message)),
      JSON.stringify(problems),
    );
  });

  it('matches only a finding of the same channel or subject', () => {
    const { config } = configOf([
      { rule: 'smtp-port-25', channel: 'AR Mailbox', reason: 'internal relay' },
      { rule: 'private-host-via-internet', subject: 'Archive Host', reason: 'moving' },
    ]);
    const iflow = 'file:///ws/a/Legacy.iflw';
    assert.equal(
      activeSuppression(config, 'smtp-port-25', iflow, TODAY, { channel: 'AR Mailbox', subject: 'server' })?.channel,
      'AR Mailbox',
    );
    assert.equal(activeSuppression(config, 'smtp-port-25', iflow, TODAY, { channel: 'Other Mailbox', subject: 'server' }), undefined);
    assert.equal(activeSuppression(config, 'smtp-port-25', iflow, TODAY), undefined, 'a finding of no channel');
    assert.equal(
      activeSuppression(config, 'private-host-via-internet', 'file:///ws/a/parameters.prop', TODAY, { subject: 'Archive Host' })?.subject,
      'Archive Host',
    );
    assert.equal(activeSuppression(config, 'private-host-via-internet', iflow, TODAY, { subject: 'httpAddressWithoutQuery' }), undefined);
  });

  it('a channel suppression hides that channel only, on the iFlow and on its parameter', () => {
    const folder = ruleCase('cleartext-basic-auth', 'positive-literal');
    const folderUri = pathToFileURL(folder).href;
    const { files } = loadCase(folder);
    const before = analyseFiles(files, folderUri).findings.filter((finding) => finding.ruleId === 'cleartext-basic-auth');
    const channels = [...new Set(before.map((finding) => finding.channel))];
    assert.ok(
      channels.length >= 2 && channels.every((channel) => typeof channel === 'string' && channel !== ''),
      `channels: ${JSON.stringify(channels)}`,
    );
    const target = channels[0]!;
    const withConfig = new Map(files).set(
      `${folderUri}/.cpisecurity.json`,
      addSuppression(undefined, { rule: 'cleartext-basic-auth', channel: target, reason: 'test' }),
    );
    const after = analyseFiles(withConfig, folderUri);
    const left = after.findings.filter((finding) => finding.ruleId === 'cleartext-basic-auth');
    assert.deepEqual(
      left.map((finding) => finding.channel),
      before.filter((finding) => finding.channel !== target).map((finding) => finding.channel),
    );
    assert.ok(after.suppressed.length > 0 && after.suppressed.every(({ finding }) => finding.channel === target));
  });

  it('a subject suppression on a parameter leaves the iFlow finding behind it', () => {
    const folder = ruleCase('cleartext-basic-auth', 'positive-parameter');
    const folderUri = pathToFileURL(folder).href;
    const { files } = loadCase(folder);
    const onParameter = analyseFiles(files, folderUri).findings.find((finding) => finding.uri.endsWith('parameters.prop'));
    assert.ok(onParameter?.subject, 'the case has a finding on its parameter');
    const withConfig = new Map(files).set(
      `${folderUri}/.cpisecurity.json`,
      addSuppression(undefined, { rule: 'cleartext-basic-auth', subject: onParameter.subject, reason: 'test' }),
    );
    const after = analyseFiles(withConfig, folderUri);
    assert.deepEqual(
      after.suppressed.map(({ finding }) => finding.uri),
      [onParameter.uri],
    );
    assert.ok(after.findings.some((finding) => finding.ruleId === 'cleartext-basic-auth' && finding.uri.endsWith('.iflw')));
  });

  it('the suppress command writes the narrowing in the documented key order', () => {
    const text = addSuppression(undefined, {
      rule: 'smtp-port-25',
      file: '**/Legacy*.iflw',
      channel: 'AR Mailbox',
      subject: 'server',
      reason: 'relay',
      expires: '2027-01-31',
    });
    const keys = Object.keys((JSON.parse(text) as { suppressions: Record<string, string>[] }).suppressions[0]);
    assert.deepEqual(keys, ['rule', 'file', 'channel', 'subject', 'reason', 'expires']);
    const { config, problems } = parseConfig(text, 'file:///ws/.cpisecurity.json');
    assert.deepEqual(problems, []);
    assert.equal(config.suppressions[0].channel, 'AR Mailbox');
  });
});
