import { assignmentsIn } from '../../script/assignments';
import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import { headerMaps, type HeaderMaps, type MapKind, type WholeMap } from '../../script/header-maps';
import { iterations, type Iteration } from '../../script/iterations';
import { describeSink, LOG_SINK_METHODS, logSink, type Sink } from '../../script/log-sinks';
import { isName, isPunctuation, type ScriptCode, type ScriptModel } from '../../script/model';
import { spanOffsets, type TokenSpan } from '../../script/span';
import { statementAround } from '../../script/statements';
import { holdsAny, indexedTexts } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptReport } from '../script-check';

const COMPARISONS = new Set(['==', '!=', '===', '!==', '==~', '=~', '<=>', 'in', '!in']);
const TEST_METHODS = new Set([
  'equals',
  'equalsIgnoreCase',
  'contains',
  'containsKey',
  'containsIgnoreCase',
  'matches',
  'startsWith',
  'endsWith',
  'startsWithIgnoreCase',
  'endsWithIgnoreCase',
  'isCase',
  'includes',
  'indexOf',
  'find',
]);
const CONDITIONS = new Set(['if', 'while', 'switch']);
const DOTS = new Set(['.', '?.']);

const noun = (kind: MapKind) => (kind === 'headers' ? 'message headers' : 'message properties');
const getter = (kind: MapKind) => (kind === 'headers' ? 'getHeaders()' : 'getProperties()');
const ADVICE = 'the Authorization header and any other credential among them included. Log only the entries you need, by name.';

/** Whether the tokens of a span name one of `names` as a variable (interpolations included). */
function mentions(code: ScriptCode, span: TokenSpan, names: ReadonlySet<string>): boolean {
  const ts = code.tokens;
  for (let i = span.start; i < span.end && i < ts.length; i++) {
    const token = ts[i];
    if (token.kind === 'string' && token.string?.interpolated) {
      for (const part of token.string.parts)
        if (part.kind === 'code' && mentions(part.code, { start: 0, end: part.code.tokens.length }, names)) return true;
    } else if (isName(token) && names.has(token.text) && !(ts[i - 1]?.kind === 'punctuation' && DOTS.has(ts[i - 1].text))) return true;
  }
  return false;
}

/** Where the key is read in the loop body: the key variable itself, or `entry.key` / `entry.getKey()`; each as [first token, after last]. */
function keyReads(code: ScriptCode, body: TokenSpan, key: string | undefined, entry: string | undefined): [number, number][] {
  const ts = code.tokens;
  const reads: [number, number][] = [];
  const keys = new Set(key === undefined ? [] : [key]);
  for (let i = body.start; i < body.end; i++) {
    const token = ts[i];
    if (!isName(token) || (ts[i - 1]?.kind === 'punctuation' && DOTS.has(ts[i - 1].text))) continue;
    let read: [number, number] | undefined;
    if (keys.has(token.text)) read = [i, i + 1];
    else if (token.text === entry && DOTS.has(ts[i + 1]?.text ?? '')) {
      const member = ts[i + 2]?.text;
      if (member === 'key') read = [i, i + 3];
      else if (member === 'getKey' && isPunctuation(ts[i + 3], '(') && isPunctuation(ts[i + 4], ')')) read = [i, i + 5];
    }
    if (!read) continue;
    reads.push(read);
    // `String name = entry.getKey()`: the copy is the key too.
    if (isPunctuation(ts[i - 1], '=') && ts[i - 2]?.kind === 'identifier') keys.add(ts[i - 2].text);
  }
  return reads;
}

