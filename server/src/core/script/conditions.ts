// Whether code runs only under a condition: inside the body or the else
// branch of an `if`, with or without braces, at any depth.

import type { ScriptCode } from './model';
import { splitStatements, statementsIn } from './statements';
import type { TokenSpan } from './span';

function isKeyword(code: ScriptCode, index: number, text: string): boolean {
  const token = code.tokens[index];
  return token !== undefined && token.kind === 'keyword' && token.text === text;
}

/** `if (…)` ending at `close` (its `)`), or `else` at `close`. */
function endsCondition(code: ScriptCode, close: number): boolean {
  const token = code.tokens[close];
  if (!token) return false;
  if (isKeyword(code, close, 'else')) return true;
  return token.kind === 'punctuation' && token.text === ')' && code.pair[close] >= 0 && isKeyword(code, code.pair[close] - 1, 'if');
}

/** The statement holding `index` among the statements of the block opened at `open` (-1: the whole code). */
function statementIn(code: ScriptCode, open: number, index: number): { statements: TokenSpan[]; at: number } {
  const statements = statementsIn(code, open);
  return { statements, at: statements.findIndex((s) => s.start <= index && index < s.end) };
}

/** The token at `at` (at the level of the block `open`) is the body of an `if` or `else` without braces. */
function unbracedBranch(code: ScriptCode, open: number, at: number): boolean {
  const { statements, at: which } = statementIn(code, open, at);
  if (which < 0) return false;
  const statement = statements[which];
  // `if (…) call()` on one line: one statement that begins with the condition.
  for (let i = statement.start; i < at; i = code.pair[i] > i ? code.pair[i] + 1 : i + 1) {
    if (isKeyword(code, i, 'else')) return true;
    if (code.tokens[i].text === '(' && isKeyword(code, i - 1, 'if') && code.pair[i] >= 0 && code.pair[i] < at) return true;
  }
  // `if (…)` on its own line: the previous statement is the bare condition.
  const previous = statements[which - 1];
  if (previous && endsCondition(code, previous.end - 1)) {
    const parts = splitStatements(code, previous);
    return parts.length === 1;
  }
  return false;
}

/** Whether the token at `index` runs only when an `if` (or its `else`) says so. */
export function insideIf(code: ScriptCode, index: number): boolean {
  let at = index;
  for (;;) {
    // Climb to the statement level of the nearest enclosing brace.
    let open = code.parent[at];
    while (open >= 0 && code.tokens[open].text !== '{') {
      at = open;
      open = code.parent[at];
    }
    if (unbracedBranch(code, open, at)) return true;
    if (open < 0) return false;
    if (endsCondition(code, open - 1)) return true;
    at = open;
  }
}
