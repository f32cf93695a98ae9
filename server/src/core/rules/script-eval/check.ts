import { nameAssignments } from '../../script/assigned-names';
import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import type { ScriptCode, ScriptModel } from '../../script/model';
import { triggerNames, usesAny } from '../../script/names';
import { indexedTexts } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptReport } from '../script-check';

// Text run as code: Groovy's Eval and GroovyShell, classes compiled by a
// GroovyClassLoader, JSR-223 engines, and JavaScript's own eval and
// Function constructor. XPath's `evaluate` reads a path, not code.

const EVAL_METHODS = new Set(['me', 'x', 'xy', 'xyz']);
const ENGINE_LOOKUPS = new Set(['getEngineByName()', 'getEngineByExtension()', 'getEngineByMimeType()']);
const SOURCES = ['ScriptEngineManager', 'GroovyClassLoader'] as const;

/** Groovy compiles evaluated text into classes that are never unloaded. */
const GROOVY_CLASSES = /Groovy|class/;

type Source = (typeof SOURCES)[number];

/**
 * Names that hold a ScriptEngineManager, an engine it gave, or a
 * GroovyClassLoader, followed through assignments in source order.
 */
function holders(script: ScriptModel, code: ScriptCode): Map<string, Source> {
  const held = new Map<string, Source>();
  for (const assignment of nameAssignments(code)) {
    let source: Source | undefined;
    for (let i = assignment.value.start; i < assignment.value.end && !source; i++) {
      const text = code.tokens[i].text;
      if ((SOURCES as readonly string[]).includes(text)) source = text as Source;
      else source = held.get(text);
    }
    if (source) held.set(assignment.name, source);
    else held.delete(assignment.name);
  }
  void script;
  return held;
}

function receiverSource(call: CallSite, held: ReadonlyMap<string, Source>): Source | undefined {
  const path = call.receiver?.path ?? [];
  for (const segment of path) {
    if (
      segment.startsWith('new ScriptEngineManager') ||
      segment.startsWith('new javax.script.ScriptEngineManager') ||
      ENGINE_LOOKUPS.has(segment)
    )
      return 'ScriptEngineManager';
    if (segment.startsWith('new GroovyClassLoader') || segment.startsWith('new groovy.lang.GroovyClassLoader')) return 'GroovyClassLoader';
  }
  return path.length > 0 ? held.get(path[0]) : undefined;
}

/** The last segment of a receiver path (the object the method is called on). */
function lastOf(path: readonly string[] | undefined): string | undefined {
  return path?.[path.length - 1];
}

/** What a call evaluates, named for the message, or undefined when it evaluates nothing. */
function evaluation(script: ScriptModel, call: CallSite, held: ReadonlyMap<string, Source>): string | undefined {
  if (call.isNew) {
    if (call.method === 'GroovyShell') return 'new GroovyShell(…) evaluates text as Groovy code';
    if (call.method === 'Function' && script.language === 'javascript' && call.qualifier.length === 0)
      return 'new Function(…) compiles text as JavaScript code';
    return undefined;
  }
  // The receiver's path is built when read: only for the methods that need it.
  if (EVAL_METHODS.has(call.method) && lastOf(call.receiver?.path) === 'Eval' && call.arguments.length > 0)
    return `Eval.${call.method}(…) evaluates text as Groovy code`;
  if (call.method === 'parseClass' && receiverSource(call, held) === 'GroovyClassLoader')
    return 'GroovyClassLoader.parseClass(…) compiles text into a class';
  if (call.method === 'eval') {
    if (receiverSource(call, held) === 'ScriptEngineManager') return "a script engine's eval(…) runs text as code";
    const path = call.receiver?.path;
    const owner = lastOf(path);
    if (
      script.language === 'javascript' &&
      (!path || (path.length === 1 && (owner === 'window' || owner === 'globalThis' || owner === 'this')))
    )
      return 'eval(…) runs text as JavaScript code';
  }
  return undefined;
}

/** Every finding is a call of one of these methods, or of a method on `Eval`: a block using none of them is skipped. */
const TRIGGERS = triggerNames(['GroovyShell', 'Function', 'Eval', 'parseClass', 'eval']);

/** The methods and created classes evaluation() answers for: a block's other calls are never looked for. */
const EVALUATING = indexedTexts(['GroovyShell', 'Function', ...EVAL_METHODS, 'parseClass', 'eval']);

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  for (const { code } of codeBlocks(script)) {
    if (!usesAny(code, TRIGGERS)) continue;
    const held = holders(script, code);
    for (const call of callIndex(code, script.language).named(EVALUATING)) {
      const what = evaluation(script, call, held);
      if (!what) continue;
      report({
        at: code.tokens[call.start],
        to: code.tokens[call.end - 1],
        message: `${what[0].toUpperCase()}${what.slice(1)}: whatever the text says runs with the rights of the integration flow${GROOVY_CLASSES.test(what) ? ', and every class generated this way stays loaded' : ''}.`,
      });
    }
  }
}

export const checks: RuleChecks = {
  script: { check },
};
