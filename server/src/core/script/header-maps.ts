// The message's whole header or property map: `message.getHeaders()`,
// `message.getProperties()` and variables holding one (also through
// `.toString()`, `.entrySet()`, concatenation). Groovy's property syntax
// (`message.headers`) is not read as the getter. A map read for one entry
// (`getHeaders().get("x")`, `headers["x"]`, `headers.x`) is not the whole map.

import { assignmentsIn, valueEnd, type Assignment } from './assignments';
import type { CallReceiver } from './calls';
import { functionScopes } from './function-scopes';
import { isName, isPunctuation, type ScriptCode, type ScriptModel } from './model';
import { ScopedNames } from './scoped-names';
import { indexedText, indexedTexts, indicesOf, indicesOfAny, stringIndices } from './token-index';
import type { TokenSpan } from './span';

export type MapKind = 'headers' | 'properties';

/** Methods after which the result still shows every entry (or, for keySet, every name). */
const WHOLE_AFTER = new Set(['toString', 'inspect', 'dump', 'entrySet', 'values', 'sort', 'asImmutable', 'clone']);
const GETTERS: ReadonlyMap<string, MapKind> = new Map([
  ['getHeaders', 'headers'],
  ['getProperties', 'properties'],
]);
const GETTER_NAMES = indexedTexts(GETTERS.keys());
const DOTS = new Set(['.', '?.']);

/** Calls whose result still shows every entry of a map given to them. */
const COPYING = new Set([
  'valueOf',
  'toJson',
  'prettyPrint',
  'toString',
  'inspect',
  'dump',
  'format',
  'join',
  'writeValueAsString',
  'asList',
  'plus',
]);

/**
 * The token at `index` is an argument of a call inside the span that is not
 * known to copy it (`buildBody(headers)` may take any one entry of it).
 * `new HashMap(headers)` and `String.valueOf(headers)` keep the whole map.
 */
function handedToCall(code: ScriptCode, index: number, span: TokenSpan): boolean {
  const ts = code.tokens;
  for (let p = code.parent[index]; p >= span.start; p = code.parent[p]) {
    if (ts[p].text !== '(') continue;
    const name = ts[p - 1];
    if (!name || name.kind !== 'identifier') continue;
    if (COPYING.has(name.text)) continue;
    let q = p - 2;
    while (ts[q]?.text === '.' && isName(ts[q - 1])) q -= 2;
    if (ts[q]?.kind === 'keyword' && ts[q].text === 'new') continue;
    return true;
  }
  return false;
}

export interface WholeMap {
  readonly kind: MapKind;
  /** Index of the token where the map is read (`getHeaders`) or named (the variable). */
  readonly index: number;
  /** Only the keys are left (`.keySet()`). */
  readonly keysOnly: boolean;
}

export interface HeaderMaps {
  /** The first whole map the tokens of `span` show, if any (interpolations included); `at` places the span in the script's top-level code. */
  wholeMapIn(code: ScriptCode, span: TokenSpan, at: number): WholeMap | undefined;
  /** The whole map a call's receiver path is (`['message', 'getHeaders()']`, `['headers', 'entrySet()']`, `['headers']`). */
  receiverMap(path: readonly string[], at: number): WholeMap | undefined;
  /** The whole map a call's receiver is (as receiverMap); its path is built only when a name of it may hold a map. */
  callReceiverMap(code: ScriptCode, receiver: CallReceiver, at: number): WholeMap | undefined;
  /** Whether a name at `at` holds a whole map. */
  holdsMap(name: string, at: number): MapKind | undefined;
}

