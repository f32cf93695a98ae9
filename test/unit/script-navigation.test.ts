import * as assert from 'node:assert/strict';
import { codeBlocks } from '../../server/src/core/script/blocks';
import { callSites } from '../../server/src/core/script/call-index';
import type { CallSite } from '../../server/src/core/script/calls';
import { literalValue } from '../../server/src/core/script/literals';
import type { ScriptCode, ScriptLanguage, ScriptModel } from '../../server/src/core/script/model';
import { readScript } from '../../server/src/core/script/read';
import { namedEntry, spanText, splitAtCommas } from '../../server/src/core/script/span';
import { enclosingBrace, statementAround, statementsIn } from '../../server/src/core/script/statements';

interface FoundCall {
  method: string;
  receiver?: readonly string[];
  isNew: boolean;
  args: string[];
  closure: boolean;
  text: string;
}

function calls(text: string, language: ScriptLanguage = 'groovy'): FoundCall[] {
  const model = readScript(text, language);
  const found: FoundCall[] = [];
  for (const { code } of codeBlocks(model)) for (const call of callSites(code, language)) found.push(summary(model, code, call));
  return found;
}

function summary(model: ScriptModel, code: ScriptCode, call: CallSite): FoundCall {
  return {
    method: call.method,
    ...(call.receiver ? { receiver: call.receiver.path } : {}),
    isNew: call.isNew,
    args: call.arguments.map((a) => spanText(model, code, a)),
    closure: call.closure >= 0,
    text: spanText(model, code, { start: call.start, end: call.end }),
  };
}

const methods = (text: string, language?: ScriptLanguage) => calls(text, language).map((c) => c.method);

