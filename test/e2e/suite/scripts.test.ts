// Scripts of the demo workspace in the real editor: Groovy and JavaScript
// files of an artifact get their findings as diagnostics (with the Script
// step that runs them), a hover on a script API explains it after the
// finding there, and the script quick fixes edit the text and clear the
// finding.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsAt, titles } from './actions';
import { describeDiagnostics, findings, ruleId } from './diagnostics';
import { at, openShown, replaceText, revert, revertAll } from './documents';
import { exampleUri, expectedFor, hasExamples, scriptPath, SCRIPT_ARTIFACT, SEVERITIES } from './examples';
import { hoverAt } from './hovers';
import { waitFor } from './wait';

const DISALLOW_DOCTYPE = 'factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)';

/** `rule@line:column severity`, 1-based, sorted: comparable with examples-expected.json. */
function signature(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleId(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]}`)
    .sort();
}

function wantedFor(relative: string): string[] {
  const expected = expectedFor(relative);
  assert.ok(expected.length > 0, `examples-expected.json lists nothing for ${relative}`);
  return expected.map((f) => `${f.rule}@${f.line}:${f.column} ${vscode.DiagnosticSeverity[SEVERITIES[f.severity]]}`).sort();
}

/** Opens a script of the demo and waits for exactly the findings examples-expected.json lists for it. */
async function openWithExpectedFindings(fileName: string): Promise<vscode.TextDocument> {
  const relative = scriptPath(fileName);
  const wanted = wantedFor(relative);
  const document = await openShown(exampleUri(relative));
  await waitFor(() => JSON.stringify(signature(findings(document.uri))) === JSON.stringify(wanted), `diagnostics ${wanted.join(', ')}`, {
    describe: () => describeDiagnostics(document.uri),
  });
  return document;
}

describe('Scripts of the demo workspace', function () {
  before(function () {
    if (!hasExamples()) this.skip();
  });
  afterEach(revertAll);

  it('reports exactly the expected findings of a Groovy script, each naming the Script step that runs it', async () => {
    const document = await openWithExpectedFindings('FetchPortalPrices.groovy');
    assert.equal(document.languageId, 'groovy', "VS Code's own language id: the server picks scripts by their place in an artifact");
    const iflow = exampleUri(`${SCRIPT_ARTIFACT}/src/main/resources/scenarioflows/integrationflow/Supplier Catalog Sync.iflw`);
    for (const diagnostic of findings(document.uri)) {
      const related = diagnostic.relatedInformation ?? [];
      assert.deepEqual(
        related.map((info) => [info.location.uri.fsPath, info.message]),
        [[iflow.fsPath, 'Script step of iFlow "Supplier Catalog Sync" runs this script']],
        `${ruleId(diagnostic)} at line ${diagnostic.range.start.line + 1}`,
      );
    }
    const secretLogged = findings(document.uri, 'script-secret-logged')[0];
    assert.match(secretLogged.message, /password read at line 13/, 'the message says where the secret came from');
  });

  it('reports the JavaScript script too', async () => {
    const document = await openWithExpectedFindings('convertUnits.js');
    assert.equal(document.languageId, 'javascript');
    const finding = findings(document.uri, 'script-cleartext-url')[0];
    assert.equal(document.getText(finding.range), '"http://units.trailgear.example.com/convert"');
  });

  it('has nothing to report on the clean script, and reports what an edit brings into it', async () => {
    const document = await openShown(exampleUri(scriptPath('SetImportHeaders.groovy')));
    assert.deepEqual(expectedFor(scriptPath('SetImportHeaders.groovy')), [], 'examples-expected.json lists nothing for the clean script');
    const original = document.getText();
    // An edit that adds a finding proves the script is analysed; undoing it must leave no finding behind.
    await replaceText(document, '    return message\n', '    def portalPassword = "Tg-9vX!q2Lm7"\n    return message\n');
    assert.ok(document.isDirty, 'the edit leaves the script unsaved');
    await waitFor(() => findings(document.uri, 'script-hardcoded-secret').length === 1, 'script-hardcoded-secret on the edited script', {
      describe: () => describeDiagnostics(document.uri),
    });
    await revert(document);
    // the undo itself, checked apart from the analysis: a document left edited (not dirty, say, so that
    // revert had nothing to do) would keep its finding for a reason of its own
    assert.equal(
      document.getText(),
      original,
      `the script is back to its text on disk (version ${document.version}, dirty: ${document.isDirty})`,
    );
    await waitFor(() => findings(document.uri).length === 0, 'no finding on the clean script once the edit is undone', {
      describe: () =>
        `${describeDiagnostics(document.uri)}\n(document version ${document.version}, line 13: ${JSON.stringify(document.lineAt(12).text)})`,
    });
  });

  it('hover on a script API: the finding there first, then what the API means with its SAP guideline', async () => {
    const document = await openWithExpectedFindings('ReadCatalogArticles.groovy');
    const { text, hovers } = await hoverAt(document, at(9, 25), 'DocumentBuilderFactory');
    assert.match(text, /^\*\*Warning · script-xxe\*\*/, `the hover should start with the finding:\n${text}`);
    const note = text.indexOf('**`DocumentBuilderFactory`** · XML parser');
    assert.ok(note > text.indexOf('script-xxe'), `the API note follows the finding:\n${text}`);
    assert.ok(text.includes('SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES'), `the SAP design guideline is named:\n${text}`);
    assert.ok(text.includes('command:cpiSecurity.explainRule?'), 'the finding links to the rule explanation');
    const range = hovers.find((hover) => hover.range)?.range;
    assert.ok(range, 'the hover has a range');
    assert.equal(document.getText(range), 'DocumentBuilderFactory');

    // Where no finding is, the note alone.
    const portal = await openShown(exampleUri(scriptPath('FetchPortalPrices.groovy')));
    const column = portal.lineAt(11).text.indexOf('getUserCredential') + 3;
    const secureStore = await hoverAt(portal, new vscode.Position(11, column), 'getUserCredential');
    assert.match(secureStore.text, /^\*\*`getUserCredential`\*\* · secure store/, secureStore.text);
    assert.ok(secureStore.text.includes('AVOID_ACCESSING_SECURE_PARAMETER'), secureStore.text);
  });

  it("applies 'Use https://' to the portal URL: script-cleartext-url goes, the other findings stay", async () => {
    const document = await openWithExpectedFindings('FetchPortalPrices.groovy');
    const finding = findings(document.uri, 'script-cleartext-url')[0];
    const actions = await actionsAt(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Use https://');
    assert.ok(fix?.edit, `no 'Use https://' quick fix with an edit among:\n${titles(actions)}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was not applied');
    assert.ok(
      document.lineAt(finding.range.start.line).text.includes('new URL("https://portal.trailgear.example.com/api/v2/prices?catalog="'),
      document.lineAt(finding.range.start.line).text,
    );
    await waitFor(() => findings(document.uri, 'script-cleartext-url').length === 0, 'script-cleartext-url to go away', {
      describe: () => describeDiagnostics(document.uri),
    });
    const others = wantedFor(scriptPath('FetchPortalPrices.groovy')).filter((entry) => !entry.startsWith('script-cleartext-url@'));
    assert.deepEqual(signature(findings(document.uri)), others);
  });

  it('inserts the disallow-doctype-decl feature after the factory is created: script-xxe goes', async () => {
    const document = await openWithExpectedFindings('ReadCatalogArticles.groovy');
    const finding = findings(document.uri, 'script-xxe')[0];
    const actions = await actionsAt(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Insert factory.setFeature('));
    assert.ok(fix?.edit, `no insert quick fix among:\n${titles(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was not applied');
    assert.equal(document.lineAt(finding.range.start.line + 1).text, `    ${DISALLOW_DOCTYPE}`);
    // The feature URI is no connection target: no script-cleartext-url either.
    await waitFor(() => findings(document.uri).length === 0, 'no finding left on the hardened script', {
      describe: () => describeDiagnostics(document.uri),
    });
  });

  it('offers to suppress a script finding with a comment, and to explain its rule', async () => {
    const document = await openWithExpectedFindings('ApplyPriceRules.groovy');
    const finding = findings(document.uri, 'script-eval')[0];
    const actions = await actionsAt(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const comment = actions.find((action) => action.title === 'Suppress script-eval on this line with a comment…');
    assert.ok(comment, `no comment suppression among:\n${titles(actions)}`);
    assert.equal(comment.command?.command, 'cpiSecurity.suppressFinding');
    const args = comment.command?.arguments?.[0] as { comment?: { line: number; prefix: string } };
    assert.deepEqual(args.comment, {
      line: finding.range.start.line,
      prefix: '        // cpi-security-lint-disable-next-line script-eval -- ',
    });
    assert.ok(
      actions.some((action) => action.title === 'Explain rule script-eval'),
      titles(actions),
    );
  });
});
