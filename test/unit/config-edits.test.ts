import * as assert from 'node:assert/strict';
import { addOpenedPort, addSuppression, formattingOf, setRuleSeverity } from '@cpi/common/config/edits';
import { parseConfig } from '../../server/src/core/config/parse';
import { applyTextEdits as apply } from '../support/apply-edits';

const URI = 'file:///ws/.cpisecurity.json';

function parsedClean(text: string) {
  const { config, problems } = parseConfig(text, URI);
  assert.deepEqual(problems, [], text);
  return config;
}

const COMMENTED = `{
    // Ports opened by SAP ticket 4711
    "openedPorts": [2222],
    /* keep this one */
    "rules": {
        "smtp-port-25": "off" // relay
    }
}
`;

describe('config: edits', () => {
  describe('addOpenedPort', () => {
    it('appends to an existing list, keeping comments, order and indentation', () => {
      const result = apply(COMMENTED, addOpenedPort(COMMENTED, 8443));
      const config = parsedClean(result);
      assert.deepEqual([...config.openedPorts], [2222, 8443]);
      assert.equal(config.rules.get('smtp-port-25'), 'off');
      for (const comment of ['// Ports opened by SAP ticket 4711', '/* keep this one */', '// relay'])
        assert.ok(result.includes(comment), comment);
      assert.ok(result.indexOf('"openedPorts"') < result.indexOf('"rules"'));
      assert.ok(result.includes('"openedPorts": [2222, 8443],'), 'a one-line list stays on one line');
    });

    it('follows the indentation of a list written over several lines', () => {
      const text = '{\n    "openedPorts": [\n        2222\n    ]\n}';
      const result = apply(text, addOpenedPort(text, 8443));
      assert.equal(result, '{\n    "openedPorts": [\n        2222,\n        8443\n    ]\n}');
    });

    it('fills an empty one-line list', () => {
      const text = '{ "openedPorts": [] }';
      assert.equal(apply(text, addOpenedPort(text, 22)), '{ "openedPorts": [22] }');
    });

    it('is a no-op when the port is already there', () => {
      assert.deepEqual(addOpenedPort(COMMENTED, 2222), []);
    });

    it('adds the key when it is missing, and replaces a malformed value', () => {
      const added = apply('{\n\t"ignore": []\n}', addOpenedPort('{\n\t"ignore": []\n}', 2222));
      assert.deepEqual([...parsedClean(added).openedPorts], [2222]);
      assert.match(added, /\n\t"openedPorts"/, 'tab indentation kept');
      const replaced = apply('{ "openedPorts": 2222 }', addOpenedPort('{ "openedPorts": 2222 }', 22));
      assert.deepEqual([...parsedClean(replaced).openedPorts], [22]);
    });

    it('returns the full text for a file that does not exist yet', () => {
      const text = addOpenedPort(undefined, 2222);
      assert.equal(text, '{\n  "openedPorts": [\n    2222\n  ]\n}\n');
      assert.deepEqual([...parsedClean(text).openedPorts], [2222]);
    });

    it('fills an empty existing file', () => {
      assert.deepEqual([...parsedClean(apply('', addOpenedPort('', 2222))).openedPorts], [2222]);
    });

    it('keeps CRLF line ends', () => {
      const text = '{\r\n  "openedPorts": [\r\n    2222\r\n  ]\r\n}\r\n';
      const result = apply(text, addOpenedPort(text, 8443));
      assert.ok(!/[^\r]\n/.test(result), JSON.stringify(result));
      assert.deepEqual([...parsedClean(result).openedPorts], [2222, 8443]);
    });
  });

  describe('setRuleSeverity', () => {
    it('changes an existing rule in place and keeps its comment', () => {
      const result = apply(COMMENTED, setRuleSeverity(COMMENTED, 'smtp-port-25', 'hint'));
      assert.equal(parsedClean(result).rules.get('smtp-port-25'), 'hint');
      assert.ok(result.includes('"smtp-port-25": "hint" // relay'));
    });

    it('adds a rule next to the others', () => {
      const result = apply(COMMENTED, setRuleSeverity(COMMENTED, 'cert-weak-key', 'off'));
      const config = parsedClean(result);
      assert.deepEqual(Object.fromEntries(config.rules), { 'smtp-port-25': 'off', 'cert-weak-key': 'off' });
      assert.ok(result.includes('// relay'));
    });

    it('adds to a one-line rules object without reflowing it', () => {
      const text = '{ "rules": { "smtp-port-25": "off" } }';
      assert.equal(
        apply(text, setRuleSeverity(text, 'cert-expired', 'hint')),
        '{ "rules": { "smtp-port-25": "off", "cert-expired": "hint" } }',
      );
      assert.equal(
        apply('{ "rules": {} }', setRuleSeverity('{ "rules": {} }', 'cert-expired', 'hint')),
        '{ "rules": { "cert-expired": "hint" } }',
      );
    });

    it('is a no-op when the rule already has that severity, and creates the key or file when missing', () => {
      assert.deepEqual(setRuleSeverity(COMMENTED, 'smtp-port-25', 'off'), []);
      assert.equal(parsedClean(apply('{}', setRuleSeverity('{}', 'cert-expired', 'warning'))).rules.get('cert-expired'), 'warning');
      assert.equal(parsedClean(setRuleSeverity(undefined, 'cert-expired', 'error')).rules.get('cert-expired'), 'error');
      const fixed = apply('{ "rules": ["x"] }', setRuleSeverity('{ "rules": ["x"] }', 'cert-expired', 'hint'));
      assert.equal(parsedClean(fixed).rules.get('cert-expired'), 'hint');
    });
  });

  describe('addSuppression', () => {
    const suppression = {
      rule: 'cleartext-http-endpoint',
      file: '**/Legacy*.iflw',
      reason: 'partner has no TLS until Q3',
      expires: '2027-06-30',
    };

    it('creates the list, then appends to it, keeping comments', () => {
      const once = apply(COMMENTED, addSuppression(COMMENTED, suppression));
      const twice = apply(once, addSuppression(once, { rule: 'smtp-port-25', reason: 'relay' }));
      const config = parsedClean(twice);
      assert.deepEqual(
        config.suppressions.map(({ rule, file, reason, expires }) => ({ rule, file, reason, expires })),
        [suppression, { rule: 'smtp-port-25', file: undefined, reason: 'relay', expires: undefined }],
      );
      for (const comment of ['// Ports opened by SAP ticket 4711', '/* keep this one */', '// relay'])
        assert.ok(twice.includes(comment), comment);
      assert.ok(
        twice.indexOf('"rule"') < twice.indexOf('"file"') && twice.indexOf('"file"') < twice.indexOf('"reason"'),
        'documented key order',
      );
    });

    it('is a no-op for an identical suppression and writes a new file otherwise', () => {
      const existing = addSuppression(undefined, suppression);
      assert.deepEqual(addSuppression(existing, suppression), []);
      assert.deepEqual(parsedClean(existing).suppressions[0].rule, 'cleartext-http-endpoint');
      assert.ok(!existing.includes('range'));
    });
  });

  it('detects the file formatting', () => {
    assert.deepEqual(formattingOf('{\n    "a": 1\n}'), { insertSpaces: true, tabSize: 4, eol: '\n' });
    assert.deepEqual(formattingOf('{\r\n\t"a": 1\r\n}'), { insertSpaces: false, tabSize: 4, eol: '\r\n' });
    assert.deepEqual(formattingOf('{}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('offers no edit rather than throwing on a top-level array', () => {
    assert.deepEqual(addOpenedPort('[1]', 2), []);
  });
});
