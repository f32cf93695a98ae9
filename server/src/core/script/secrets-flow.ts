// Where secrets go in a script: values read from the secure store
// (`getPassword()` / `getAccessToken()` on what SecureStoreService,
// getUserCredential, getSecureParameter or AccessTokenAndUrlService gave) and
// the `Authorization` header, followed through variables. A variable holds a
// secret once anything assigned to (or put into) it carries one:
// concatenation, interpolation, `new String(…)`, `.toString()`, encoders.
// Variables are per named function (script-level ones are seen everywhere);
// a variable never loses the secret again, so a sink is flagged whenever
// some path may bring one there. Assignments are replayed until nothing
// changes, so loops and methods declared out of order are covered.

import { assignmentsIn } from './assignments';
import { codeBlocks } from './blocks';
import { callIndex } from './call-index';
import type { CallSite } from './calls';
import { functionScopes } from './function-scopes';
import { literalValue } from './literals';
import type { Sink } from './log-sinks';
import { ScopedNames } from './scoped-names';
import { indexedText, indexedTexts, indicesOf, indicesOfAny, stringIndices } from './token-index';
import { isName, isPunctuation, type ScriptCode, type ScriptModel } from './model';
import type { TokenSpan } from './span';
import { Memo } from './memo';
import { triggerNames, usesAny } from './names';

/** `secure-store`: User Credentials, Secure Parameters, OAuth tokens; `authorization`: the incoming Authorization header. */
export type SecretKind = 'secure-store' | 'authorization';

export interface SecretOrigin {
  readonly kind: SecretKind;
  /** `password`, `secure parameter`, `access token`, `Authorization header`. */
  readonly what: string;
  /** 1-based line of the read. */
  readonly line: number;
}

/** "password read at line 12". */
export function describeOrigin(origin: SecretOrigin): string {
  return `${origin.what} read at line ${origin.line}`;
}

export const ANY_SECRET: ReadonlySet<SecretKind> = new Set(['secure-store', 'authorization']);
export const STORE_SECRET: ReadonlySet<SecretKind> = new Set(['secure-store']);

export interface SecretFlow {
  /** The script reads no secret at all: every answer is undefined. */
  readonly empty: boolean;
  /**
   * The first secret of one of `kinds` that the tokens of `span` carry: a
   * read inside it or a variable holding one. `at` is a token of the
   * script's top-level code that places the span in its function (for a
   * span inside an interpolation, the string's token).
   */
  originIn(code: ScriptCode, span: TokenSpan, kinds: ReadonlySet<SecretKind>, at: number): SecretOrigin | undefined;
}

/** Types whose objects come from the secure store (declared parameters and variables of these types are store objects). */
const STORE_TYPES = indexedTexts([
  'SecureStoreService',
  'AccessTokenAndUrlService',
  'UserCredential',
  'SecureParameter',
  'AccessTokenAndUrl',
  'OAuth2ClientCredential',
]);
/** Calls that hand out an object of the secure store. */
const STORE_CALLS = new Set(['getUserCredential', 'getSecureParameter', 'getAccessTokenAndUrl', 'getOAuth2ClientCredential']);
/** Methods whose result no longer carries the secret (a length, a test). */
const REVEALS_NOTHING = new Set([
  'length',
  'size',
  'isEmpty',
  'isBlank',
  'equals',
  'equalsIgnoreCase',
  'hashCode',
  'startsWith',
  'endsWith',
  'contains',
  'matches',
  'compareTo',
  'getClass',
  'asBoolean',
]);
/** `holder.put(k, v)`, `sb.append(v)`, … put the value into the holder. */
const FILLING = indexedTexts(['put', 'putAll', 'append', 'add', 'addAll', 'push', 'concat', 'leftShift', 'write', 'print', 'println']);

const DOTS = new Set(['.', '?.', '*.']);

/**
 * Calls whose result still carries a secret given to them as an argument:
 * encoders, formatting, string building. Any other call (an HTTP client's
 * `get(headers: …)`, a digest) is taken to use the secret, not to pass it on.
 */
