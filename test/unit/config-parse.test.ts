import * as assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/core/config/parse';
import { DEFAULT_CONFIG, type ConfigProblem } from '../../server/src/core/config/model';
import { LineIndex, type Range } from '@cpi/common/text/range';

const URI = 'file:///ws/project/.cpisecurity.json';

/** The range of the `occurrence`-th appearance of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} not found`);
  }
  return new LineIndex(text).rangeOf(at, at + needle.length);
}

function only(problems: ConfigProblem[]): ConfigProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0];
}

describe('config: parseConfig', () => {
  it('reads every key of a valid configuration', () => {
    const text = `{
  "rules": { "outbound-port-not-open": "error", "generic-sender-role": "off" },
  "openedPorts": [2222, 8443],
  "ignore": ["**/test-data/**"],
  "certificates": { "inbound": ["certificates/inbound/**"], "outbound": ["certificates/outbound/**"], "messageLevel": ["certificates/message/**"] },
  "expiryWarningDays": 30,
  "suppressions": [
    { "rule": "cleartext-http-endpoint", "file": "**/Legacy*.iflw", "reason": "partner has no TLS until Q3", "expires": "2027-06-30" }
  ]
}`;
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...config.rules],
      [
        ['outbound-port-not-open', 'error'],
        ['generic-sender-role', 'off'],
      ],
    );
    assert.deepEqual([...config.openedPorts], [2222, 8443]);
    assert.deepEqual(config.ignore, ['**/test-data/**']);
    assert.deepEqual(config.certificates, {
      inbound: ['certificates/inbound/**'],
      outbound: ['certificates/outbound/**'],
      messageLevel: ['certificates/message/**'],
    });
    assert.equal(config.expiryWarningDays, 30);
    assert.equal(config.uri, URI);
    assert.equal(config.root, 'file:///ws/project');
    assert.equal(config.suppressions.length, 1);
    const [suppression] = config.suppressions;
    assert.equal(suppression.rule, 'cleartext-http-endpoint');
    assert.equal(suppression.file, '**/Legacy*.iflw');
    assert.equal(suppression.reason, 'partner has no TLS until Q3');
    assert.equal(suppression.expires, '2027-06-30');
    assert.deepEqual(suppression.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 134 } });
  });

  it('keeps defaults for keys that are absent, and for an empty or comment-only file', () => {
    for (const text of ['{}', '', '  \n', '// nothing yet\n']) {
      const { config, problems } = parseConfig(text, URI);
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.equal(config.expiryWarningDays, DEFAULT_CONFIG.expiryWarningDays);
      assert.equal(config.rules.size, 0);
      assert.deepEqual(config.suppressions, []);
    }
  });

  it('tolerates comments and trailing commas', () => {
    const text = `// team settings
{
  /* ports SAP opened for us */
  "openedPorts": [2222,],
  "rules": { "smtp-port-25": "hint", }, // trailing
}`;
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(problems, []);
    assert.deepEqual([...config.openedPorts], [2222]);
    assert.equal(config.rules.get('smtp-port-25'), 'hint');
  });

  it('reports an unknown rule id on its key and keeps the other rules', () => {
    const text = '{ "rules": { "smtp-port-52": "off", "cert-weak-key": "warning" } }';
    const { config, problems } = parseConfig(text, URI);
    const problem = only(problems);
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(problem.range, rangeOf(text, '"smtp-port-52"'));
    assert.match(problem.message, /Unknown rule id "smtp-port-52"/);
    assert.match(problem.message, /Did you mean "smtp-port-25"\?/);
    assert.deepEqual([...config.rules], [['cert-weak-key', 'warning']]);
  });

  it('reports an invalid severity on its value and keeps the other rules', () => {
    const text = '{ "rules": { "smtp-port-25": "fatal", "cert-weak-key": "hint", "cert-expired": 3 } }';
    const { config, problems } = parseConfig(text, URI);
    assert.equal(problems.length, 2);
    assert.deepEqual(problems[0].range, rangeOf(text, '"fatal"'));
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /"error", "warning", "information", "hint", "off"; found the string "fatal"/);
    assert.deepEqual(problems[1].range, rangeOf(text, '3'));
    assert.deepEqual([...config.rules], [['cert-weak-key', 'hint']]);
  });

  it('reports a rules value that is not an object', () => {
    const text = '{ "rules": ["smtp-port-25"] }';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(only(problems).range, rangeOf(text, '["smtp-port-25"]'));
    assert.equal(config.rules.size, 0);
  });

  it('reports each invalid port and keeps the valid ones', () => {
    const text = '{ "openedPorts": [2222, 0, 65536, 80.5, "8080", 65535, 1] }';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(
      problems.map((p) => p.range),
      [rangeOf(text, '0'), rangeOf(text, '65536'), rangeOf(text, '80.5'), rangeOf(text, '"8080"')],
    );
    assert.ok(problems.every((p) => p.severity === 'error' && /1 to 65535/.test(p.message)));
    assert.deepEqual([...config.openedPorts], [2222, 65535, 1]);
  });

  it('reports openedPorts that is not an array', () => {
    const text = '{ "openedPorts": 2222 }';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(only(problems).range, rangeOf(text, '2222'));
    assert.equal(config.openedPorts.size, 0);
  });

  it('reports non-string and empty globs in ignore and certificates', () => {
    const text =
      '{ "ignore": ["**/tmp/**", 5, ""], "certificates": { "inbound": "certs/**", "outbound": ["out/**", null], "client": [] } }';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.range]),
      [
        ['error', rangeOf(text, '5')],
        ['error', rangeOf(text, '""')],
        ['error', rangeOf(text, '"certs/**"')],
        ['error', rangeOf(text, 'null')],
        ['warning', rangeOf(text, '"client"')],
      ],
    );
    assert.deepEqual(config.ignore, ['**/tmp/**']);
    assert.deepEqual(config.certificates, { inbound: [], outbound: ['out/**'], messageLevel: [] });
  });

  it('reports an invalid expiryWarningDays and keeps the default', () => {
    for (const value of ['-1', '2.5', '"30"', 'true']) {
      const text = `{ "expiryWarningDays": ${value} }`;
      const { config, problems } = parseConfig(text, URI);
      const problem = only(problems);
      assert.deepEqual(problem.range, rangeOf(text, value));
      assert.match(problem.message, /whole number of days/);
      assert.equal(config.expiryWarningDays, 60);
    }
    assert.equal(parseConfig('{ "expiryWarningDays": 0 }', URI).config.expiryWarningDays, 0);
  });

  it('warns about unknown top-level keys and accepts $schema', () => {
    const text = '{ "$schema": "./schema.json", "rulez": {}, "openedPorts": [2222] }';
    const { config, problems } = parseConfig(text, URI);
    const problem = only(problems);
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(problem.range, rangeOf(text, '"rulez"'));
    assert.match(problem.message, /Unknown key "rulez".*"rules"/);
    assert.deepEqual([...config.openedPorts], [2222]);
  });

  it('warns about a repeated key and lets the later value win', () => {
    const text = '{ "expiryWarningDays": 10, "expiryWarningDays": 20 }';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(only(problems).range, rangeOf(text, '"expiryWarningDays"', 2));
    assert.equal(config.expiryWarningDays, 20);
  });

  it('reports a top-level value that is not an object', () => {
    const text = '[1, 2]';
    const { config, problems } = parseConfig(text, URI);
    assert.deepEqual(only(problems).range, rangeOf(text, '[1, 2]'));
    assert.equal(config.openedPorts.size, 0);
  });

  describe('suppressions', () => {
    const parseOne = (entry: string) => {
      const text = `{ "suppressions": [ ${entry} ] }`;
      return { text, ...parseConfig(text, URI) };
    };

    it('accepts a minimal suppression and trims the reason', () => {
      const { config, problems } = parseOne('{ "rule": "smtp-port-25", "reason": "  relay only accepts 25 " }');
      assert.deepEqual(problems, []);
      assert.equal(config.suppressions[0].reason, 'relay only accepts 25');
      assert.equal(config.suppressions[0].file, undefined);
      assert.equal(config.suppressions[0].expires, undefined);
    });

    it('accepts "*" with a file glob and rejects it without one', () => {
      assert.deepEqual(parseOne('{ "rule": "*", "file": "generated/**", "reason": "generated" }').problems, []);
      const { text, config, problems } = parseOne('{ "rule": "*", "reason": "everything" }');
      assert.deepEqual(only(problems).range, rangeOf(text, '"*"'));
      assert.match(problems[0].message, /"file"/);
      assert.deepEqual(config.suppressions, []);
    });

    it('drops a suppression with an unknown rule id', () => {
      const { text, config, problems } = parseOne('{ "rule": "cleartext-http", "reason": "x" }');
      assert.equal(only(problems).severity, 'warning');
      assert.deepEqual(problems[0].range, rangeOf(text, '"cleartext-http"'));
      assert.deepEqual(config.suppressions, []);
    });

    it('reports a missing rule or reason on the suppression object', () => {
      const entry = '{ "file": "a.iflw" }';
      const { text, config, problems } = parseOne(entry);
      assert.equal(problems.length, 2);
      assert.ok(problems.every((p) => p.severity === 'error'));
      assert.deepEqual(problems[0].range, rangeOf(text, entry));
      assert.match(problems[0].message, /needs "rule"/);
      assert.match(problems[1].message, /needs "reason"/);
      assert.deepEqual(config.suppressions, []);
    });

    it('reports a blank reason on its value', () => {
      const { text, problems } = parseOne('{ "rule": "smtp-port-25", "reason": "   " }');
      assert.deepEqual(only(problems).range, rangeOf(text, '"   "'));
    });

    it('rejects malformed and impossible expiry dates', () => {
      for (const date of ['"2027-6-30"', '"2027-02-30"', '"2027-13-01"', '"30.06.2027"', '20270630']) {
        const { text, config, problems } = parseOne(`{ "rule": "smtp-port-25", "reason": "r", "expires": ${date} }`);
        assert.deepEqual(only(problems).range, rangeOf(text, date), date);
        assert.match(problems[0].message, /YYYY-MM-DD/);
        assert.deepEqual(config.suppressions, [], date);
      }
      assert.deepEqual(parseOne('{ "rule": "smtp-port-25", "reason": "r", "expires": "2028-02-29" }').problems, []);
    });

    it('warns about unknown fields but keeps the suppression', () => {
      const { text, config, problems } = parseOne('{ "rule": "smtp-port-25", "reason": "r", "until": "2027-01-01" }');
      assert.equal(only(problems).severity, 'warning');
      assert.deepEqual(problems[0].range, rangeOf(text, '"until"'));
      assert.equal(config.suppressions.length, 1);
    });

    it('keeps valid suppressions next to invalid ones and records their ranges', () => {
      const text = `{
  "suppressions": [
    { "rule": "smtp-port-25", "reason": "a" },
    "smtp-port-25",
    { "rule": "cert-expired", "file": "", "reason": "b" },
    { "rule": "cert-weak-key", "reason": "c" }
  ]
}`;
      const { config, problems } = parseConfig(text, URI);
      assert.deepEqual(
        problems.map((p) => p.range),
        [rangeOf(text, '"smtp-port-25"', 2), rangeOf(text, '""')],
      );
      assert.deepEqual(
        config.suppressions.map((s) => s.rule),
        ['smtp-port-25', 'cert-weak-key'],
      );
      assert.deepEqual(config.suppressions[0].range, rangeOf(text, '{ "rule": "smtp-port-25", "reason": "a" }'));
      assert.deepEqual(config.suppressions[1].range, { start: { line: 5, character: 4 }, end: { line: 5, character: 46 } });
    });

    it('reports suppressions that is not an array', () => {
      const text = '{ "suppressions": { "rule": "smtp-port-25" } }';
      const { problems } = parseConfig(text, URI);
      assert.deepEqual(only(problems).range, rangeOf(text, '{ "rule": "smtp-port-25" }'));
    });
  });

  describe('invalid JSON', () => {
    it('reports the syntax error where it is and keeps what was read before it', () => {
      const text = `{
  "openedPorts": [2222],
  "rules": { "smtp-port-25": "off" }
  "expiryWarningDays": 10
`;
      const { config, problems } = parseConfig(text, URI);
      assert.ok(problems.length >= 1);
      assert.ok(problems.every((p) => p.severity === 'error'));
      assert.match(problems[0].message, /^Invalid JSON: expected ","/);
      assert.deepEqual(problems[0].range.start, { line: 3, character: 2 });
      assert.deepEqual([...config.openedPorts], [2222]);
      assert.equal(config.rules.get('smtp-port-25'), 'off');
    });

    it('keeps defaults for values cut off by the error', () => {
      const text = '{ "openedPorts": [2222, ';
      const { config, problems } = parseConfig(text, URI);
      assert.ok(problems.length >= 1);
      assert.ok(problems.every((p) => p.severity === 'error' && p.message.startsWith('Invalid JSON')));
      assert.deepEqual([...config.openedPorts], [2222]);
      assert.equal(config.expiryWarningDays, 60);
    });

    it('reports text that is not JSON at all', () => {
      const { config, problems } = parseConfig('ports = 2222', URI);
      assert.ok(problems.length >= 1);
      assert.deepEqual(problems[0].range.start, { line: 0, character: 0 });
      assert.equal(config.openedPorts.size, 0);
      assert.equal(config.root, 'file:///ws/project');
    });

    it('does not throw on a property without a value', () => {
      const { problems, config } = parseConfig('{ "rules": ', URI);
      assert.ok(problems.length >= 1);
      assert.equal(config.rules.size, 0);
    });
  });

  it('leaves root unset for an opaque URI', () => {
    assert.equal(parseConfig('{}', 'untitled:Untitled-1').config.root, undefined);
  });
});
