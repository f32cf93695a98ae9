import { assignmentsIn, namedValuesIn } from '../../script/assignments';
import { codeBlocks } from '../../script/blocks';
import { callAt } from '../../script/calls';
import { literalValue, stringValue } from '../../script/literals';
import { isPunctuation, type ScriptCode, type ScriptModel, type ScriptToken } from '../../script/model';
import {
  basicCredential,
  basicValue,
  bearerToken,
  isSecretLikeValue,
  isSecretName,
  jwtIn,
  pemPrivateKey,
  startsBasic,
} from '../../script/secret-values';
import type { TokenSpan } from '../../script/span';
import { stringIndices } from '../../script/token-index';
import { statementAround } from '../../script/statements';
import type { RuleChecks } from '../rule';

const ADVICE =
  'Everyone who can read the package or its Git history can read it: deploy it as security material (a Secure Parameter or User Credentials) and read it through SecureStoreService.';

/** A setter whose name ends in a secret's name (`setPassword("…")`) sets that field. */
function setterField(method: string): string | undefined {
  if (method.length <= 3 || !method.startsWith('set')) return undefined;
  const c = method.charCodeAt(3);
  return (c >= 0x41 && c <= 0x5a) || c === 0x5f ? method.slice(3) : undefined;
}

/**
 * Nothing shorter is a credential by its shape: a Basic credential is 8 or
 * more base64 characters, a Bearer token 16, a JWT and a PEM block more.
 */
const SHORTEST_SHAPED = 8;

function checkBlock(script: ScriptModel, code: ScriptCode, once: (token: ScriptToken, message: string) => void): void {
  // Every finding is on a string literal, and most blocks (an interpolation is mostly `${name}`) hold none.
  const strings = stringIndices(code);
  if (strings.length === 0) return;
  const tokens = code.tokens;
  // One pass over the literals serves both kinds of finding:
  // (a) literals given to a secret's name: only one that stands right after a secret's name (see
  // givenToSecretName, a look at the tokens before it) can be, and most blocks hold none;
  // (b), (c), (d) literals that are credentials by their shape, reported after (a), which names a literal first.
  let candidates: number[] | undefined;
  let shaped: { readonly token: ScriptToken; readonly message: string }[] | undefined;
  for (const i of strings) {
    const token = tokens[i];
    const string = token.string;
    if (!string) continue;
    const value = string.interpolated ? undefined : string.value;
    if (value !== undefined && value.length >= 8 && givenToSecretName(code, i) && isSecretLikeValue(value)) (candidates ??= []).push(i);
    if (token.text.length < SHORTEST_SHAPED) continue;
    let message: string | undefined;
    if (value !== undefined) {
      if (value.length >= SHORTEST_SHAPED) message = shapedMessage(code, strings, i, value);
    } else {
      // Interpolated strings still carry literal text between their `${…}` parts.
      for (const part of string.parts) {
        if (part.kind === 'text' && part.value.length >= SHORTEST_SHAPED && (message = privateKeyOrJwt(part.value))) break;
      }
    }
    if (message) (shaped ??= []).push({ token, message });
  }
  // Only then are the block's assignments and entries read.
  if (candidates) {
    const holding = candidates;
    namedLiterals(script, code, (name: string, span: TokenSpan, how: string) => {
      // A span without a candidate is no literal secret: skip reading it.
      if (!holdsAny(holding, span)) return;
      const literal = literalValue(code, span);
      if (literal && isSecretName(name) && isSecretLikeValue(literal.value))
        once(literal.token, `A hard-coded secret is ${how} "${name}". ${ADVICE}`);
    });
  }
  if (shaped) for (const { token, message } of shaped) once(token, message);
}

/**
 * Whether the literal at `index` could be the whole value given to a
 * secret's name, as namedLiterals finds them: right after `name =`,
 * `name:` or `setName(`, or inside the wrappers literalValue sees through
 * (`(…)`, `new String(…)`; `.toString()` comes after). Far cheaper than
 * reading every assignment and entry of the block, and never false where
 * namedLiterals would report.
 */
