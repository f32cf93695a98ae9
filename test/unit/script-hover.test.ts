import * as assert from 'node:assert/strict';
import type { Finding } from '@cpi/common/findings';
import { SCRIPT_API_NOTES, scriptApiNote } from '@cpi/common/knowledge/script-apis';
import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { scriptApiAt, scriptHover } from '../../server/src/core/explain/script-hover';
import type { ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { tokenAt } from '../../server/src/core/script/token-at';

const COMMANDS = { explainRule: 'cpi.explain', openFaq: 'cpi.faq' };
const URI = 'file:///w/A/src/main/resources/script/s.groovy';

/** The text with `|` marking the cursor; the model and the cursor's position. */
function at(marked: string, language: ScriptLanguage = 'groovy') {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'cursor marked');
  const model = readScript(marked.slice(0, offset) + marked.slice(offset + 1), language);
  return { model, position: model.lines.positionAt(offset) };
}

function hover(marked: string, language: ScriptLanguage = 'groovy', findings: readonly Finding[] = []) {
  const { model, position } = at(marked, language);
  return scriptHover(model, URI, findings, position, COMMANDS);
}

describe('script hovers', () => {
  it('finds the token under the cursor, inside interpolations too', () => {
    const { model } = at('|def s = "a ${XmlSlurper.name} $b.c"');
    const text = model.text;
    assert.equal(tokenAt(model, text.indexOf('XmlSlurper') + 3)?.token.text, 'XmlSlurper');
    assert.equal(tokenAt(model, text.indexOf('$b') + 1)?.token.text, 'b');
    assert.equal(tokenAt(model, text.indexOf('"a') + 1)?.token.kind, 'string');
    assert.equal(tokenAt(model, text.indexOf(' =')), undefined, 'white space');
    assert.equal(tokenAt(model, text.length), undefined, 'past the end');
  });

  it("explains the message log, with the guideline of attachments and SAP's page", () => {
    const content = hover('def log = messageLogFactory.getMessageLog(message)\nlog.addAttach|mentAsString("body", body, "text/plain")');
    assert.ok(content);
    assert.match(content.markdown, /^\*\*`addAttachmentAsString`\*\* · message processing log/);
    assert.match(content.markdown, /AVOID_CREATING_MPL_ATTACHMENTS/);
    assert.ok(content.markdown.includes(`](${SAP_PAGES.removeSensitiveContent.url})`));
    assert.deepEqual(content.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 25 } });
    assert.match(hover('messageLogFactory.getMess|ageLog(message)')!.markdown, /`getMessageLog`/);
    assert.match(hover('log.setStringProp|erty("k", v)')!.markdown, /monitor messages/);
  });

  it('explains the secure store, XML factories and Eval with their guideline ids', () => {
    assert.match(hover('def s = ITApiFactory.getService(SecureStoreSer|vice, null)')!.markdown, /AVOID_ACCESSING_SECURE_PARAMETER/);
    assert.match(hover('def c = s.getUserCred|ential("alias")')!.markdown, /User Credentials artifact/);
    assert.match(hover('def f = DocumentBuilderFac|tory.newInstance()')!.markdown, /SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES/);
    const slurper = hover('def x = new XmlSl|urper().parse(reader)')!.markdown;
    assert.match(slurper, /SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES/);
    assert.match(slurper, /third argument `true`/);
    assert.ok(slurper.includes(SAP_PAGES.switchOffExternalEntities.url));
    assert.match(hover('Ev|al.me("1 + 1")')!.markdown, /EVAL_USAGE_CHECK/);
    assert.match(hover('new GroovySh|ell().evaluate(text)')!.markdown, /EVAL_USAGE_CHECK/);
    assert.match(hover('const v = ev|al(text);', 'javascript')!.markdown, /JSON\.parse/);
  });

  it('stays silent elsewhere: other names, strings that spell an API, words that are only APIs when called, the other language', () => {
    assert.equal(hover('def x = mes|sage.getBody()'), undefined);
    assert.equal(hover('def x = "XmlSl|urper"'), undefined);
    assert.equal(hover('// XmlSl|urper in a comment'), undefined);
    assert.equal(hover('def p = cred.getPass|word'), undefined, 'not a call');
    assert.ok(hover('def p = cred.getPass|word()'));
    assert.equal(hover('const e = ev|al;', 'javascript'), undefined);
    assert.equal(hover('def x = ev|al(t)'), undefined, 'eval is a JavaScript API');
    assert.equal(hover('const x = new XmlSl|urper();', 'javascript'), undefined, 'XmlSlurper is Groovy');
  });

  it('puts the findings at the cursor first, each once', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } };
    const finding: Finding = {
      ruleId: 'script-mpl-attachment',
      severity: 'warning',
      message: 'MPL attachment "body" written without a log switch',
      uri: URI,
      range,
      related: [],
      fixes: [],
    };
    const elsewhere: Finding = {
      ...finding,
      ruleId: 'script-eval',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
    };
    const content = hover('log.addAttachment|AsString("body", b)', 'groovy', [
      finding,
      { ...finding },
      elsewhere,
      { ...finding, uri: 'file:///other.groovy' },
    ]);
    assert.ok(content);
    const [first, note] = content.markdown.split('\n\n---\n\n');
    assert.equal(
      first,
      `**Warning · script-mpl-attachment** — ${finding.message} · [Explain rule](command:cpi.explain?${encodeURIComponent('["script-mpl-attachment"]')})`,
    );
    assert.match(note, /^\*\*`addAttachmentAsString`\*\*/);
    assert.doesNotMatch(content.markdown, /script-eval/);
  });

  it('has a note for every API the script rules name, in both languages where they apply', () => {
    for (const name of [
      'messageLogFactory',
      'getMessageLog',
      'addAttachmentAsString',
      'setStringProperty',
      'addCustomHeaderProperty',
      'SecureStoreService',
      'getUserCredential',
      'getSecureParameter',
      'getPassword',
      'AccessTokenAndUrlService',
      'getAccessToken',
      'DocumentBuilderFactory',
      'SAXParserFactory',
      'XMLInputFactory',
      'TransformerFactory',
      'SchemaFactory',
      'SAXReader',
      'XmlSlurper',
      'XmlParser',
      'Eval',
      'GroovyShell',
    ]) {
      assert.ok(scriptApiNote(name, 'groovy'), name);
    }
    assert.ok(scriptApiNote('eval', 'javascript'));
    assert.ok(scriptApiNote('DocumentBuilderFactory', 'javascript'), 'Java classes reach JavaScript too');
    for (const note of SCRIPT_API_NOTES) {
      assert.ok(note.summary.length > 40 && note.pages.length > 0, note.name);
      for (const id of note.rules) assert.match(id, /^script-[a-z-]+$/, note.name);
    }
    assert.equal(new Set(SCRIPT_API_NOTES.map((note) => note.name)).size, SCRIPT_API_NOTES.length);
    assert.equal(scriptApiAt(at('|x').model, { line: 0, character: 0 }), undefined);
  });
});