describe('script navigation', () => {
  describe('call sites', () => {
    it('finds receiver chains, arguments and nested calls', () => {
      assert.deepEqual(calls('def log = messageLogFactory.getMessageLog(message)\nlog?.setStringProperty("k", body.toString())'), [
        {
          method: 'getMessageLog',
          receiver: ['messageLogFactory'],
          isNew: false,
          args: ['message'],
          closure: false,
          text: 'messageLogFactory.getMessageLog(message)',
        },
        {
          method: 'setStringProperty',
          receiver: ['log'],
          isNew: false,
          args: ['"k"', 'body.toString()'],
          closure: false,
          text: 'log?.setStringProperty("k", body.toString())',
        },
        { method: 'toString', receiver: ['body'], isNew: false, args: [], closure: false, text: 'body.toString()' },
      ]);
    });

    it('names calls, indexes and created objects in a receiver path', () => {
      const [, , third] = calls('a.b(1)[0].c().d(x)');
      assert.deepEqual(third.receiver, ['a', 'b()[]', 'c()']);
      const open = calls('new java.net.URL("http://h").openConnection()');
      assert.deepEqual(
        open.map((c) => [c.method, c.isNew, c.receiver]),
        [
          ['URL', true, undefined],
          ['openConnection', false, ['new java.net.URL()']],
        ],
      );
      assert.deepEqual(calls('"a".toString()')[0].receiver, ['"a"']);
      assert.deepEqual(
        calls('list.findAll { it }.each { log.info it }').map((c) => [c.method, c.receiver]),
        [
          ['findAll', ['list']],
          ['each', ['list', 'findAll()']],
          ['info', ['log']],
        ],
      );
      assert.deepEqual(calls('m.get(1) { x }?.size()')[1].receiver, ['m', 'get()']);
      assert.deepEqual(calls('[:].withDefault { 0 }')[0].receiver, ['[…]']);
    });

    it('reads `new` with type arguments and anonymous class bodies', () => {
      const [list, manager] = calls(
        'def l = new ArrayList<Map<String, String>>()\ndef tm = new X509TrustManager() { void checkServerTrusted(a, b) {} }',
      );
      assert.deepEqual([list.method, list.isNew, list.args], ['ArrayList', true, []]);
      assert.equal(manager.method, 'X509TrustManager');
      assert.equal(manager.closure, true, 'the class body is reachable');
      assert.match(manager.text, /checkServerTrusted\(a, b\) \{\} \}$/);
    });

    it('reads Groovy calls without parentheses and with trailing closures', () => {
      assert.deepEqual(
        calls('println "pw: $pw"\nlog.info "a", b\nheaders.each { k, v -> log.debug k }\nlist.inject(0) { s, x -> s + x }'),
        [
          { method: 'println', isNew: false, args: ['"pw: $pw"'], closure: false, text: 'println "pw: $pw"' },
          { method: 'info', receiver: ['log'], isNew: false, args: ['"a"', 'b'], closure: false, text: 'log.info "a", b' },
          {
            method: 'each',
            receiver: ['headers'],
            isNew: false,
            args: ['{ k, v -> log.debug k }'],
            closure: true,
            text: 'headers.each { k, v -> log.debug k }',
          },
          { method: 'debug', receiver: ['log'], isNew: false, args: ['k'], closure: false, text: 'log.debug k' },
          {
            method: 'inject',
            receiver: ['list'],
            isNew: false,
            args: ['0', '{ s, x -> s + x }'],
            closure: true,
            text: 'list.inject(0) { s, x -> s + x }',
          },
        ],
      );
    });

    it('does not take declarations, keywords or typed variables for calls', () => {
      assert.deepEqual(
        methods(
          'def Message processData(Message message) {\n  String body = x\n  if (a) { b() }\n  return message\n}\nprivate static String helper(String s) { s.trim() }\nString name(a) { }',
        ),
        ['b', 'trim'],
      );
      assert.deepEqual(methods('function processData(message) { message.getBody(); }', 'javascript'), ['getBody']);
    });

    it('finds calls inside GString interpolations', () => {
      assert.deepEqual(methods('def s = "${cred.getPassword()} and ${a.collect { "${it.x()}" }}"'), ['getPassword', 'collect', 'x']);
    });

    it('reads JavaScript calls without Groovy command syntax', () => {
      assert.deepEqual(methods('var x = eval("1"); y = new Function("a", "return a");\nfoo {}', 'javascript'), ['eval', 'Function']);
    });
  });

  describe('statements', () => {
    const statements = (text: string) => {
      const model = readScript(text, 'groovy');
      return statementsIn(model.code, -1).map((s) => spanText(model, model.code, s));
    };

    it('splits at semicolons and at line ends that end a statement', () => {
      assert.deepEqual(statements('a = 1; b = 2\nc = 3\n\nd()'), ['a = 1', 'b = 2', 'c = 3', 'd()']);
    });

    it('carries a statement over lines that continue it', () => {
      assert.deepEqual(
        statements('def x = a +\n  b\ndef y = list\n  .findAll { it }\n  ?.size()\nif (a) {\n} else {\n}\ndef z = c ?\n d :\n e'),
        ['def x = a +\n  b', 'def y = list\n  .findAll { it }\n  ?.size()', 'if (a) {\n} else {\n}', 'def z = c ?\n d :\n e'],
      );
    });

    it('finds the statement around a token at its block level, and the enclosing brace', () => {
      const model = readScript('def f() {\n  def auth = "Basic " + encode(user, pw)\n  other()\n}', 'groovy');
      const pw = model.code.tokens.findIndex((t) => t.text === 'pw');
      assert.equal(spanText(model, model.code, statementAround(model.code, pw)), 'def auth = "Basic " + encode(user, pw)');
      assert.equal(model.code.tokens[enclosingBrace(model.code, pw)].text, '{');
      assert.equal(enclosingBrace(model.code, 0), -1);
    });
  });

  describe('arguments, map entries and literal values', () => {
    it('splits at top-level commas and reads named entries', () => {
      const model = readScript('f(password: "s3cr3t!x", [a, b], "k": v, (c, d))', 'groovy');
      const args = splitAtCommas(model.code, { start: 2, end: model.code.pair[1] });
      assert.deepEqual(
        args.map((a) => spanText(model, model.code, a)),
        ['password: "s3cr3t!x"', '[a, b]', '"k": v', '(c, d)'],
      );
      const entry = namedEntry(model.code, args[0])!;
      assert.equal(entry.key, 'password');
      assert.equal(literalValue(model.code, entry.value)?.value, 's3cr3t!x');
      assert.equal(namedEntry(model.code, args[2])?.key, 'k');
      assert.equal(namedEntry(model.code, args[1]), undefined);
    });

    it('sees a literal through new String(…), .toString() and parentheses, but not through interpolation', () => {
      const value = (text: string) => {
        const model = readScript(text, 'groovy');
        return literalValue(model.code, { start: 0, end: model.code.tokens.length })?.value;
      };
      assert.equal(value('new String("abc")'), 'abc');
      assert.equal(value('("abc").toString()'), 'abc');
      assert.equal(value("new String('a\\tb'.toString())"), 'a\tb');
      assert.equal(value('"a${b}"'), undefined);
      assert.equal(value('"a" + "b"'), undefined);
    });
  });
});
