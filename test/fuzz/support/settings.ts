import type { Parameters } from 'fast-check';

// How much fuzzing a run does, and how to replay one.
//
//   npm run test:fuzz                          short run: a few thousand cases, under a minute
//   CPI_FUZZ_RUNS=50 npm run test:fuzz         long run: every property runs 50 times as many cases
//   CPI_FUZZ_SEED=1234567 npm run test:fuzz    the cases of an earlier run (fast-check prints the
//                                              seed, and the path of the shrunk case, on failure)
//   CPI_FUZZ_SEED=1234567 CPI_FUZZ_PATH="12:0:3" npx mocha --config test/.mocharc.fuzz.json -g "<test name>"
//                                              just the failing case of one property, replayed
//
// CPI_FUZZ_RUNS multiplies the short run's case counts (it may be fractional,
// e.g. 0.1 for a smoke run); the largest special inputs (50 MB lines,
// 100,000-deep nesting, entity bombs) run once either way.

const multiplier = Number(process.env.CPI_FUZZ_RUNS ?? '1');
const seed = process.env.CPI_FUZZ_SEED === undefined ? undefined : Number(process.env.CPI_FUZZ_SEED);
const path = process.env.CPI_FUZZ_PATH;
if (!(multiplier > 0)) throw new Error(`CPI_FUZZ_RUNS must be a positive number, not ${process.env.CPI_FUZZ_RUNS}`);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`CPI_FUZZ_SEED must be an integer, not ${process.env.CPI_FUZZ_SEED}`);

/** Case count for a property whose short run has `shortRuns` cases. */
export function runs(shortRuns: number): number {
  return Math.max(1, Math.round(shortRuns * multiplier));
}

/** fast-check parameters for a property with `shortRuns` cases in the short run. */
export function fuzzParameters<T>(shortRuns: number): Parameters<T> {
  return { numRuns: runs(shortRuns), ...(seed === undefined ? {} : { seed }), ...(path === undefined ? {} : { path }) };
}

/** Mocha timeout for a property: generous, and growing with a long run. */
export function suiteTimeout(shortMs: number): number {
  return Math.max(shortMs, shortMs * multiplier);
}