const CARRYING = new Set([
  'String',
  'StringBuilder',
  'StringBuffer',
  'valueOf',
  'format',
  'join',
  'concat',
  'plus',
  'toString',
  'getBytes',
  'toCharArray',
  'encode',
  'encodeToString',
  'encodeBase64',
  'encodeBase64String',
  'encodeBase64URLSafeString',
  'printBase64Binary',
  'encodeHex',
  'decode',
  'decodeBase64',
  'parseBase64Binary',
  'trim',
  'substring',
  'replace',
  'replaceAll',
  'replaceFirst',
  'toLowerCase',
  'toUpperCase',
  'split',
  'tokenize',
  'toJson',
  'prettyPrint',
  'asList',
  'of',
  'copyOf',
  'copyValueOf',
]);

const COMPARING = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', '<=>', 'instanceof', 'in', '!in', '==~', '=~']);

/**
 * The value at tokens [start, end) is only measured or compared
 * (`secret.length()`, `new String(pw).isEmpty()`, `token != null`), through
 * any wrappers that carry it.
 */
function revealsNothing(code: ScriptCode, start: number, end: number, declared: ReadonlySet<string>): boolean {
  const ts = code.tokens;
  if (COMPARING.has(ts[start - 1]?.text ?? '') || ts[start - 1]?.text === '!') return true;
  let at = end;
  let parent = code.parent[start];
  for (let guard = 0; guard < 100; guard++) {
    const next = ts[at];
    if (!next) return false;
    if (COMPARING.has(next.text)) return true;
    if (next.kind === 'punctuation' && DOTS.has(next.text) && isName(ts[at + 1])) {
      if (REVEALS_NOTHING.has(ts[at + 1].text)) return true;
      at += 2;
      if (isPunctuation(ts[at], '(') && code.pair[at] > at) at = code.pair[at] + 1;
      continue;
    }
    // Out through a wrapper that carries the value: `new String(…)`, `String.valueOf(…)`, `(…)`.
    if (parent >= 0 && next.text === ')' && code.pair[at] === parent) {
      const name = ts[parent - 1];
      if (name && name.kind === 'identifier' && !CARRYING.has(name.text) && !isOwnMethod(ts, parent - 1, declared)) return false;
      at++;
      start = parent;
      parent = code.parent[parent];
      continue;
    }
    return false;
  }
  return false;
}

/** Whether a value at `index` inside `span` reaches the span's value: no call outside CARRYING stands between them. */
function carried(code: ScriptCode, index: number, span: TokenSpan, declared: ReadonlySet<string>): boolean {
  const ts = code.tokens;
  for (let p = code.parent[index]; p >= span.start && p >= 0; p = code.parent[p]) {
    if (ts[p].text !== '(') continue;
    const name = ts[p - 1];
    if (!name || name.kind !== 'identifier') continue;
    if (!CARRYING.has(name.text) && !isOwnMethod(ts, p - 1, declared)) return false;
  }
  return true;
}

/**
 * A call of a method the script declares (`generateBody(user, password)`):
 * such helpers build the text they are given a secret for, so their result
 * is taken to carry it.
 */
function isOwnMethod(ts: ScriptCode['tokens'], name: number, declared: ReadonlySet<string>): boolean {
  const before = ts[name - 1];
  return declared.has(ts[name].text) && !(before !== undefined && before.kind === 'punctuation' && DOTS.has(before.text));
}

interface Held {
  store?: SecretOrigin;
  authorization?: SecretOrigin;
}

/** A value flowing into a name: an assignment, or a filling call on the name. */
interface Flow {
  readonly target: string;
  readonly scope: number;
  readonly values: readonly TokenSpan[];
}

const NO_SECRETS: SecretFlow = { empty: true, originIn: () => undefined };
const flows = new Memo<ScriptModel, SecretFlow>('secret flow');

