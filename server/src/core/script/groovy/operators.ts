// Groovy's operators and separators, matched longest first.

const OPERATORS = [
  '>>>=', '>>>', '>>=', '<<=', '<=>', '===', '!==', '**=', '...', '..<', '==~', '?.@',
  '?.', '*.', '.&', '.@', '::', '=~', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '<<', '>>', '**', '?:', '->', '..', '?=',
];

/** Operators by first character, longest first. */
const BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = BY_FIRST.get(op[0]) ?? [];
  list.push(op);
  BY_FIRST.set(op[0], list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

const SINGLE = new Set('(){}[];,.=<>!~?:+-*/&|^%@'.split(''));

/** Length of the operator or separator at `at`, 0 when there is none. */
export function operatorLength(text: string, at: number): number {
  const first = text.charAt(at);
  const candidates = BY_FIRST.get(first);
  if (candidates) for (const op of candidates) if (text.startsWith(op, at)) return op.length;
  return SINGLE.has(first) ? 1 : 0;
}

/**
 * Tokens after which `/` divides; anywhere else it opens a slashy string
 * (Groovy's own lexer decides on the previous token the same way).
 */
export function endsOperand(kind: string, text: string): boolean {
  if (kind === 'identifier' || kind === 'number' || kind === 'string') return true;
  if (kind === 'keyword') return text === 'this' || text === 'super' || text === 'true' || text === 'false' || text === 'null';
  return text === ')' || text === ']' || text === '}' || text === '++' || text === '--';
}
