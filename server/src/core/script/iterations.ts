// Loops over a collection: Groovy's `each`/`eachWithIndex`/`collect`/…
// with a closure (`{ k, v -> … }`, `{ entry -> … }`, `{ … it … }`),
// JavaScript's `forEach(function (k, v) { … })` and arrow functions, and
// `for (x in coll)` / `for (Type x : coll)` statements.

import { callIndex } from './call-index';
import type { CallSite } from './calls';
import { isName, isPunctuation, type ScriptCode, type ScriptLanguage } from './model';
import { inside, type TokenSpan } from './span';
import { statementEnd } from './statements';
import { indexedText, indexedTexts, indicesOf } from './token-index';

const FOR = indexedText('for');

export interface Iteration {
  /** `each`, `forEach`, … or `for`. */
  readonly how: string;
  /** Index of the method name or the `for` keyword. */
  readonly at: number;
  /** A method loop's call (its receiver is the collection). */
  readonly call?: CallSite;
  /** A `for` statement's collection. */
  readonly collection?: TokenSpan;
  /** The loop variables in order (`it` for a closure that names none). */
  readonly variables: readonly string[];
  readonly body: TokenSpan;
}

const LOOP_METHODS = indexedTexts([
  'each',
  'eachWithIndex',
  'forEach',
  'collect',
  'collectEntries',
  'collectMany',
  'findAll',
  'find',
  'any',
  'every',
  'inject',
  'eachEntry',
  'groupBy',
  'sum',
  'map',
  'filter',
  'sort',
]);

/**
 * The loops of a block, in the order method loops, then `for` statements.
 * `over` keeps the method loops whose call it accepts: asked before the call's
 * arguments are read, so a rule that wants the loops over some collections
 * alone does not have every other loop's closure read.
 */
export function iterations(code: ScriptCode, language: ScriptLanguage, over?: (call: CallSite) => boolean): Iteration[] {
  const found: Iteration[] = [];
  for (const call of callIndex(code, language).named(LOOP_METHODS)) {
    if (call.isNew || !call.receiver || (over && !over(call)) || call.arguments.length === 0) continue;
    const fn = functionArgument(code, call.arguments[call.arguments.length - 1]);
    if (fn) found.push({ how: call.method, at: call.name, call, variables: fn.variables, body: fn.body });
  }
  const tokens = code.tokens;
  for (const i of indicesOf(code, FOR)) {
    const token = tokens[i];
    if (token.kind !== 'keyword' || !isPunctuation(tokens[i + 1], '(') || code.pair[i + 1] < 0) continue;
    const header = inside(code, i + 1);
    let split = -1;
    for (let j = header.start; j < header.end; j++) {
      if (
        (tokens[j].kind === 'keyword' && (tokens[j].text === 'in' || tokens[j].text === 'of')) ||
        isPunctuation(tokens[j], ':') ||
        isPunctuation(tokens[j], ';')
      ) {
        split = j;
        break;
      }
      j = code.pair[j] > j ? code.pair[j] : j;
    }
    if (split < 0 || tokens[split].text === ';' || !isName(tokens[split - 1])) continue;
    const close = code.pair[i + 1];
    const next = close + 1;
    const body = isPunctuation(tokens[next], '{') ? inside(code, next) : { start: next, end: statementEnd(code, next) };
    found.push({ how: 'for', at: i, collection: { start: split + 1, end: header.end }, variables: [tokens[split - 1].text], body });
  }
  return found;
}

/** A closure or function passed as an argument: its parameters and body. */
function functionArgument(code: ScriptCode, span: TokenSpan): { variables: string[]; body: TokenSpan } | undefined {
  const tokens = code.tokens;
  const first = tokens[span.start];
  if (!first) return undefined;
  // Groovy closure: { a, b -> … } or { … }
  if (isPunctuation(first, '{') && code.pair[span.start] > span.start) {
    const body = inside(code, span.start);
    for (let i = body.start; i < body.end; i = code.pair[i] > i ? code.pair[i] + 1 : i + 1) {
      if (isPunctuation(tokens[i], '->'))
        return { variables: parameterNames(code, { start: body.start, end: i }), body: { start: i + 1, end: body.end } };
    }
    return { variables: ['it'], body };
  }
  // function (a, b) { … }
  if (first.kind === 'keyword' && first.text === 'function') {
    let open = span.start + 1;
    if (isName(tokens[open])) open++;
    if (!isPunctuation(tokens[open], '(') || code.pair[open] < 0) return undefined;
    const brace = code.pair[open] + 1;
    if (!isPunctuation(tokens[brace], '{')) return undefined;
    return { variables: parameterNames(code, inside(code, open)), body: inside(code, brace) };
  }
  // (a, b) => … and a => …
  let arrow = -1;
  let variables: string[] = [];
  if (isPunctuation(first, '(') && isPunctuation(tokens[code.pair[span.start] + 1], '=>')) {
    arrow = code.pair[span.start] + 1;
    variables = parameterNames(code, inside(code, span.start));
  } else if (isName(first) && isPunctuation(tokens[span.start + 1], '=>')) {
    arrow = span.start + 1;
    variables = [first.text];
  }
  if (arrow < 0) return undefined;
  const start = arrow + 1;
  const body = isPunctuation(tokens[start], '{') ? inside(code, start) : { start, end: span.end };
  return { variables, body };
}

/** `a, b`, `String k, def v`, `Map.Entry e`: the last name of each comma-separated part. */
function parameterNames(code: ScriptCode, span: TokenSpan): string[] {
  const names: string[] = [];
  let last: string | undefined;
  for (let i = span.start; i < span.end; i++) {
    const token = code.tokens[i];
    if (isPunctuation(token, ',')) {
      if (last) names.push(last);
      last = undefined;
    } else if (token.kind === 'identifier') last = token.text;
    else if (isPunctuation(token, '=')) break;
  }
  if (last) names.push(last);
  return names;
}