/** The script's secret flow, worked out once per script and shared by the rules that ask. */
export function secretFlow(model: ScriptModel): SecretFlow {
  let flow = flows.get(model);
  if (!flow) {
    const readable = mayReadSecrets(model);
    flow = readable ? traceSecrets(model, readable) : NO_SECRETS;
    flows.set(model, flow);
  }
  return flow;
}

/** A value that a sink writes and the secret it carries. */
export interface SecretInSink {
  readonly sink: Sink;
  /** The written value, in the script's top-level code. */
  readonly value: TokenSpan;
  readonly origin: SecretOrigin;
}

/**
 * Every value that a sink writes (the calls `sinkOf` takes for sinks) and
 * that carries a secret of one of `kinds`, in source order: the one loop
 * behind the rules on secrets in logs, bodies, headers and properties.
 * `methods` (declared with indexedTexts) holds every method `sinkOf` takes:
 * only calls of those are asked, so the script's other calls are never found.
 */
export function secretsInSinks(
  model: ScriptModel,
  kinds: ReadonlySet<SecretKind>,
  methods: ReadonlySet<string>,
  sinkOf: (code: ScriptCode, call: CallSite) => Sink | undefined,
): SecretInSink[] {
  const flow = secretFlow(model);
  if (flow.empty) return [];
  const code = model.code;
  const found: SecretInSink[] = [];
  for (const call of callIndex(code, model.language).named(methods)) {
    const sink = sinkOf(code, call);
    if (!sink) continue;
    for (const value of sink.values) {
      const origin = flow.originIn(code, value, kinds, call.name);
      if (origin) found.push({ sink, value, origin });
    }
  }
  return found;
}

const SHIFT = indexedText('<<');

/** The names a read of the store is made with (see readBy), besides `getAccessTokenFor…`. */
const READS = triggerNames(['getPassword', 'getAccessToken']);
const READ_PREFIX = 'getAccessTokenFor';
/** A call of this name may be a read (see readBy, which asks the call's method, the name's text). */
function mayBeRead(name: string): boolean {
  return name === 'getPassword' || name === 'getAccessToken' || name === 'getHeader' || name === 'get' || name.startsWith(READ_PREFIX);
}
/** A read counts only from what the store gave (see readBy), and that always goes back to one of these names. */
const STORE_NAMES = triggerNames([...STORE_TYPES, ...STORE_CALLS]);

/** What a script may read, by the names and literals it holds (see mayReadSecrets). */
interface Readable {
  /** A read of the store (a read's name and a name of the store). */
  readonly store: boolean;
  /** An "Authorization" literal. */
  readonly authorization: boolean;
  /** A name of the store, which store objects start from. */
  readonly storeNamed: boolean;
}

/**
 * Most scripts never read a secret: no read of the store (see readBy:
 * a read's name and a name of the store) and no "Authorization" literal
 * anywhere. Asked of every script, so the names come from the blocks'
 * shared index; the one open-ended name is looked for in the script's text
 * (a name is a slice of it), and only when the store is named. Undefined
 * when there is nothing to read; else which kinds of secret can turn up,
 * so the tracing looks for no other.
 */
function mayReadSecrets(model: ScriptModel): Readable | undefined {
  let storeNamed = false;
  let read = false;
  let authorization = false;
  for (const { code } of codeBlocks(model)) {
    storeNamed ||= usesAny(code, STORE_NAMES);
    read ||= usesAny(code, READS);
    if (authorization) continue;
    for (const i of stringIndices(code)) {
      const token = code.tokens[i];
      // Only a value of 13 characters lower-cases to "authorization": the others are not lower-cased (a copy each).
      const value = token.string?.value;
      if (token.text.length <= 24 && value !== undefined && value.length === 13 && value.toLowerCase() === 'authorization') {
        authorization = true;
        break;
      }
    }
  }
  const store = storeNamed && (read || model.text.includes(READ_PREFIX));
  return store || authorization ? { store, authorization, storeNamed } : undefined;
}

