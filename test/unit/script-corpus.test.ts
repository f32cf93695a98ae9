import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readScript } from '../../server/src/core/script/read';
import { checkScriptModel } from './support/script-invariants';

// The real scripts next to the repository (never copied into it); absent on most machines.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'scripts');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(groovy|gsh|js)$/.test(name))
      .sort()
  : [];

/**
 * Scripts whose notice is right. Each entry: the end of the file's path,
 * the notice codes it gets, and why.
 */
const EXPECTED_NOTICES: readonly { file: string; codes: string[]; why: string }[] = [
  {
    file: '7a273328a76_content.unzip/src/main/resources/script/setCurrency.groovy',
    codes: ['invalid-character'],
    why: 'two stray backticks after a statement (`map);``): no Groovy token starts with a backtick, and Groovy itself rejects the script',
  },
];

describe('readScript on the script corpus', () => {
  if (files.length === 0) {
    it.skip(`needs the corpus at ${CORPUS}`);
    return;
  }

  it('holds the 935 scripts it is known for', () => {
    assert.equal(files.length, 935);
  });

  it('reads every script with no notice but the listed ones, tokens covering the text', () => {
    const unexpected: string[] = [];
    const seen = new Set<string>();
    for (const name of files) {
      const text = readFileSync(path.join(CORPUS, name), 'utf8');
      const model = readScript(text, name.endsWith('.js') ? 'javascript' : 'groovy');
      checkScriptModel(model);
      const codes = model.problems.map((p) => p.code);
      const expected = EXPECTED_NOTICES.find((e) => name.endsWith(e.file));
      if (expected) seen.add(expected.file);
      const wanted = expected?.codes ?? [];
      if (JSON.stringify(codes) !== JSON.stringify(wanted))
        unexpected.push(`${name}: ${model.problems.map((p) => `${p.code} at ${p.start}: ${p.message}`).join('; ') || 'no notice'}`);
      if (name.endsWith('.js')) assert.ok(model.javascriptAst, `${name} has a syntax tree`);
    }
    assert.deepEqual(unexpected, []);
    assert.deepEqual([...seen].sort(), EXPECTED_NOTICES.map((e) => e.file).sort(), 'every listed exception is still in the corpus');
  });
});