function givenToSecretName(code: ScriptCode, index: number): boolean {
  const tokens = code.tokens;
  for (let start = index; start >= 2;) {
    const before = tokens[start - 1];
    if (before.kind !== 'punctuation') return false;
    const name = tokens[start - 2];
    // `name = …` with the operator `=` (not `map[key] = …`).
    if (before.text === '=') return name.kind === 'identifier' && isSecretName(name.text);
    // `name: …`, `"name": …`
    if (before.text === ':') {
      const key = name.kind === 'identifier' || name.kind === 'keyword' ? name.text : stringValue(name);
      return key !== undefined && isSecretName(key);
    }
    if (before.text !== '(') return false;
    if (name.kind === 'identifier') {
      const field = setterField(name.text);
      if (field && isSecretName(field)) return true;
    }
    // A wrapper: the value may start at `new` of `new String(` or at the `(`.
    start = name.text === 'String' && tokens[start - 3]?.kind === 'keyword' && tokens[start - 3].text === 'new' ? start - 3 : start - 1;
  }
  return false;
}

/** Whether a sorted list of token indices has one inside the span. */
function holdsAny(sorted: readonly number[], span: TokenSpan): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < span.start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] < span.end;
}

function namedLiterals(script: ScriptModel, code: ScriptCode, named: (name: string, span: TokenSpan, how: string) => void): void {
  for (const assignment of assignmentsIn(code)) {
    if (assignment.operator === '=' && !assignment.element) named(assignment.name, assignment.value, 'assigned to');
  }
  for (const entry of namedValuesIn(code, script.language)) named(entry.key, entry.value, 'given as');
  const tokens = code.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const field = tokens[i].kind === 'identifier' && isPunctuation(tokens[i + 1], '(') ? setterField(tokens[i].text) : undefined;
    if (!field || !isSecretName(field)) continue;
    const call = callAt(code, script.language, i);
    if (call && !call.isNew && call.arguments.length === 1) named(field, call.arguments[0], `passed to ${call.method}(…) as`);
  }
}

/** (b), (c), (d) What a literal's value is when it is a credential by its shape. */
function shapedMessage(code: ScriptCode, strings: readonly number[], index: number, value: string): string | undefined {
  const inBasic = basicValue(value);
  const basic = inBasic !== undefined ? basicCredential(inBasic) : undefined;
  if (basic) return `A Basic credential for the user "${basic.user}" is written into the script as "Basic <base64>". ${ADVICE}`;
  // A base64 literal on its own counts only beside a "Basic" one (decoding fails first for most literals).
  const alone = basicCredential(value);
  if (alone && strings.some((s) => startsBasicLiteral(code.tokens[s])) && besideBasic(code, index))
    return `A Basic credential for the user "${alone.user}" is written into the script as base64 next to "Basic". ${ADVICE}`;
  if (bearerToken(value)) return `A Bearer token is written into the script. ${ADVICE}`;
  return privateKeyOrJwt(value);
}

/** A string token whose text begins with `Basic`. */
function startsBasicLiteral(token: ScriptToken): boolean {
  return token.kind === 'string' && token.string?.parts[0]?.kind === 'text' && startsBasic(token.string.parts[0].value);
}

/** What the text is when it holds a PEM private key or a JWT. */
function privateKeyOrJwt(text: string): string | undefined {
  const pem = pemPrivateKey(text);
  if (pem)
    return `A PEM private-key block (BEGIN ${pem}) is written into the script. ${ADVICE.replace('a Secure Parameter or User Credentials', 'a keystore entry')}`;
  if (jwtIn(text)) return `A JSON Web Token is written into the script. ${ADVICE}`;
  return undefined;
}

/** A string literal starting with `Basic` in the same statement as the token at `index`. */
function besideBasic(code: ScriptCode, index: number): boolean {
  const statement = statementAround(code, index);
  for (let i = statement.start; i < statement.end; i++) {
    const token = code.tokens[i];
    if (i === index || token.kind !== 'string' || !token.string) continue;
    const first = token.string.parts[0];
    if (first?.kind === 'text' && startsBasic(first.value)) return true;
  }
  return false;
}

export const checks: RuleChecks = {
  script: {
    check(script, report) {
      const reported = new Set<number>();
      const once = (token: ScriptToken, message: string) => {
        if (reported.has(token.start)) return;
        reported.add(token.start);
        report({ at: token, message });
      };
      for (const block of codeBlocks(script)) checkBlock(script, block.code, once);
    },
  },
};