function traceSecrets(model: ScriptModel, readable: Readable): SecretFlow {
  const code = model.code;
  const tokens = code.tokens;
  const scopes = functionScopes(code);
  const declared = new Set<string>();
  // One entry per token, in runs of the same function: each run's name is added once.
  for (let i = 0, last = -1; i < scopes.length; i++) {
    const open = scopes[i];
    if (open === last) continue;
    last = open;
    if (open > 0) declared.add(tokens[open - 1].text);
  }
  const held = new ScopedNames<Held>();
  const storeObjects = new ScopedNames<true>();
  const isStoreObject = (scope: number, name: string) => storeObjects.lookup(scope, name) !== undefined;
  const lineOf = (offset: number) => model.lines.positionAt(offset).line + 1;

  /** The secret read by the call, if it is a read. */
  const readBy = (inCode: ScriptCode, call: CallSite, scope: number): SecretOrigin | undefined => {
    const method = call.method;
    if ((method === 'getPassword' || method === 'getAccessToken' || method.startsWith(READ_PREFIX)) && call.receiver) {
      const path = call.receiver.path.map((segment) => segment.replace(/(\(\))?(\[\])*$/, ''));
      const fromStore = path.some((segment) => STORE_CALLS.has(segment) || STORE_TYPES.has(segment)) || isStoreObject(scope, path[0]);
      if (!fromStore) return undefined;
      const what = method === 'getPassword' ? (path.includes('getSecureParameter') ? 'secure parameter' : 'password') : 'access token';
      return { kind: 'secure-store', what, line: lineOf(inCode.tokens[call.name].start) };
    }
    if ((method === 'getHeader' || method === 'get') && call.receiver && call.arguments.length >= 1) {
      const name = literalValue(inCode, call.arguments[0]);
      if (name && name.value.toLowerCase() === 'authorization')
        return { kind: 'authorization', what: 'Authorization header', line: lineOf(inCode.tokens[call.name].start) };
    }
    return undefined;
  };

  const originIn = (inCode: ScriptCode, span: TokenSpan, kinds: ReadonlySet<SecretKind>, scope: number): SecretOrigin | undefined => {
    const ts = inCode.tokens;
    for (let i = span.start; i < span.end && i < ts.length; i++) {
      const token = ts[i];
      if (token.kind === 'string' && token.string?.interpolated) {
        if (!carried(inCode, i, span, declared)) continue;
        for (const part of token.string.parts) {
          if (part.kind !== 'code') continue;
          const found = originIn(part.code, { start: 0, end: part.code.tokens.length }, kinds, scope);
          if (found) return found;
        }
        continue;
      }
      if (!isName(token)) continue;
      const before = ts[i - 1];
      const member = before !== undefined && before.kind === 'punctuation' && DOTS.has(before.text);
      const after = ts[i + 1];
      if (member || isPunctuation(after, '(')) {
        // Only a call of one of readBy's methods is a read: the others are not looked up as calls.
        if (!mayBeRead(token.text)) continue;
        const call = callIndex(inCode, model.language).at(i);
        const read = call && readBy(inCode, call, scope);
        if (
          read &&
          kinds.has(read.kind) &&
          carried(inCode, call.start, span, declared) &&
          !revealsNothing(inCode, call.start, call.end, declared)
        )
          return read;
        continue;
      }
      // `map["Authorization"]`
      if (isPunctuation(after, '[') && kinds.has('authorization')) {
        const close = inCode.pair[i + 1];
        const index = close > i + 1 ? literalValue(inCode, { start: i + 2, end: close }) : undefined;
        if (index && index.value.toLowerCase() === 'authorization')
          return { kind: 'authorization', what: 'Authorization header', line: lineOf(token.start) };
      }
      const holding = held.lookup(scope, token.text);
      if (!holding || !carried(inCode, i, span, declared)) continue;
      // `secret.length()`, `token.isEmpty()`, `token != null` tell nothing of the secret.
      if (revealsNothing(inCode, i, i + 1, declared)) continue;
      // A map key or named argument is a label, not the variable.
      if (isPunctuation(after, ':') && (isPunctuation(before, ',') || isPunctuation(before, '[') || isPunctuation(before, '('))) continue;
      if (holding.store && kinds.has('secure-store')) return holding.store;
      if (holding.authorization && kinds.has('authorization')) return holding.authorization;
    }
    return undefined;
  };

  const mentionsStore = (span: TokenSpan, scope: number): boolean => {
    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i];
      if (!isName(token)) continue;
      if (STORE_TYPES.has(token.text) || (STORE_CALLS.has(token.text) && isPunctuation(tokens[i + 1], '('))) return true;
      const member = DOTS.has(tokens[i - 1]?.text ?? '') && tokens[i - 1].kind === 'punctuation';
      if (!member && isStoreObject(scope, token.text)) return true;
    }
    return false;
  };

  // What flows into which name, collected once.
  const flows: Flow[] = [];
  for (const assignment of assignmentsIn(code)) {
    if (assignment.field) continue;
    flows.push({ target: assignment.name, scope: scopes[assignment.target], values: [assignment.value] });
  }
  // Only the filling calls are asked of the call index.
  for (const call of callIndex(code, model.language).named(FILLING)) {
    const receiver = call.receiver;
    if (!receiver || receiver.path.length !== 1 || call.arguments.length === 0) continue;
    if (!/^[A-Za-z_$][\w$]*$/.test(receiver.path[0])) continue;
    flows.push({ target: receiver.path[0], scope: scopes[call.name], values: call.arguments });
  }
  // `builder << secret`
  for (const i of indicesOf(code, SHIFT)) {
    if (i < 1 || i + 1 >= tokens.length) continue;
    if (tokens[i].kind === 'punctuation' && tokens[i - 1].kind === 'identifier' && !DOTS.has(tokens[i - 2]?.text ?? '')) {
      flows.push({ target: tokens[i - 1].text, scope: scopes[i - 1], values: [{ start: i + 1, end: i + 2 }] });
    }
  }
  // `UserCredential credential` (declared variables and parameters).
  for (const i of indicesOfAny(code, STORE_TYPES)) {
    if (
      i + 1 < tokens.length &&
      tokens[i].kind === 'identifier' &&
      tokens[i + 1].kind === 'identifier' &&
      !isPunctuation(tokens[i + 2], '(')
    ) {
      storeObjects.set(scopes[i + 1], tokens[i + 1].text, true);
    }
  }

  // Replayed until nothing changes; each round can only add, so this ends (bounded for safety).
  for (let round = 0, changed = true; changed && round < 20; round++) {
    changed = false;
    for (const flow of flows) {
      const holding = held.get(flow.scope, flow.target) ?? {};
      for (const value of flow.values) {
        // A kind the script cannot read is never found: not looked for.
        if (!holding.store && readable.store) {
          const store = originIn(code, value, STORE_SECRET, flow.scope);
          if (store) {
            holding.store = store;
            changed = true;
          }
        }
        if (!holding.authorization && readable.authorization) {
          const authorization = originIn(code, value, AUTHORIZATION_ONLY, flow.scope);
          if (authorization) {
            holding.authorization = authorization;
            changed = true;
          }
        }
        // Without a name of the store nothing is a store object.
        if (
          readable.storeNamed &&
          !holding.store &&
          !holding.authorization &&
          !storeObjects.has(flow.scope, flow.target) &&
          mentionsStore(value, flow.scope)
        ) {
          storeObjects.set(flow.scope, flow.target, true);
          changed = true;
        }
      }
      if (holding.store || holding.authorization) held.set(flow.scope, flow.target, holding);
    }
  }

  return {
    empty: false,
    originIn: (inCode, span, kinds, at) =>
      (readable.store && kinds.has('secure-store')) || (readable.authorization && kinds.has('authorization'))
        ? originIn(inCode, span, kinds, scopes[at] ?? -1)
        : undefined,
  };
}

const AUTHORIZATION_ONLY: ReadonlySet<SecretKind> = new Set(['authorization']);
