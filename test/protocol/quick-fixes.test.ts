import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/apply-edits';
import { caseFolders, caseRule, RULES_DIR } from '../support/fixture-cases';
import { LspSession } from './support/lsp-session';

// Every quick fix the real server offers for the positive rule fixtures,
// applied the way an editor applies a WorkspaceEdit, must remove its finding.
// Certificate cases have nothing to fix.
const ROOT = RULES_DIR;
type Edit = { range: Diagnostic['range']; newText: string };

const languageOf = (name: string) => (name.endsWith('.iflw') ? 'cpi-iflow' : name === 'parameters.prop' ? 'cpi-parameters' : 'json');
const at = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;

describe('every quick fix over stdio', function () {
  this.timeout(60_000);
  // Cases that hold a tenant's material.json are left out: the editor has no
  // tenant to look names up in, so those rules cannot fire there.
  const cases = caseFolders(ROOT).filter(
    (folder) =>
      basename(folder).startsWith('positive') &&
      readdirSync(folder).some((name) => name.endsWith('.iflw')) &&
      !readdirSync(folder).includes('material.json'),
  );

  for (const folder of cases) {
    const rule = caseRule(folder);
    it(`${rule}/${basename(folder)}`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'cpi-fix-'));
      cpSync(folder, root, { recursive: true });
      const session = new LspSession();
      try {
        await session.initialize(pathToFileURL(root).href);
        const texts = new Map<string, string>();
        for (const name of readdirSync(root).filter((n) => n.endsWith('.iflw') || n === 'parameters.prop')) {
          const uri = pathToFileURL(join(root, name)).href;
          texts.set(uri, readFileSync(join(root, name), 'utf8'));
          await session.open(uri, languageOf(name), texts.get(uri)!);
        }
        const iflows = [...texts.keys()].filter((uri) => uri.endsWith('.iflw'));
        // the finding may sit on the iFlow, on parameters.prop, or on both
        await Promise.any([...texts.keys()].map((uri) => session.waitForDiagnostics(uri, (d) => d.some((x) => x.code === rule))));
        for (const uri of iflows) await session.waitForDiagnostics(uri, () => true);

        let applied = 0;
        for (const uri of texts.keys()) {
          for (const diagnostic of (session.latest(uri) ?? []).filter((d) => d.code === rule)) {
            const fixes = async () =>
              (
                (await session.connection.sendRequest('textDocument/codeAction', {
                  textDocument: { uri },
                  range: diagnostic.range,
                  context: { diagnostics: [diagnostic] },
                })) as CodeAction[]
              ).filter((a) => a.edit);
            const count = (await fixes()).length;
            for (let i = 0; i < count; i++) {
              // asked again after each revert: an edit computed for an older version is refused
              const action = (await fixes())[i];
              const onDisk = new Map<string, string | undefined>(); // files the fix changes on disk, with their text before
              for (const change of action.edit!.documentChanges! as (TextDocumentEdit | CreateFile)[]) {
                if ('kind' in change) continue; // the file is written with its content below
                const target = change.textDocument.uri;
                if (texts.has(target)) {
                  assert.equal(
                    change.textDocument.version,
                    session.version(target),
                    `edits carry the open document version: ${target} in ${action.title}`,
                  );
                  await session.change(target, [{ text: applyTextEdits(texts.get(target)!, change.edits as Edit[]) }]);
                } else {
                  // a file that is not open (.cpisecurity.json): the editor would change it on disk
                  const path = fileURLToPath(target);
                  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
                  onDisk.set(target, before);
                  writeFileSync(path, applyTextEdits(before ?? '', change.edits as Edit[]));
                  await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
                    changes: [{ uri: target, type: before === undefined ? 1 : 2 }],
                  });
                }
              }
              await session
                .waitForDiagnostics(uri, (d) => !d.some((x) => at(x) === at(diagnostic)), 10_000)
                .catch(() => {
                  throw new Error(`"${action.title}" left ${at(diagnostic)} in ${uri}`);
                });
              applied++;
              // back to the case as written, for the next fix
              for (const [target, before] of onDisk) {
                if (before === undefined) unlinkSync(fileURLToPath(target));
                else writeFileSync(fileURLToPath(target), before);
                await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
                  changes: [{ uri: target, type: before === undefined ? 3 : 2 }],
                });
              }
              for (const [target, text] of texts) await session.change(target, [{ text }]);
              await session.waitForDiagnostics(uri, (d) => d.some((x) => at(x) === at(diagnostic)));
            }
          }
        }
        // rules without quick fixes have nothing to apply; their cases still prove the server answers
        void applied;
      } finally {
        await session.shutdown();
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