/** The key read at [start, end) is tested: compared, matched, looked up in a list, or part of a condition. */
function isTested(code: ScriptCode, [start, end]: [number, number], body: TokenSpan): boolean {
  const ts = code.tokens;
  if (COMPARISONS.has(ts[start - 1]?.text ?? '')) return true;
  // Past method calls on the key (`k.toLowerCase()`), looking for a test method or an operator.
  let i = end;
  while (DOTS.has(ts[i]?.text ?? '') && ts[i].kind === 'punctuation' && isName(ts[i + 1])) {
    if (TEST_METHODS.has(ts[i + 1].text)) return true;
    i += 2;
    if (isPunctuation(ts[i], '(') && code.pair[i] > i) i = code.pair[i] + 1;
  }
  const after = ts[i];
  if (after && (COMPARISONS.has(after.text) || after.text === '?' || after.text === '?:')) return true;
  // Inside `if (…)`, `while (…)`, `switch (…)`, or an argument of `list.contains(…)`.
  for (let p = code.parent[start]; p >= body.start - 1 && p >= 0; p = code.parent[p]) {
    if (ts[p].text !== '(') continue;
    const before = ts[p - 1];
    if (before && ((before.kind === 'keyword' && CONDITIONS.has(before.text)) || (isName(before) && TEST_METHODS.has(before.text))))
      return true;
  }
  // A ternary whose condition holds the key.
  const statement = statementAround(code, start);
  for (let j = end; j < statement.end; j++)
    if (ts[j].kind === 'punctuation' && ts[j].text === '?' && code.parent[j] === code.parent[start]) return true;
  return false;
}

function loopMap(maps: HeaderMaps, script: ScriptModel, loop: Iteration): WholeMap | undefined {
  if (loop.call?.receiver) return maps.receiverMap(loop.call.receiver.path, loop.at);
  if (!loop.collection) return undefined;
  const found = wholeCollection(maps, script.code, loop.collection, loop.at);
  return found;
}

