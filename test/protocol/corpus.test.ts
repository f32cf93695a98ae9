import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './support/lsp-session';

// The server must neither crash nor hang on real iFlows, whole or cut off
// anywhere (as while typing). Skipped where ../shared/corpus is absent.
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function iflows(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? iflows(path) : name.endsWith('.iflw') ? [path] : [];
  });
}

describe('language server on the corpus', function () {
  this.timeout(240_000);
  let session: LspSession;

  before(async function () {
    if (!existsSync(CORPUS)) this.skip();
    session = new LspSession();
    await session.initialize(pathToFileURL(CORPUS).href);
  });

  after(async () => {
    await session?.shutdown();
  });

  it('answers every real iFlow, whole and truncated, and stays alive', async () => {
    let documents = 0;
    for (const path of iflows(CORPUS)) {
      const uri = pathToFileURL(path).href;
      const text = readFileSync(path, 'utf8');
      session.forget(uri);
      await session.open(uri, 'cpi-iflow', text);
      await session.waitForDiagnostics(uri, () => true, 20_000);
      // cut points while "typing": each change must be answered with diagnostics
      for (const fraction of [0.37, 0.81]) {
        session.forget(uri);
        await session.change(uri, [{ text: text.slice(0, Math.floor(text.length * fraction)) }]);
        await session.waitForDiagnostics(uri, () => true, 20_000);
      }
      await session.close(uri);
      documents++;
    }
    assert.ok(documents > 0);
    const hover = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere.iflw' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null, 'the server still answers requests');
    assert.equal(session.stderr.includes('Error'), false, session.stderr.slice(0, 2000));
  });
});