export function headerMaps(model: ScriptModel): HeaderMaps {
  const code = model.code;
  // The function scopes matter only for a name that holds a map somewhere: worked out on the first such question.
  let scopes: Int32Array | undefined;
  const scopeAt = (at: number) => (scopes ??= functionScopes(code))[at] ?? -1;
  const vars = new ScopedNames<MapKind>();
  // The variables are worked out on the first question about a name that may hold a map (most scripts ask none).
  let solved = false;
  /** Whether `name` may hold a map: before the variables are worked out, a quick bound (mayHoldMap); then exactly. */
  const known = (name: string) => (solved ? vars.names.has(name) : mayHoldMap(name));
  /** The map `name` holds as seen from the top-level token at `at`. */
  const lookup = (at: number, name: string) => {
    if (!known(name)) return undefined;
    solve();
    return vars.names.has(name) ? vars.lookup(scopeAt(at), name) : undefined;
  };

  /** Past `.name()` calls that keep the whole map from `from`; returns where they end and whether only keys are left. */
  const afterWholeCalls = (ts: ScriptCode['tokens'], from: number): { end: number; keysOnly: boolean } | undefined => {
    let i = from;
    let keysOnly = false;
    while (ts[i] && ts[i].kind === 'punctuation' && DOTS.has(ts[i].text)) {
      const method = ts[i + 1]?.text ?? '';
      if (method === 'keySet') keysOnly = true;
      else if (!WHOLE_AFTER.has(method)) return undefined;
      if (!isPunctuation(ts[i + 2], '(') || !isPunctuation(ts[i + 3], ')')) return undefined;
      i += 4;
    }
    // Indexing picks one entry.
    if (isPunctuation(ts[i], '[')) return undefined;
    return { end: i, keysOnly };
  };

  const wholeMapAt = (inCode: ScriptCode, i: number, at: number): WholeMap | undefined => {
    const ts = inCode.tokens;
    const token = ts[i];
    if (!isName(token)) return undefined;
    // Most names are neither a getter nor a variable that may hold a map.
    if (!GETTERS.has(token.text) && !known(token.text)) return undefined;
    const member = ts[i - 1] !== undefined && ts[i - 1].kind === 'punctuation' && DOTS.has(ts[i - 1].text);
    const getter = GETTERS.get(token.text);
    if (getter && member && isPunctuation(ts[i + 1], '(') && isPunctuation(ts[i + 2], ')')) {
      const rest = afterWholeCalls(ts, i + 3);
      return rest ? { kind: getter, index: i, keysOnly: rest.keysOnly } : undefined;
    }
    if (member || isPunctuation(ts[i + 1], '(')) return undefined;
    const kind = lookup(at, token.text);
    if (!kind) return undefined;
    const rest = afterWholeCalls(ts, i + 1);
    return rest ? { kind, index: i, keysOnly: rest.keysOnly } : undefined;
  };

  /** `at` places the span in the top-level code (for its function scope). */
  const wholeMapIn = (inCode: ScriptCode, span: TokenSpan, at: number): WholeMap | undefined => {
    const ts = inCode.tokens;
    for (let i = span.start; i < span.end && i < ts.length; i++) {
      const token = ts[i];
      if (token.kind === 'string' && token.string?.interpolated) {
        for (const part of token.string.parts) {
          if (part.kind !== 'code') continue;
          const found = wholeMapIn(part.code, { start: 0, end: part.code.tokens.length }, at);
          if (found) return { ...found, index: i };
        }
        continue;
      }
      const found = wholeMapAt(inCode, i, at);
      if (found && !found.keysOnly && !handedToCall(inCode, i, span)) return found;
    }
    return undefined;
  };

  // Variables holding a whole map, copies of copies included. Only values
  // holding a getter, an interpolation or a name already known can hold a
  // map, so each round looks at those alone.
  const tokens = code.tokens;
  // The block's assignments, read by the rounds alone.
  let assignments: readonly Assignment[] = [];
  let ordered = true;

  // A name can come to hold a map only through an assignment whose value holds a getter, an interpolation
  // or a name that can: a name none of whose assignments leads to one is answered without the rounds below
  // (nor the block's every assignment read: the `=` of each name, from the token index, is enough).
  let byName: Map<string, number[]> | undefined;
  const cannot = new Set<string>();
  const can = new Set<string>();
  const mayHoldMap = (name: string): boolean => {
    if (can.has(name)) return true;
    if (cannot.has(name)) return false;
    byName ??= plainAssignments(code);
    if (!byName.has(name)) return false;
    // The names the values of `name` lead to, until one value holds a source.
    const seen = [name];
    const visited = new Set(seen);
    for (let next = 0; next < seen.length; next++) {
      for (const op of byName.get(seen[next]) ?? []) {
        const end = valueEnd(code, op + 1);
        for (let i = op + 1; i < end && i < tokens.length; i++) {
          const token = tokens[i];
          if (token.kind === 'string' && token.string?.interpolated) {
            can.add(name);
            return true;
          }
          if (!isName(token)) continue;
          const text = token.text;
          if (GETTERS.has(text) || can.has(text)) {
            can.add(name);
            return true;
          }
          if (visited.has(text) || cannot.has(text) || !byName.has(text)) continue;
          visited.add(text);
          seen.push(text);
        }
      }
    }
    // None of the names reached leads to a source either.
    for (const reached of seen) cannot.add(reached);
    return false;
  };

  /** The getters, the names in `names` and the interpolated strings, in source order (names only where a value stands). */
  const candidates = (names: ReadonlySet<string>): number[] => {
    let found: number[] = [];
    if (names.size === 0) found = indicesOfAny(code, GETTER_NAMES).filter((i) => tokens[i].kind === 'identifier');
    else {
      // Variables are any names: looked for along the tokens of the values, each token once (rounds that find a map are few).
      const wanted = new Set(names);
      for (const getter of GETTERS.keys()) wanted.add(getter);
      // Assignments come in source order; `from` is where the values seen so far end.
      let from = 0;
      for (const { value } of assignments) {
        if (!ordered) from = 0;
        const end = Math.min(value.end, tokens.length);
        for (let i = Math.max(from, value.start); i < end; i++) {
          const token = tokens[i];
          if (token.kind === 'identifier' && wanted.has(token.text)) found.push(i);
        }
        if (end > from) from = end;
      }
    }
    if (!ordered) found = [...new Set(found)].sort((a, b) => a - b);
    return mergeSorted(found, stringIndices(code, true));
  };
  /** The variables holding a map, worked out once (the answers are the same whenever it runs). */
  const solve = () => {
    if (solved) return;
    solved = true;
    findVariables();
  };
  const findVariables = () => {
    assignments = assignmentsIn(code).filter((a) => !a.field && !a.element && a.operator === '=');
    ordered = assignments.every((a, i) => i === 0 || assignments[i - 1].value.start <= a.value.start);
    const seeds = candidates(new Set());
    const interpolated = stringIndices(code, true);
    for (let round = 0, changed = seeds.length > 0; changed && round < 10; round++) {
      changed = false;
      // The first round looks at the getters; the later ones at the names known after the round before, found as the
      // values are reached (the tokens are read once, while the value is about to be read again).
      const inValue: { any(span: TokenSpan): boolean } =
        round === 0
          ? new SortedCursor(seeds)
          : ordered
            ? new NamesInValues(tokens, vars.names, interpolated)
            : new SortedCursor(candidates(vars.names));
      for (const assignment of assignments) {
        // The cheap test first: most values hold nothing interesting.
        if (!inValue.any(assignment.value)) continue;
        if (vars.names.has(assignment.name) && vars.has(scopeAt(assignment.target), assignment.name)) continue;
        const found = wholeMapIn(code, assignment.value, assignment.target);
        if (found) {
          vars.set(scopeAt(assignment.target), assignment.name, found.kind);
          changed = true;
        }
      }
    }
  };

  return {
    wholeMapIn: (inCode, span, at) => wholeMapIn(inCode, span, at),
    receiverMap(path, at) {
      let keysOnly = false;
      let end = path.length;
      while (end > 1 && ['entrySet()', 'keySet()', 'values()', 'toString()'].includes(path[end - 1])) {
        if (path[end - 1] === 'keySet()') keysOnly = true;
        end--;
      }
      const last = path[end - 1];
      const getter = last.endsWith('()') ? GETTERS.get(last.slice(0, -2)) : undefined;
      if (getter && end >= 2) return { kind: getter, index: at, keysOnly };
      const kind = end === 1 ? lookup(at, last) : undefined;
      return kind ? { kind, index: at, keysOnly } : undefined;
    },
    callReceiverMap(inCode, receiver, at) {
      // The path's names are names of the receiver outside its brackets: none that may be a map, no map.
      const ts = inCode.tokens;
      let mayBeMap = false;
      for (let i = Math.max(receiver.start, 0); i < receiver.dot && i < ts.length && !mayBeMap;) {
        const token = ts[i];
        mayBeMap = isName(token) && (GETTERS.has(token.text) || known(token.text));
        i = inCode.pair[i] > i ? inCode.pair[i] + 1 : i + 1;
      }
      return mayBeMap ? this.receiverMap(receiver.path, at) : undefined;
    },
    holdsMap: (name, at) => lookup(at, name),
  };
}

