import * as assert from 'node:assert/strict';
import { LogOnce, ruleFailureLines } from '../../server/src/lsp/log-once';

describe('lsp: LogOnce', () => {
  it('writes a line once while its key stays, again after a run without it; scopes are apart', () => {
    const written: string[] = [];
    const log = new LogOnce((line) => written.push(line));
    const lines = (...keys: string[]) => new Map(keys.map((key) => [key, `line ${key}`]));
    log.update('a', lines('x'));
    log.update('a', lines('x'));
    log.update('b', lines('x'));
    log.update('a', lines('x', 'y'));
    assert.deepEqual(written, ['line x', 'line x', 'line y']);
    log.update('a', lines());
    log.update('a', lines('x'));
    assert.deepEqual(written, ['line x', 'line x', 'line y', 'line x']);
  });

  it('words a rule failure with the rule id, the file, the message and where it was thrown', () => {
    const lines = ruleFailureLines([
      { ruleId: 'smtp-port-25', uri: 'file:///w/a.iflw', message: 'TypeError: x is undefined', at: 'at check (rule.ts:3:4)' },
      { ruleId: 'smtp-port-25', uri: 'file:///w/a.iflw', message: 'TypeError: x is undefined' },
    ]);
    assert.equal(lines.size, 1, 'one key per rule, file and message');
    assert.match(
      [...lines.values()][0],
      /^Rule smtp-port-25 failed on file:\/\/\/w\/a\.iflw: TypeError: x is undefined \(at check \(rule\.ts:3:4\)\)\./,
    );
  });
});