/** A `for` collection that is exactly a whole map (possibly `.entrySet()` or `.keySet()`). */
function wholeCollection(maps: HeaderMaps, code: ScriptCode, span: TokenSpan, at: number): WholeMap | undefined {
  const ts = code.tokens;
  // Read it as a receiver path: names and empty calls joined by dots.
  const path: string[] = [];
  for (let i = span.start; i < span.end;) {
    if (!isName(ts[i])) return undefined;
    const call = isPunctuation(ts[i + 1], '(') && isPunctuation(ts[i + 2], ')');
    path.push(call ? `${ts[i].text}()` : ts[i].text);
    i += call ? 3 : 1;
    if (i === span.end) break;
    if (!DOTS.has(ts[i]?.text ?? '')) return undefined;
    i++;
  }
  return path.length > 0 ? maps.receiverMap(path, at) : undefined;
}

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      const code = script.code;
      if (!readsMaps(script)) return;
      // Only the calls of sink methods can be sinks: the other calls of the script are never looked for.
      const calls = callIndex(code, script.language).named(LOG_SINK_METHODS);
      const sinks: Sink[] = [];
      for (const call of calls) {
        const sink = logSink(call);
        if (sink && sink.kind !== 'body') sinks.push(sink);
      }
      if (sinks.length === 0) return;
      const maps = headerMaps(script);
      const reported = new Set<number>();
      const line = (index: number) => script.lines.positionAt(code.tokens[index].start).line + 1;
      const once = (span: TokenSpan, found: Omit<ScriptReport, 'at'>) => {
        if (reported.has(span.start)) return;
        reported.add(span.start);
        report({ at: spanOffsets(code, span), ...found });
      };

      // The whole map as an argument.
      for (const sink of sinks) {
        for (const value of sink.values) {
          const map = maps.wholeMapIn(code, value, sink.call.name);
          if (!map) continue;
          once(value, { message: `All ${noun(map.kind)} are written to ${describeSink(sink)}, ${ADVICE}` });
        }
      }

      // Loops over the whole map that log its entries without testing the key.
      // Loops over anything but a whole map are passed over (loopMap): their closures are never read.
      const overMap = (call: CallSite) => call.receiver !== undefined && maps.callReceiverMap(code, call.receiver, call.name) !== undefined;
      for (const loop of iterations(code, script.language, overMap)) {
        const map = loopMap(maps, script, loop);
        if (!map) continue;
        const pairwise = loop.variables.length >= (loop.how === 'eachWithIndex' ? 3 : 2);
        const key = pairwise || map.keysOnly ? loop.variables[0] : undefined;
        const entry = pairwise || map.keysOnly ? undefined : loop.variables[0];
        if (keyReads(code, loop.body, key, entry).some((read) => isTested(code, read, loop.body))) continue;
        const variables = loopValues(code, loop);
        const writes = (value: TokenSpan) =>
          mentions(code, value, variables) &&
          !(map.keysOnly && !(maps.wholeMapIn(code, value, loop.at) || mentionsMap(maps, code, value, loop.at)));
        const where = `by the loop over ${getter(map.kind)} at line ${line(loop.at)}, which does not test the key`;
        for (const sink of sinks) {
          if (sink.call.name < loop.body.start || sink.call.name >= loop.body.end) continue;
          // One finding per call, on the last argument that writes an entry (the value rather than the name).
          // Keys alone are names, not secrets: over keySet() only a lookup of the values counts.
          const value = [...sink.values].reverse().find(writes);
          if (value) once(value, { message: `Each of the ${noun(map.kind)} is written to ${describeSink(sink)} ${where}: ${ADVICE}` });
        }
        // `headers.collect { k, v -> "$k=$v" }` is itself the entries: logged as it is, or through the name it is given.
        const returnsEntries =
          loop.call !== undefined &&
          RETURNS_ENTRIES.has(loop.how) &&
          writes(loop.body) &&
          !keysOnlyBody(code, loop, map.keysOnly, pairwise);
        if (returnsEntries) {
          for (const sink of sinks) {
            const value = sink.values.find((span) => span.start <= loop.at && loop.at < span.end);
            if (value) once(value, { message: `Each of the ${noun(map.kind)} is written to ${describeSink(sink)} ${where}: ${ADVICE}` });
          }
        }
        // Entries collected into a text or builder that is logged after the loop.
        const collectors = collectorsOf(code, script, loop, writes);
        if (returnsEntries) {
          for (const assignment of assignmentsIn(code)) {
            if (assignment.value.start <= loop.at && loop.at < assignment.value.end && !assignment.field) collectors.add(assignment.name);
          }
          extendCollectors(code, loop, collectors);
        }
        if (collectors.size === 0) continue;
        for (const sink of sinks) {
          if (sink.call.name < loop.at) continue;
          for (const value of sink.values) {
            const name = [...collectors].find((collector) => mentions(code, value, new Set([collector])));
            if (name)
              once(value, {
                message: `Each of the ${noun(map.kind)} is collected into "${name}" ${where}, and written to ${describeSink(sink)}: ${ADVICE}`,
              });
          }
        }
      }
    },
  },
};

/** The span reads from the map (`headers.get(k)`, `headers[k]`, `message.getHeaders().get(k)`). */
function mentionsMap(maps: HeaderMaps, code: ScriptCode, span: TokenSpan, at: number): boolean {
  const ts = code.tokens;
  for (let i = span.start; i < span.end; i++) {
    const token = ts[i];
    if (!isName(token)) continue;
    if ((token.text === 'getHeaders' || token.text === 'getProperties') && DOTS.has(ts[i - 1]?.text ?? '')) return true;
    if (maps.holdsMap(token.text, at) && !DOTS.has(ts[i - 1]?.text ?? '')) return true;
  }
  return false;
}

/** Loop methods whose result is made of what the closure returns for each entry. */
const RETURNS_ENTRIES = new Set(['collect', 'collectEntries', 'collectMany', 'inject', 'sum', 'groupBy', 'map']);

/** The closure uses the key alone (`collect { k, v -> k }`): names, not values. */
function keysOnlyBody(code: ScriptCode, loop: Iteration, keysOnly: boolean, pairwise: boolean): boolean {
  if (keysOnly) return true;
  if (!pairwise) return false;
  return !mentions(code, loop.body, new Set(loop.variables.slice(1)));
}

