import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import { literalValue } from '../../script/literals';
import type { ScriptCode, ScriptModel, ScriptToken } from '../../script/model';
import { triggerNames, usesAny } from '../../script/names';
import type { TokenSpan } from '../../script/span';
import { stringIndices } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptReport } from '../script-check';

// Plain-HTTP URLs a script connects to. Only where a URL becomes a
// connection target (URL and URI objects, openConnection, the HTTP
// adapter's CamelHttpUri header): namespace and feature URIs start with
// http:// too, and nothing ever connects to them.

const CONNECTING_METHODS = new Set(['toURL', 'toURI', 'openConnection']);

/** The literal start of a string token: its first text part, where its value begins. */
function leadingText(token: ScriptToken): { start: number; value: string; complete: boolean } | undefined {
  const string = token.string;
  const first = string?.parts[0];
  if (!string || !first || first.kind !== 'text') return undefined;
  return { start: first.start, value: first.value, complete: string.parts.length === 1 };
}

function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1';
}

/** The host of a plain-HTTP URL at the start of a string, when the string says it (no interpolation inside the host). */
function plainHttpHost(token: ScriptToken): string | undefined {
  const lead = leadingText(token);
  if (!lead || !/^http:\/\//i.test(lead.value)) return undefined;
  const rest = lead.value.slice('http://'.length);
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  // A host cut short by an interpolation is not known.
  if (end < 0 && !lead.complete) return undefined;
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/, '');
  return host === '' || isLoopback(host) ? undefined : host;
}

/** The string token a span starts with: the literal itself, or the first operand of a concatenation. */
function leadingString(code: ScriptCode, span: TokenSpan | undefined): ScriptToken | undefined {
  if (!span) return undefined;
  const literal = literalValue(code, span);
  if (literal) return literal.token;
  const first = code.tokens[span.start];
  const next = code.tokens[span.start + 1];
  return first?.kind === 'string' && (span.end === span.start + 1 || (next?.kind === 'punctuation' && next.text === '+'))
    ? first
    : undefined;
}

/** The string a call makes a connection target of, with how it does so. */
function targetOf(code: ScriptCode, call: CallSite): { token: ScriptToken; how: string } | undefined {
  if (call.isNew && (call.method === 'URL' || call.method === 'URI')) {
    const token = leadingString(code, call.arguments[0]);
    return token ? { token, how: `new ${call.method}(…)` } : undefined;
  }
  if (CONNECTING_METHODS.has(call.method) && call.receiver && call.receiver.path.length === 1) {
    const token = code.tokens[call.receiver.start];
    return token.kind === 'string' && call.receiver.dot === call.receiver.start + 1 ? { token, how: `.${call.method}()` } : undefined;
  }
  if (call.method === 'setHeader' && call.arguments.length === 2) {
    const name = call.arguments[0];
    const literal = literalValue(code, name);
    const text = code.tokens
      .slice(name.start, name.end)
      .map((t) => t.text)
      .join('');
    if (!(literal ? literal.value === 'CamelHttpUri' : text === 'Exchange.HTTP_URI' || text.endsWith('.Exchange.HTTP_URI')))
      return undefined;
    const token = leadingString(code, call.arguments[1]);
    return token ? { token, how: 'the header CamelHttpUri' } : undefined;
  }
  return undefined;
}

/** Every target is a string of the block starting with http://, given to one of these: a block without both is skipped. */
const TRIGGERS = triggerNames(['URL', 'URI', ...CONNECTING_METHODS, 'setHeader']);

function hasPlainHttpString(code: ScriptCode): boolean {
  for (const i of stringIndices(code)) {
    // The leading text's first character before the pattern: most literals are turned away without running it.
    const first = code.tokens[i].string?.parts[0];
    if (first && first.kind === 'text' && (first.value.charCodeAt(0) | 32) === 104 && /^http:\/\//i.test(first.value)) return true;
  }
  return false;
}

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  const reported = new Set<number>();
  for (const { code } of codeBlocks(script)) {
    if (!usesAny(code, TRIGGERS) || !hasPlainHttpString(code)) continue;
    // Targets are made by the trigger methods alone: the block's other calls are never looked for.
    for (const call of callIndex(code, script.language).named(TRIGGERS)) {
      const target = targetOf(code, call);
      if (!target || reported.has(target.token.start)) continue;
      const host = plainHttpHost(target.token);
      if (!host) continue;
      reported.add(target.token.start);
      const scheme = leadingText(target.token)!.start;
      report({
        at: target.token,
        message: `The script connects to ${host} over plain HTTP (${target.how}): the message and any credentials travel unencrypted. Use https://.`,
        fixes: [
          {
            title: 'Use https://',
            preferred: true,
            edits: [{ kind: 'replace', start: scheme, end: scheme + 'http://'.length, text: 'https://' }],
          },
        ],
      });
    }
  }
}

export const checks: RuleChecks = {
  script: { check },
};
