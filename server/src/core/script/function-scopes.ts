// Which named function (Groovy method, JavaScript function declaration) each
// token of a block belongs to, so that `def value` in one method is not the
// `value` of another. Closures and anonymous functions share the scope they
// sit in: they see its variables.

import { isPunctuation, type ScriptCode } from './model';
import { Memo } from './memo';
import { indexedText, indicesOf } from './token-index';

const OPEN_BRACE = indexedText('{');

/** Keywords (and primitive types) that can stand before a declared method's name. */
export const DECLARING = new Set([
  'def',
  'void',
  'function',
  'static',
  'final',
  'private',
  'public',
  'protected',
  'abstract',
  'synchronized',
  'boolean',
  'byte',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'async',
]);

const cache = new Memo<ScriptCode, Int32Array>('function scopes');

/** For each token: the index of the `(` that opens its function's parameter list, -1 at the script's top level. Worked out once per block. */
export function functionScopes(code: ScriptCode): Int32Array {
  let scopes = cache.get(code);
  if (!scopes) {
    scopes = findScopes(code);
    cache.set(code, scopes);
  }
  return scopes;
}

function findScopes(code: ScriptCode): Int32Array {
  const tokens = code.tokens;
  const scope = new Int32Array(tokens.length).fill(-1);
  // The token index has the braces: the other tokens of the block (most) are never read.
  for (const brace of indicesOf(code, OPEN_BRACE)) {
    if (code.pair[brace] < 0 || scope[brace] !== -1 || !isPunctuation(tokens[brace], '{')) continue;
    const open = isPunctuation(tokens[brace - 1], ')') ? code.pair[brace - 1] : -1;
    if (open < 2 || !isDeclaredName(code, open - 1)) continue;
    // The outermost function wins; the tokens of the ones nested in it are filled now and skipped later.
    scope.fill(open, open, code.pair[brace] + 1);
  }
  return scope;
}

function isDeclaredName(code: ScriptCode, name: number): boolean {
  const tokens = code.tokens;
  if (tokens[name].kind !== 'identifier') return false;
  const before = tokens[name - 1];
  if (!before) return false;
  if (before.kind === 'keyword') return DECLARING.has(before.text);
  if (before.kind === 'identifier') return true;
  return before.kind === 'punctuation' && (before.text === '>' || before.text === '>>' || before.text === ']');
}
