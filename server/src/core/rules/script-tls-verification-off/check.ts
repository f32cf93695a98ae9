import { nameAssignments } from '../../script/assigned-names';
import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import { isName, isPunctuation, type ScriptCode, type ScriptModel, type ScriptToken } from '../../script/model';
import { triggerNames, usesAny } from '../../script/names';
import { inside, levelTokens, type TokenSpan } from '../../script/span';
import { enclosingBrace, splitStatements, statementAround, statementEnd } from '../../script/statements';
import { indexedTexts } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptReport } from '../script-check';

// Certificate and host name checks a script switches off for its own
// connections: trust managers that trust every chain, host name verifiers
// that accept every host, and the library switches that do the same.

/** Library classes and constants whose only purpose is to accept every certificate or host. */
const TRUST_EVERYTHING = new Map<string, string>([
  ['NoopHostnameVerifier', 'NoopHostnameVerifier accepts every host name'],
  ['AllowAllHostnameVerifier', 'AllowAllHostnameVerifier accepts every host name'],
  ['ALLOW_ALL_HOSTNAME_VERIFIER', 'ALLOW_ALL_HOSTNAME_VERIFIER accepts every host name'],
  ['TrustAllStrategy', 'TrustAllStrategy trusts every certificate chain'],
  ['TrustSelfSignedStrategy', 'TrustSelfSignedStrategy trusts any self-signed certificate'],
]);
const SETTERS = indexedTexts(['setHostnameVerifier', 'setDefaultHostnameVerifier']);
const IGNORING = indexedTexts(['ignoreSSLIssues']);
const PROPERTY_SETTERS = new Map([
  ['hostnameVerifier', 'setHostnameVerifier'],
  ['defaultHostnameVerifier', 'setDefaultHostnameVerifier'],
]);
const IMPORTS = new Set(['importClass', 'importPackage']);

const isKeyword = (token: ScriptToken | undefined, text: string) => token !== undefined && token.kind === 'keyword' && token.text === text;

/** The statements of a body span say `return true` or (Groovy's last expression) `true`, and nothing else. */
function returnsTrue(code: ScriptCode, body: TokenSpan): boolean {
  const statements = splitStatements(code, body);
  if (statements.length !== 1) return false;
  const [only] = statements;
  const texts = code.tokens.slice(only.start, only.end).map((t) => t.text);
  return (texts.length === 1 && texts[0] === 'true') || (texts.length === 2 && texts[0] === 'return' && texts[1] === 'true');
}

/** A Groovy closure `{ a, b -> … }` at `open`: its body after the arrow (all of it without one). */
function closureBody(code: ScriptCode, open: number): TokenSpan {
  const content = inside(code, open);
  for (const i of levelTokens(code, content)) if (isPunctuation(code.tokens[i], '->')) return { start: i + 1, end: content.end };
  return content;
}

/** `function (…) { … }` at `start`: the index of its body's `{`, or -1. */
function functionBody(code: ScriptCode, start: number): number {
  let at = start;
  if (!isKeyword(code.tokens[at], 'function')) return -1;
  at++;
  if (isName(code.tokens[at]) && !isPunctuation(code.tokens[at], '(')) at++;
  if (!isPunctuation(code.tokens[at], '(') || code.pair[at] < 0) return -1;
  const brace = code.pair[at] + 1;
  return isPunctuation(code.tokens[brace], '{') ? brace : -1;
}

/** A value that is a verifier accepting every host: a closure or function returning true. Returns the body's closing token. */
function alwaysTrueFunction(code: ScriptCode, span: TokenSpan): number | undefined {
  const first = code.tokens[span.start];
  if (isPunctuation(first, '{') && code.pair[span.start] === span.end - 1)
    return returnsTrue(code, closureBody(code, span.start)) ? span.end - 1 : undefined;
  const brace = functionBody(code, span.start);
  if (brace >= 0 && code.pair[brace] === span.end - 1) return returnsTrue(code, inside(code, brace)) ? span.end - 1 : undefined;
  return undefined;
}