const ASSIGN = indexedText('=');
const MEMBER_DOTS = new Set(['.', '?.', '*.']);

/**
 * The `=` after each plainly assigned name (`name = …`, not `obj.name = …`
 * nor `map[key] = …`), by name: the assignments the rounds read, found
 * without reading their values.
 */
function plainAssignments(code: ScriptCode): Map<string, number[]> {
  const tokens = code.tokens;
  const byName = new Map<string, number[]>();
  for (const op of indicesOf(code, ASSIGN)) {
    if (op < 1 || tokens[op].kind !== 'punctuation') continue;
    const target = tokens[op - 1];
    if (!isName(target) || target.kind === 'keyword') continue;
    const before = tokens[op - 2];
    if (before && before.kind === 'punctuation' && MEMBER_DOTS.has(before.text)) continue;
    const ops = byName.get(target.text);
    if (ops) ops.push(op);
    else byName.set(target.text, [op]);
  }
  return byName;
}

/**
 * Whether a sorted list of token indices has one inside a span, for spans
 * asked in order of their start (the values of a block's assignments): the
 * cursor only moves forward, and back to the beginning should a span start
 * earlier than the one before.
 */
class SortedCursor {
  private at = 0;
  private lastStart = -1;

  constructor(private readonly sorted: readonly number[]) {}

