// The layers of the code and what each may import (ARCHITECTURE.md draws the
// same picture). An ESLint rule, `layers/imports`, checks every import,
// export-from, dynamic import and require against this table, so a boundary
// holds by the lint in `npm test` and not by convention.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALIAS = '@cpi/common/';

/**
 * First match wins, so the narrow entries come first. `files` are matched
 * against the path from the repository root; `may` names the layers a file
 * may import (its own always); `packages` are npm packages it must not use.
 */
export const LAYERS = [
  {
    // What users see of a rule; the client bundles it through the catalogue.
    name: 'rule-face',
    files: /^server\/src\/core\/rules\/[^/]+\/(meta|explanation)\.ts$/,
    may: ['common'],
  },
  {
    // The generated list of those: common/src/rules/catalogue.ts reads it.
    name: 'rule-list',
    files: /^server\/src\/core\/rules\/catalogue\.generated\.ts$/,
    may: ['common', 'rule-face'],
  },
  {
    name: 'common',
    files: /^common\/src\//,
    may: [],
    // the one way into server/src: the catalogue reads the list above
    exceptions: [['common/src/rules/catalogue.ts', 'server/src/core/rules/catalogue.generated.ts']],
    packages: ['vscode', 'vscode-languageserver', 'vscode-languageclient'],
  },
  {
    name: 'core',
    files: /^server\/src\/core\//,
    may: ['common', 'rule-face', 'rule-list'],
    packages: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'vscode-languageserver-protocol', 'vscode-jsonrpc'],
    // the editor's messages are the lsp/ adapter's business
    modules: [`${ALIAS}protocol`],
  },
  {
    name: 'engine',
    files: /^server\/src\/engine\//,
    may: ['common', 'core', 'rule-face', 'rule-list'],
    packages: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'vscode-languageserver-protocol', 'vscode-jsonrpc'],
    modules: [`${ALIAS}protocol`],
  },
  {
    name: 'lsp',
    files: /^server\/src\/lsp\//,
    may: ['common', 'core', 'engine', 'rule-face', 'rule-list'],
    packages: ['vscode', 'vscode-languageclient'],
  },
  {
    name: 'cli',
    files: /^server\/src\/cli\//,
    may: ['common', 'core', 'engine', 'rule-face', 'rule-list'],
    packages: ['vscode', 'vscode-languageserver', 'vscode-languageclient'],
  },
  {
    name: 'client',
    files: /^client\/src\//,
    may: ['common'],
    packages: ['vscode-languageserver'],
  },
];

/** Path from the repository root with forward slashes, or undefined outside it. */
function fromRoot(file) {
  const path = relative(REPO, file).split(sep).join('/');
  return path.startsWith('..') || isAbsolute(path) ? undefined : path;
}

export function layerOf(path) {
  return LAYERS.find((layer) => layer.files.test(path));
}

/** The repository path an import names (relative or through the alias); undefined for a package. */
function targetOf(specifier, importer) {
  if (specifier.startsWith(ALIAS)) return `common/src/${specifier.slice(ALIAS.length)}`;
  if (specifier.startsWith('./') || specifier.startsWith('../')) return fromRoot(resolve(REPO, dirname(importer), specifier));
  return undefined;
}

const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Why `importer` (a repository path) must not import `specifier`, or undefined when it may. */
export function forbiddenImport(importer, specifier) {
  const layer = layerOf(importer);
  if (layer === undefined) return undefined;
  const target = targetOf(specifier, importer);
  if (target === undefined) {
    if (specifier.startsWith('node:') || !(layer.packages ?? []).includes(packageOf(specifier))) return undefined;
    return `${layer.name} may not use ${packageOf(specifier)}`;
  }
  if (layer.modules?.includes(specifier.replace(/\.ts$/, ''))) return `${layer.name} may not import ${specifier}`;
  const targetLayer = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
  if (targetLayer === undefined || targetLayer === layer) return undefined;
  if (specifier.startsWith('.') && targetLayer.name === 'common')
    return `${layer.name} imports common/src by its alias (${ALIAS}...), not by a relative path`;
  if (layer.may.includes(targetLayer.name)) return undefined;
  if (layer.exceptions?.some(([from, to]) => from === importer && (to === target || to === `${target}.ts`))) return undefined;
  return `${layer.name} may not import ${targetLayer.name} (${target}); see ARCHITECTURE.md`;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers ARCHITECTURE.md allows it' },
    schema: [],
  },
  create(context) {
    const importer = fromRoot(context.filename);
    if (importer === undefined || layerOf(importer) === undefined) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = forbiddenImport(importer, source.value);
      if (problem !== undefined) context.report({ node: source, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export const layersPlugin = { meta: { name: 'layers' }, rules: { imports: importsRule } };
