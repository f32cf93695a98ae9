// Groovy's operators and separators, matched longest first.

const OPERATORS = [
  '>>>=',
  '>>>',
  '>>=',
  '<<=',
  '<=>',
  '===',
  '!==',
  '**=',
  '...',
  '..<',
  '==~',
  '?.@',
  '?.',
  '*.',
  '.&',
  '.@',
  '::',
  '=~',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '**',
  '?:',
  '->',
  '..',
  '?=',
];

/** Operators by the code of their first character, longest first (ASCII only: no operator starts elsewhere). */
const BY_FIRST: (readonly string[] | undefined)[] = new Array(128);
for (const op of OPERATORS) {
  const first = op.charCodeAt(0);
  BY_FIRST[first] = [...(BY_FIRST[first] ?? []), op].sort((a, b) => b.length - a.length);
}

/** The one-character operators and separators by their code. */
const SINGLE: (string | undefined)[] = new Array(128);
for (const c of '(){}[];,.=<>!~?:+-*/&|^%@') SINGLE[c.charCodeAt(0)] = c;

/**
 * The operator or separator at `at` (the shared string of the table, so a
 * token's text costs no copy), undefined when there is none.
 */
export function operatorAt(text: string, at: number): string | undefined {
  const first = text.charCodeAt(at);
  if (!(first < 128)) return undefined;
  const candidates = BY_FIRST[first];
  if (candidates) for (const op of candidates) if (text.startsWith(op, at)) return op;
  return SINGLE[first];
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
