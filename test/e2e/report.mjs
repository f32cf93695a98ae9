// Mocha-like console output for results produced elsewhere (the extension
// host's results file, the UI check steps). Both use the same shape:
// { tests: [{ fullTitle, state: 'passed'|'failed'|'pending', durationMs, error?: { message, stack } }] }
import { existsSync, readFileSync } from 'node:fs';

export function printResults(results, { heading } = {}) {
  if (heading) console.log(`\n  ${heading}`);
  const failures = [];
  for (const test of results.tests) {
    if (test.state === 'passed') console.log(`    ✓ ${test.fullTitle} (${test.durationMs ?? 0} ms)`);
    else if (test.state === 'pending') console.log(`    - ${test.fullTitle}`);
    else {
      failures.push(test);
      console.log(`    ${failures.length}) ${test.fullTitle}`);
    }
  }
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.fullTitle}:`);
    const text = test.error?.stack || test.error?.message || '(no error text)';
    console.log(
      text
        .split('\n')
        .map((line) => `     ${line}`)
        .join('\n'),
    );
  });
  return counts(results);
}

export function counts(results) {
  const count = (state) => results.tests.filter((test) => test.state === state).length;
  return { passed: count('passed'), failed: count('failed'), pending: count('pending') };
}

/** The closing line CI reads: `N passed, N failed` (`, N skipped` only when some were). */
export function closingLine({ passed, failed, pending }) {
  return `${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`;
}

/** Reads a complete results file, or undefined while it is absent or being written. */
export function readResults(path) {
  if (!existsSync(path)) return undefined;
  try {
    const results = JSON.parse(readFileSync(path, 'utf8'));
    return results.done ? results : undefined;
  } catch {
    return undefined;
  }
}
