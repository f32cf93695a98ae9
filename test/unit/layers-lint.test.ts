import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ESLint } from 'eslint';
import { LAYERS } from '../../scripts/lint/layers.mjs';

// The layer boundaries hold only if the lint fires: each forbidden import
// below is linted through ESLint's API with the project's own configuration.
const REPO = join(__dirname, '..', '..');

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, filePath) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

let eslint: ESLint;

describe('layer boundaries (npm run lint)', function () {
  this.timeout(60_000);
  before(() => {
    eslint = new ESLint({ cwd: REPO });
  });

  const forbidden: [file: string, code: string, problem: RegExp][] = [
    [
      'server/src/core/analysis/x.ts',
      "import { createConnection } from 'vscode-languageserver/node';",
      /core may not use vscode-languageserver/,
    ],
    ['server/src/core/x.ts', "import * as vscode from 'vscode';", /core may not use vscode$/],
    ['server/src/core/x.ts', "import { Commands } from '@cpi/common/protocol';", /core may not import @cpi\/common\/protocol/],
    ['server/src/core/iflow/x.ts', "import { Scanner } from '../../engine/scanner';", /core may not import engine/],
    ['server/src/core/x.ts', "import { main } from '../lsp/main';", /core may not import lsp/],
    ['server/src/core/x.ts', "export { main } from '../cli/main';", /core may not import cli/],
    ['server/src/engine/x.ts', "import { main } from '../lsp/main';", /engine may not import lsp/],
    ['server/src/engine/tenant/x.ts', "const cli = require('../../cli/main');", /engine may not import cli/],
    ['server/src/lsp/x.ts', "async function f() { return import('../cli/main'); }", /lsp may not import cli/],
    ['server/src/cli/formats/x.ts', "import { main } from '../../lsp/main';", /cli may not import lsp/],
    ['client/src/x.ts', "import type { Finding } from '../../server/src/core/findings';", /client may not import core/],
    [
      'client/src/rules/x.ts',
      "import { meta } from '../../../server/src/core/rules/smtp-port-25/meta';",
      /client may not import rule-face/,
    ],
    ['client/src/x.ts', "import { Commands } from '../../common/src/protocol';", /by its alias/],
    ['common/src/x.ts', "import { readIflow } from '../../server/src/core/iflow/reader';", /common may not import core/],
    [
      'common/src/knowledge/x.ts',
      "import { RULE_FOLDERS } from '../../../server/src/core/rules/catalogue.generated';",
      /common may not import rule-list/,
    ],
    ['common/src/x.ts', "import { activate } from '../../client/src/extension';", /common may not import client/],
    ['common/src/x.ts', "import * as vscode from 'vscode';", /common may not use vscode$/],
    ['server/src/core/rules/smtp-port-25/meta.ts', "import { readIflow } from '../../iflow/reader';", /rule-face may not import core/],
  ];
  for (const [file, code, problem] of forbidden) {
    it(`${file}: ${code}`, async () => {
      const found = await problems(file, code);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], /^layers\/imports: /);
      assert.match(found[0], problem);
    });
  }

  const allowed: [file: string, code: string][] = [
    [
      'server/src/lsp/x.ts',
      "import { Scanner } from '../engine/scanner'; import { Commands } from '@cpi/common/protocol'; import { createConnection } from 'vscode-languageserver/node';",
    ],
    ['server/src/cli/x.ts', "import { Scanner } from '../engine/scanner'; import { RULES } from '@cpi/common/rules/catalogue';"],
    [
      'server/src/engine/x.ts',
      "import { analyseArtifact } from '../core/analysis/analyse-artifact'; import { readFile } from 'node:fs/promises';",
    ],
    ['server/src/core/x.ts', "import type { Finding } from '@cpi/common/findings'; import { readIflow } from './iflow/reader';"],
    [
      'client/src/x.ts',
      "import * as vscode from 'vscode'; import { Commands } from '@cpi/common/protocol'; import { LanguageClient } from 'vscode-languageclient/node';",
    ],
    ['common/src/rules/catalogue.ts', "import { RULE_FOLDERS } from '../../../server/src/core/rules/catalogue.generated';"],
    ['server/src/core/rules/smtp-port-25/meta.ts', "import { FAQ } from '@cpi/common/knowledge/sap-help';"],
  ];
  for (const [file, code] of allowed) {
    it(`allows ${file}: ${code}`, async () => assert.deepEqual(await problems(file, code), []));
  }

  it('every layer holds files of the tree (a renamed folder would silence its rules)', () => {
    const files = ['common/src', 'server/src', 'client/src'].flatMap((dir) => listTs(join(REPO, dir)));
    for (const layer of LAYERS)
      assert.ok(
        files.some((file) => layer.files.test(file)),
        layer.name,
      );
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(REPO, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
