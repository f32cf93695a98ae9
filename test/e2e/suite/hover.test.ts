// Hovers through VS Code's hover API: the findings under the cursor come
// first, then what the setting means, with a link to the FAQ answer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, findings } from './diagnostics';
import { at, openShown } from './documents';
import { exampleUri, hasExamples, iflowPath, parametersPath } from './examples';
import { hoverAt, hoverText } from './hovers';
import { waitFor } from './wait';

describe('Hovers', function () {
  before(function () {
    if (!hasExamples()) this.skip();
  });

  it('on a flagged iFlow value: the finding first, naming the rule, then the setting with its FAQ link', async () => {
    const document = await openShown(exampleUri(iflowPath('legacy')));
    await waitFor(() => findings(document.uri, 'cleartext-basic-auth').length > 0, 'cleartext-basic-auth', {
      describe: () => describeDiagnostics(document.uri),
    });
    const { text, hovers } = await hoverAt(document, at(164, 40), 'cleartext-basic-auth');
    // compact finding line (issue 18): rule and title; the message naming the
    // channel is VS Code's diagnostic block above the hover, not repeated here
    assert.match(
      text,
      /^\*\*Error · cleartext-basic-auth\*\* — Basic authentication over plain HTTP · /,
      `the hover starts with the finding: rule and title:\n${text}`,
    );
    assert.ok(!text.includes('sends Basic credentials over plain HTTP'), `the diagnostic message is not repeated:\n${text}`);
    assert.ok(text.includes('private-host-via-internet'), 'the second finding at the same place is shown too');
    const faqLink = text.indexOf('command:cpiSecurity.openFaq?');
    assert.ok(faqLink > text.indexOf('cleartext-basic-auth'), `the key explanation with its FAQ link follows the findings:\n${text}`);
    assert.ok(text.includes('command:cpiSecurity.explainRule?'), 'the finding links to the rule explanation');
    assert.ok(text.includes('Resolved from `Archive Host`'), 'the parameter behind the value is resolved');
    const range = hovers.find((hover) => hover.range)?.range;
    assert.ok(range, 'the hover has a range');
    assert.equal(document.getText(range), 'http://{{Archive Host}}:8080/archive/invoices');
  });

  it('on a parameter in parameters.prop: names the channel that uses it', async () => {
    const document = await openShown(exampleUri(parametersPath('legacy')));
    const { text } = await hoverAt(document, at(2, 18), 'Archive Host');
    assert.ok(text.includes('**Parameter `Archive Host`** = `docarchive01`'), text);
    assert.match(text, /used as `httpAddressWithoutQuery` by channel "Document Archive" \(HTTP\) in iFlow "Legacy Invoice Dispatch/, text);
    assert.match(text, /^\*\*Warning · private-host-via-internet\*\*/, `the finding on the value comes first:\n${text}`);
  });

  it('outside any setting: no hover of ours', async () => {
    const document = await openShown(exampleUri(iflowPath('legacy')));
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2))) ?? [];
    assert.ok(!hoverText(hovers).includes('cpiSecurity'), hoverText(hovers));
  });
});