const FILLING = indexedTexts(['append', 'add', 'put', 'leftShift', 'print', 'println', 'write', 'concat', 'push']);

/**
 * Names the loop body puts entries into (`text += "$k: $v"`, `sb.append(v)`,
 * `lines << "$k=$v"`), and names later built from those.
 */
function collectorsOf(code: ScriptCode, script: ScriptModel, loop: Iteration, writes: (value: TokenSpan) => boolean): Set<string> {
  const collectors = new Set<string>();
  const inBody = (index: number) => index >= loop.body.start && index < loop.body.end;
  const assignments = assignmentsIn(code).filter((a) => !a.field);
  for (const assignment of assignments) {
    if (!inBody(assignment.target) || loop.variables.includes(assignment.name) || !writes(assignment.value)) continue;
    // `text += …` and `text = text + …` collect; `name = entry.key` only names an entry (loopValues).
    const collecting = assignment.operator !== '=' || mentions(code, assignment.value, new Set([assignment.name]));
    if (collecting) collectors.add(assignment.name);
  }
  for (const call of callIndex(code, script.language).named(FILLING)) {
    // The receiver's path is built when read: asked for filling calls of the body only.
    if (!inBody(call.name)) continue;
    const path = call.receiver?.path;
    if (!path || loop.variables.includes(path[0])) continue;
    // `builder.append(a).append(b)`: every link fills the builder at the root.
    if (!/^[A-Za-z_$][\w$]*$/.test(path[0]) || !path.slice(1).every((segment) => FILLING.has(segment.replace(/\(\)$/, '')))) continue;
    if (call.arguments.some(writes)) collectors.add(path[0]);
  }
  const ts = code.tokens;
  for (let i = Math.max(loop.body.start, 1); i < loop.body.end; i++) {
    if (isPunctuation(ts[i], '<<') && ts[i - 1].kind === 'identifier' && writes({ start: i + 1, end: i + 2 }))
      collectors.add(ts[i - 1].text);
  }
  extendCollectors(code, loop, collectors);
  return collectors;
}

/** Adds the copies made after the loop (`def all = headersText + propsText`). */
function extendCollectors(code: ScriptCode, loop: Iteration, collectors: Set<string>): void {
  if (collectors.size === 0) return;
  const assignments = assignmentsIn(code).filter((a) => !a.field);
  for (let round = 0, changed = true; changed && round < 10; round++) {
    changed = false;
    for (const assignment of assignments) {
      if (assignment.target < loop.at || collectors.has(assignment.name)) continue;
      if (mentions(code, assignment.value, collectors)) {
        collectors.add(assignment.name);
        changed = true;
      }
    }
  }
}

/** The loop's variables and the names the body gives to their parts (`String name = e.getKey()`, `def v = entry.value`). */
function loopValues(code: ScriptCode, loop: Iteration): Set<string> {
  const names = new Set(loop.variables);
  const assignments = assignmentsIn(code).filter(
    (a) => a.operator === '=' && !a.field && !a.element && a.target >= loop.body.start && a.target < loop.body.end,
  );
  for (let round = 0, changed = true; changed && round < 10; round++) {
    changed = false;
    for (const assignment of assignments) {
      if (names.has(assignment.name) || mentions(code, assignment.value, new Set([assignment.name]))) continue;
      if (mentions(code, assignment.value, names)) {
        names.add(assignment.name);
        changed = true;
      }
    }
  }
  return names;
}

/** Most scripts never read a whole map: no `getHeaders` or `getProperties` anywhere. */
function readsMaps(script: ScriptModel): boolean {
  // The getters' names are only ever identifiers: whether a block holds one is enough.
  for (const { code } of codeBlocks(script)) if (holdsAny(code, MAP_GETTERS)) return true;
  return false;
}

const MAP_GETTERS = indexedTexts(['getHeaders', 'getProperties']);