  any(span: TokenSpan): boolean {
    const sorted = this.sorted;
    if (span.start < this.lastStart) this.at = 0;
    this.lastStart = span.start;
    while (this.at < sorted.length && sorted[this.at] < span.start) this.at++;
    return this.at < sorted.length && sorted[this.at] < span.end;
  }
}

/**
 * Whether a value holds a getter, one of the names known when the round
 * began or an interpolated string, for values asked in source order: the
 * tokens are read once, up to the end of the value asked, and the getters and
 * names among them kept for the values that lie inside (a closure's).
 */
class NamesInValues {
  private readonly wanted: Set<string>;
  private readonly found: number[] = [];
  private readonly inFound: SortedCursor;
  private readonly inStrings: SortedCursor;
  /** Where the tokens read so far end. */
  private from = 0;

  constructor(
    private readonly tokens: ScriptCode['tokens'],
    names: ReadonlySet<string>,
    interpolated: readonly number[],
  ) {
    this.wanted = new Set(names);
    for (const getter of GETTERS.keys()) this.wanted.add(getter);
    this.inFound = new SortedCursor(this.found);
    this.inStrings = new SortedCursor(interpolated);
  }

  any(span: TokenSpan): boolean {
    const tokens = this.tokens;
    const end = Math.min(span.end, tokens.length);
    for (let i = Math.max(this.from, span.start); i < end; i++) {
      const token = tokens[i];
      if (token.kind === 'identifier' && this.wanted.has(token.text)) this.found.push(i);
    }
    if (end > this.from) this.from = end;
    // Both are asked: each cursor moves to the span.
    const inFound = this.inFound.any(span);
    return this.inStrings.any(span) || inFound;
  }
}

/** Two sorted lists of distinct token indices as one sorted list. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}
