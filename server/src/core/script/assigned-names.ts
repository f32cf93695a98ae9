// Plain assignments to a name (`def f = …`, `Type f = …`, `var f = …`,
// `f = …`): enough for rules that follow a factory, an engine or a verifier
// from where it is made to where it is used. Fields (`this.f = …`) and
// properties (`a.f = …`) are not names.

import type { CallSite } from './calls';
import { isName, isPunctuation, type ScriptCode } from './model';
import type { TokenSpan } from './span';
import { statementEnd } from './statements';
import { indexedText, indicesOf } from './token-index';
import { Memo } from './memo';

const EQUALS = indexedText('=');

export interface NameAssignment {
  readonly name: string;
  /** Index of the name's token. */
  readonly nameIndex: number;
  /** The assigned expression, to the end of its statement. */
  readonly value: TokenSpan;
}

const MEMBER_DOTS = new Set(['.', '?.', '*.', '.@', '?.@']);

/** The name assigned by the `=` at `eq`, if the `=` assigns to a plain name. */
function assignedAt(code: ScriptCode, eq: number): NameAssignment | undefined {
  const tokens = code.tokens;
  const name = tokens[eq - 1];
  if (!isName(name) || name.kind !== 'identifier') return undefined;
  const before = tokens[eq - 2];
  if (before && before.kind === 'punctuation' && MEMBER_DOTS.has(before.text)) return undefined;
  return { name: name.text, nameIndex: eq - 1, value: { start: eq + 1, end: statementEnd(code, eq + 1) } };
}

/** Assignments found per code block: several rules follow the same names. */
const FOUND = new Memo<ScriptCode, readonly NameAssignment[]>('name assignments');

/** Every assignment to a name in one code block, in source order (found once per block, then shared). */
export function nameAssignments(code: ScriptCode): readonly NameAssignment[] {
  let found = FOUND.get(code);
  if (!found) {
    const list: NameAssignment[] = [];
    const tokens = code.tokens;
    for (const i of indicesOf(code, EQUALS)) {
      if (tokens[i].kind !== 'punctuation') continue;
      const assignment = assignedAt(code, i);
      if (assignment) list.push(assignment);
    }
    found = list;
    FOUND.set(code, found);
  }
  return found;
}

/** The name a call's result is assigned to when the call is the whole right-hand side (`def f = X.newInstance()`). */
export function assignedCallName(code: ScriptCode, call: CallSite): NameAssignment | undefined {
  const eq = call.start - 1;
  if (!isPunctuation(code.tokens[eq], '=')) return undefined;
  const assignment = assignedAt(code, eq);
  return assignment && assignment.value.end === call.end ? assignment : undefined;
}
