import * as assert from 'node:assert/strict';
import { callAt } from '../../server/src/core/script/calls';
import { callIndex } from '../../server/src/core/script/call-index';
import type { ScriptLanguage } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { indexedTexts } from '../../server/src/core/script/token-index';

// The call index answers for the calls of a few methods without trying every
// name of the block as a call: its answers must be the calls a full walk
// finds, as the same objects, whichever question comes first.

const GROOVY = [
  'import com.sap.gateway.ip.core.customdev.util.Message',
  'def Message processData(Message message) {',
  '  def log = messageLogFactory.getMessageLog(message)',
  '  message.getHeaders().each { k, v -> log.setStringProperty(k, v as String) }',
  '  def f = javax.xml.parsers.DocumentBuilderFactory.newInstance()',
  '  f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)',
  '  def u = new java.net.URL("http://example.com")',
  '  println "done ${message.getBody(String).size()}"',
  '  list.findAll { it }.each { println it }',
  '  info = 1',
  '  return message',
  '}',
].join('\n');
const JAVASCRIPT =
  'function processData(message) {\n  var h = message.getHeaders();\n  h.forEach(function (k, v) { log.info(k + v); });\n  return message;\n}\n';

const WANTED = indexedTexts(['each', 'setStringProperty', 'newInstance', 'setFeature', 'URL', 'println', 'info', 'forEach', 'processData']);

function check(text: string, language: ScriptLanguage): void {
  const code = readScript(text, language).code;
  // A fresh read of the same text is asked the other way round: by name first, then all.
  const other = readScript(text, language).code;
  const byName = callIndex(other, language).named(WANTED);
  const atFirst = other.tokens.map((_, i) => callIndex(other, language).at(i));

  const all = callIndex(code, language).all;
  const expected = all.filter((call) => WANTED.has(call.method));
  assert.ok(expected.length >= 2, 'the sample has calls of the wanted methods');
  assert.deepEqual(
    byName.map((call) => [call.name, call.method, call.start, call.end]),
    expected.map((call) => [call.name, call.method, call.start, call.end]),
  );
  // After `all` is read, named gives the objects of `all`; before, `all` keeps the objects given out by `at`.
  const named = callIndex(code, language).named(WANTED);
  assert.deepEqual(named, expected);
  for (let i = 0; i < named.length; i++) assert.equal(named[i], expected[i]);
  const laterAll = callIndex(other, language).all;
  for (const call of laterAll) assert.equal(call, atFirst[call.name]);
  for (const call of byName) assert.ok(laterAll.includes(call));
  // `at` answers like callAt, for every token, bound or not.
  const at = callIndex(code, language).at;
  code.tokens.forEach((_, i) => assert.equal(at(i)?.name, callAt(code, language, i)?.name));
  // `info = 1` is a name, not a call.
  if (language === 'groovy') assert.ok(!named.some((call) => call.method === 'info'));
}

describe('script call index', () => {
  it('finds the calls of named methods as a full walk does (Groovy)', () => check(GROOVY, 'groovy'));
  it('finds the calls of named methods as a full walk does (JavaScript)', () => check(JAVASCRIPT, 'javascript'));
  it('finds them in blocks short enough to be walked without a token index', () => {
    const code = readScript('log.info("a")', 'groovy').code;
    assert.deepEqual(
      callIndex(code, 'groovy')
        .named(WANTED)
        .map((call) => call.method),
      ['info'],
    );
  });
});
