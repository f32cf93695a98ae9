import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerExcerpt } from '@cpi/common/knowledge/excerpt';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { FAQ } from '@cpi/common/knowledge/sap-help';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { iflowHover } from '../../server/src/core/explain/hover';
import { ruleCase } from '../support/fixture-cases';

// iFlow hovers sit under VS Code's own block of diagnostic messages: they
// name each finding once in one line, then explain the setting, its value and
// the FAQ answer, short enough for a small hover.

const COMMANDS = { explainRule: 'explain', openFaq: 'faq' };

function hoverOnMailServer() {
  const folder = ruleCase('nonstandard-mail-port', 'positive-parameter');
  const iflow = parseIflow('file:///hover/Mailbox%20Polling.iflw', readFileSync(join(folder, 'Mailbox Polling.iflw'), 'utf8'));
  const parameters = parseParameters('file:///hover/parameters.prop', readFileSync(join(folder, 'parameters.prop'), 'utf8'));
  const { findings } = analyseArtifact({ iflows: [iflow], parameters, config: DEFAULT_CONFIG });
  const onIflow = findings.filter((finding) => finding.uri === iflow.uri && finding.ruleId === 'nonstandard-mail-port');
  assert.equal(onIflow.length, 1);
  const hover = iflowHover(iflow, parameters, findings, onIflow[0].range.start, COMMANDS);
  assert.ok(hover);
  return { markdown: hover.markdown, finding: onIflow[0] };
}

describe('iFlow hover', () => {
  it('names the finding in one line without repeating the diagnostic message', () => {
    const { markdown, finding } = hoverOnMailServer();
    const firstLine = markdown.split('\n')[0];
    assert.match(firstLine, /^\*\*Info · nonstandard-mail-port\*\* — .+ · \[Explain rule\]\(command:explain\?/);
    assert.ok(!markdown.includes(finding.message), markdown);
    assert.equal(markdown.split('Info · nonstandard-mail-port**').length - 1, 1, 'one line for the finding');
  });

  it('then explains the setting, its resolved value and the FAQ answer, in that order and briefly', () => {
    const { markdown } = hoverOnMailServer();
    const order = [markdown.indexOf('**`server`**'), markdown.indexOf('Resolved from `Mailbox Server`'), markdown.indexOf('*FAQ:')];
    assert.ok(
      order.every((index) => index > 0),
      markdown,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      markdown,
    );
    assert.ok(markdown.length < 1400, `${markdown.length} characters`);
  });

  it('keeps the list an FAQ answer introduces with a colon', () => {
    const { markdown } = hoverOnMailServer();
    assert.match(
      markdown,
      /open by default for outbound traffic: SFTP \/ SSH: port \*\*22\*\*; SMTP: ports \*\*25\*\*, \*\*465\*\* and \*\*587\*\*\./,
    );
    const answer = faqEntry(FAQ.sftpSmtpPorts)!.answer;
    assert.ok(!answerExcerpt(answer).endsWith(':'));
    assert.equal(answerExcerpt('Short answer. More detail.', { sentence: true }), 'Short answer.');
    assert.equal(answerExcerpt('Lead:\n- one\n- two\n\nRest.'), 'Lead: one; two.');
    assert.equal(answerExcerpt('No list follows:\n\nJust text.'), 'No list follows:');
  });
});