/** After a method's `)`: past `throws A, b.C` to its body's `{`, or -1. */
function bodyAfter(code: ScriptCode, close: number): number {
  let at = close + 1;
  if (code.tokens[at]?.text === 'throws') {
    at++;
    while (isName(code.tokens[at]) || isPunctuation(code.tokens[at], '.') || isPunctuation(code.tokens[at], ',')) at++;
  }
  return isPunctuation(code.tokens[at], '{') ? at : -1;
}

/**
 * A member named `name` at `index` defined with a body: a method
 * (`void name(…) {…}`), a map or object entry with a closure
 * (`name: { … }`) or a function (`name: function (…) {…}`). Returns the
 * index of the body's `{` and whether it is a closure, or undefined.
 */
function memberBody(code: ScriptCode, index: number): { brace: number; closure: boolean; parameters: number } | undefined {
  const next = code.tokens[index + 1];
  if (isPunctuation(next, '(') && code.pair[index + 1] > index) {
    const brace = bodyAfter(code, code.pair[index + 1]);
    const parameters = inside(code, index + 1);
    const count =
      parameters.end > parameters.start ? code.tokens.slice(parameters.start, parameters.end).filter((t) => t.text === ',').length + 1 : 0;
    return brace >= 0 ? { brace, closure: false, parameters: count } : undefined;
  }
  if (!isPunctuation(next, ':')) return undefined;
  if (isPunctuation(code.tokens[index + 2], '{')) return { brace: index + 2, closure: true, parameters: -1 };
  const brace = functionBody(code, index + 2);
  return brace >= 0 ? { brace, closure: false, parameters: -1 } : undefined;
}

/** Whether the declaration that opens the body at `brace` names HostnameVerifier (`implements HostnameVerifier {`, `new HostnameVerifier() {`, `new HostnameVerifier({`). */
function declaresVerifier(code: ScriptCode, brace: number): boolean {
  if (brace < 0) return false;
  const statement = statementAround(code, brace);
  for (let i = statement.start; i < brace; i++) if (code.tokens[i].text === 'HostnameVerifier') return true;
  return false;
}

/** `[verify: …] as HostnameVerifier`: the entry at `index` is in a map coerced to a verifier. */
function coercedMap(code: ScriptCode, index: number): boolean {
  const open = code.parent[index];
  const close = open >= 0 && code.tokens[open].text === '[' ? code.pair[open] : -1;
  return close > 0 && isKeyword(code.tokens[close + 1], 'as') && code.tokens[close + 2]?.text === 'HostnameVerifier';
}

function inImport(code: ScriptCode, index: number): boolean {
  if (isKeyword(code.tokens[statementAround(code, index).start], 'import')) return true;
  for (let open = code.parent[index]; open >= 0; open = code.parent[open]) if (IMPORTS.has(code.tokens[open - 1]?.text ?? '')) return true;
  return false;
}

/** The span a library name's use covers: `new X(…)`, `a.b.X.INSTANCE`, `Factory.ALLOW_ALL_HOSTNAME_VERIFIER`. */
function useOf(code: ScriptCode, index: number, callAt: (index: number) => CallSite | undefined): [number, number] {
  const call = callAt(index);
  if (call?.isNew) return [call.start, call.end - 1];
  let start = index;
  while (isPunctuation(code.tokens[start - 1], '.') && isName(code.tokens[start - 2])) start -= 2;
  const end = isPunctuation(code.tokens[index + 1], '.') && code.tokens[index + 2]?.text === 'INSTANCE' ? index + 2 : index;
  return [start, end];
}

/** Every finding of the rule hangs on one of these names: a block using none of them is skipped. */
const TRIGGERS = triggerNames([
  ...TRUST_EVERYTHING.keys(),
  ...SETTERS,
  ...PROPERTY_SETTERS.keys(),
  'checkServerTrusted',
  'verify',
  'HostnameVerifier',
  'ignoreSSLIssues',
]);

