// Whether code runs only under a condition: inside the body or the else
// branch of an `if`, with or without braces, at any depth.

import type { ScriptCode } from './model';
import { splitStatements, statementBefore, statementHolding } from './statements';

/** An `if` (its condition's `(`) or an `else` that the code depends on. */
export interface Condition {
  readonly kind: 'if' | 'else';
  /** For `if`: index of the `(` of its condition. For `else`: index of the `else`. */
  readonly at: number;
}

function isKeyword(code: ScriptCode, index: number, text: string): boolean {
  const token = code.tokens[index];
  return token !== undefined && token.kind === 'keyword' && token.text === text;
}

/** `if (…)` ending at `close` (its `)`), or `else` at `close`. */
function conditionEndingAt(code: ScriptCode, close: number): Condition | undefined {
  const token = code.tokens[close];
  if (!token) return undefined;
  if (isKeyword(code, close, 'else')) return { kind: 'else', at: close };
  const open = code.pair[close];
  return token.kind === 'punctuation' && token.text === ')' && open >= 0 && isKeyword(code, open - 1, 'if')
    ? { kind: 'if', at: open }
    : undefined;
}

/** The token at `at` (at the level of the block `open`) as the body of an `if` or `else` without braces. */
function unbracedBranch(code: ScriptCode, open: number, at: number): Condition | undefined {
  const statement = statementHolding(code, open, at);
  if (!statement) return undefined;
  // `if (…) call()` on one line: one statement that begins with the condition.
  // A braced body at `at` was counted by the caller (its condition stands right before it); a
  // body that closes before `at` ends its condition's reach (`if (a) {…} else …`).
  const braced = code.tokens[at].text === '{';
  let found: Condition | undefined;
  for (let i = statement.start; i < at; i = code.pair[i] > i ? code.pair[i] + 1 : i + 1) {
    const token = code.tokens[i];
    if (isKeyword(code, i, 'else')) {
      if (!(braced && i + 1 === at)) found = { kind: 'else', at: i };
    } else if (token.text === '(' && isKeyword(code, i - 1, 'if') && code.pair[i] >= 0 && code.pair[i] < at) {
      if (!(braced && code.pair[i] + 1 === at)) found = { kind: 'if', at: i };
    } else if (token.text === '{' && token.kind === 'punctuation') found = undefined;
  }
  if (found) return found;
  // `if (…)` on its own line: the previous statement is the bare condition.
  const previous = statementBefore(code, open, statement);
  if (!previous) return undefined;
  const condition = conditionEndingAt(code, previous.end - 1);
  return condition && splitStatements(code, previous).length === 1 ? condition : undefined;
}

/** The `if`s and `else`s the token at `index` runs under, innermost first. */
export function conditionsAround(code: ScriptCode, index: number): Condition[] {
  const found: Condition[] = [];
  let at = index;
  for (;;) {
    // Climb to the statement level of the nearest enclosing brace.
    let open = code.parent[at];
    while (open >= 0 && code.tokens[open].text !== '{') {
      at = open;
      open = code.parent[at];
    }
    const unbraced = unbracedBranch(code, open, at);
    if (unbraced) found.push(unbraced);
    if (open < 0) return found;
    const braced = conditionEndingAt(code, open - 1);
    if (braced) found.push(braced);
    at = open;
  }
}

/** Whether the token at `index` runs only when an `if` (or its `else`) says so. */
export function insideIf(code: ScriptCode, index: number): boolean {
  return conditionsAround(code, index).length > 0;
}
