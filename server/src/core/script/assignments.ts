// Assignments on tokens: `name = value`, `def name = value`,
// `String name = value`, `var a = 1, b = 2`, `obj.field = value`,
// `map[key] = value`, `text += more`, and map entries / named arguments
// (`[password: "…"]`, `{ token: "…" }`, `call(secret: "…")`).

import { isName, isPunctuation, type ScriptCode, type ScriptLanguage } from './model';
import { skip, type TokenSpan } from './span';
import { endsStatement } from './statements';
import { indexedText, indexedTexts, indicesOf, indicesOfAny } from './token-index';
import { Memo } from './memo';

export interface Assignment {
  /** Index of the assigned name (for `map[key] = …`, of `map`; for `obj.field = …`, of `field`). */
  readonly target: number;
  readonly name: string;
  /** `=`, `+=`, `<<=` … */
  readonly operator: string;
  /** `obj.field = …`: the target is a field of another object. */
  readonly field: boolean;
  /** `map[key] = …`: an element of the target is set. */
  readonly element: boolean;
  readonly value: TokenSpan;
}

const ASSIGNING = indexedTexts(['=', '+=', '-=', '<<=', '|=', '?=', '??=', '||=']);
const COLON = indexedText(':');
const DOTS = new Set(['.', '?.', '*.']);

const found = new Memo<ScriptCode, readonly Assignment[]>('assignments');

/** The assignments of a code block, found once per block (several rules ask). */
export function assignmentsIn(code: ScriptCode): readonly Assignment[] {
  let assignments = found.get(code);
  if (!assignments) {
    assignments = findAssignments(code);
    found.set(code, assignments);
  }
  return assignments;
}

function findAssignments(code: ScriptCode): Assignment[] {
  const tokens = code.tokens;
  const found: Assignment[] = [];
  for (const op of indicesOfAny(code, ASSIGNING)) {
    const token = tokens[op];
    if (op < 1 || token.kind !== 'punctuation') continue;
    let target = op - 1;
    let element = false;
    while (isPunctuation(tokens[target], ']') && code.pair[target] > 0) {
      target = code.pair[target] - 1;
      element = true;
    }
    if (!isName(tokens[target]) || tokens[target].kind === 'keyword') continue;
    const field = DOTS.has(tokens[target - 1]?.text ?? '') && tokens[target - 1].kind === 'punctuation';
    found.push({
      target,
      name: tokens[target].text,
      operator: token.text,
      field,
      element,
      value: { start: op + 1, end: valueEnd(code, op + 1) },
    });
  }
  return found;
}

/** `key: value` at the top of a `[…]`, `(…)` or (JavaScript) `{…}`: a map entry, named argument or object property. */
export interface NamedValue {
  readonly key: string;
  readonly keyIndex: number;
  readonly value: TokenSpan;
}

export function namedValuesIn(code: ScriptCode, language: ScriptLanguage): NamedValue[] {
  const tokens = code.tokens;
  const found: NamedValue[] = [];
  for (const colon of indicesOf(code, COLON)) {
    if (colon < 1 || !isPunctuation(tokens[colon], ':')) continue;
    const keyToken = tokens[colon - 1];
    const opener = tokens[code.parent[colon]];
    if (!opener || !(opener.text === '[' || opener.text === '(' || (opener.text === '{' && language === 'javascript'))) continue;
    // The key must begin its entry: `? a : b` and `case a:` are not entries.
    const before = tokens[colon - 2];
    if (!before || !(before.kind === 'punctuation' && (before.text === ',' || before === opener))) continue;
    let key: string | undefined;
    if (isName(keyToken)) key = keyToken.text;
    else if (keyToken.kind === 'string' && keyToken.string && !keyToken.string.interpolated) key = keyToken.string.value;
    if (key === undefined) continue;
    found.push({ key, keyIndex: colon - 1, value: { start: colon + 1, end: valueEnd(code, colon + 1) } });
  }
  return found;
}

/** Where a value that starts at `from` ends: a `,`, `;` or closer at its level, or the end of its statement. */
export function valueEnd(code: ScriptCode, from: number): number {
  const tokens = code.tokens;
  let previous = tokens[from - 1];
  for (let i = from; i < tokens.length;) {
    const token = tokens[i];
    if (token.kind === 'punctuation') {
      if (token.text === ';' || token.text === ',') return i;
      if ((token.text === ')' || token.text === ']' || token.text === '}') && code.pair[i] < i) return i;
    }
    if (i > from && token.newlineBefore && previous && endsStatement(previous, token)) return i;
    const next = skip(code, i);
    previous = tokens[next - 1];
    i = next;
  }
  return tokens.length;
}