function checkBlock(script: ScriptModel, code: ScriptCode, report: (found: ScriptReport) => void): void {
  if (!usesAny(code, TRIGGERS)) return;
  const tokens = code.tokens;
  const index = callIndex(code, script.language);
  const flagged = new Set<number>();
  const say = (start: number, end: number, message: string) => {
    if (flagged.has(start)) return;
    flagged.add(start);
    report({ at: tokens[start], to: tokens[end], message });
  };
  const lines = (index: number) => script.lines.positionAt(tokens[index].start).line + 1;

  tokens.forEach((token, i) => {
    if (token.kind !== 'identifier') return;
    const library = TRUST_EVERYTHING.get(token.text);
    if (library && !inImport(code, i)) {
      const [start, end] = useOf(code, i, index.at);
      say(start, end, `${library}: the script's TLS connections no longer prove whom they talk to.`);
      return;
    }
    if (token.text === 'checkServerTrusted') {
      const member = memberBody(code, i);
      if (!member) return;
      const body = member.closure ? closureBody(code, member.brace) : inside(code, member.brace);
      if (body.end === body.start)
        say(
          i,
          code.pair[member.brace],
          'A TrustManager whose checkServerTrusted does nothing trusts every server certificate: anyone in the network path can pose as the server.',
        );
      return;
    }
    if (token.text === 'verify') {
      const member = memberBody(code, i);
      if (
        !member ||
        (member.parameters >= 0 && member.parameters !== 2) ||
        !(declaresVerifier(code, enclosingBrace(code, i)) || coercedMap(code, i))
      )
        return;
      const body = member.closure ? closureBody(code, member.brace) : inside(code, member.brace);
      if (returnsTrue(code, body))
        say(
          i,
          code.pair[member.brace],
          'A HostnameVerifier whose verify returns true accepts every host name: any certificate the tenant trusts passes for any server.',
        );
      return;
    }
    // `{ host, session -> true } as HostnameVerifier`
    if (token.text === 'HostnameVerifier' && isKeyword(tokens[i - 1], 'as')) {
      const close = i - 2;
      const open = code.pair[close];
      if (!isPunctuation(tokens[close], '}') || open < 0) return;
      const end = alwaysTrueFunction(code, { start: open, end: close + 1 });
      if (end !== undefined)
        say(
          open,
          i,
          'A closure made a HostnameVerifier returns true for every host name: any certificate the tenant trusts passes for any server.',
        );
    }
  });

  // Setters given an always-true closure or function, directly or through a variable.
  const trusting = new Map<string, number>();
  for (const assignment of nameAssignments(code)) {
    if (alwaysTrueFunction(code, assignment.value) !== undefined) trusting.set(assignment.name, assignment.value.start);
    else trusting.delete(assignment.name);
  }
  // Groovy's property form of the setters: `connection.hostnameVerifier = { host, session -> true }`.
  const targets: { method: string; argument: TokenSpan }[] = [];
  tokens.forEach((token, i) => {
    const property = PROPERTY_SETTERS.get(token.text);
    if (!property || !isPunctuation(tokens[i - 1], '.') || !isPunctuation(tokens[i + 1], '=')) return;
    targets.push({ method: property, argument: { start: i + 2, end: statementEnd(code, i + 2) } });
  });
  for (const call of index.named(SETTERS))
    if (call.arguments.length === 1) targets.push({ method: call.method, argument: call.arguments[0] });
  for (const { method, argument } of targets) {
    if (alwaysTrueFunction(code, argument) !== undefined) {
      say(
        argument.start,
        argument.end - 1,
        `${method} is given a verifier that returns true for every host name: any certificate the tenant trusts passes for any server.`,
      );
      continue;
    }
    const name = argument.end === argument.start + 1 ? tokens[argument.start].text : undefined;
    const defined = name === undefined ? undefined : trusting.get(name);
    if (defined !== undefined)
      say(
        argument.start,
        argument.start,
        `${method} is given ${name}, a verifier that returns true for every host name (defined at line ${lines(defined)}).`,
      );
  }

  for (const call of index.named(IGNORING)) {
    if (!call.isNew) say(call.start, call.end - 1, 'ignoreSSLIssues() switches off certificate and host name checks of the HTTP client.');
  }
}

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  for (const { code } of codeBlocks(script)) checkBlock(script, code, report);
}

export const checks: RuleChecks = {
  script: { check },
};
