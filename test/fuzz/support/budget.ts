// A bound on the time one call may take: it catches hangs and super-linear
// blowups, it is not a speed target. Generous, and proportionate to the
// input: 2 s, plus 2 s for every 10 MB (so a 50 MB input may take 12 s).

const MB = 1024 * 1024;

export function budgetMs(size: number): number {
  return 2000 + (2000 * size) / (10 * MB);
}

/** Runs `call`, failing when it takes longer than the budget for `size` characters or bytes. */
export function withinBudget<T>(what: string, size: number, call: () => T): T {
  const started = performance.now();
  const result = call();
  const took = performance.now() - started;
  const budget = budgetMs(size);
  if (took > budget)
    throw new Error(`${what} took ${took.toFixed(0)} ms on ${size} characters, over its budget of ${budget.toFixed(0)} ms`);
  return result;
}
