/**
 * Flat index of the last pair of `pairs` ([start, value, start, value, ...],
 * starts ascending) whose start is at or before `at`; 0 when none is.
 * Decoded text is mapped back to raw offsets by such runs (XML values,
 * parameter values), and a logical line of parameters.prop to its pieces.
 */
export function lastPairAtOrBefore(pairs: readonly number[], at: number): number {
  let low = 0;
  let high = (pairs.length >> 1) - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pairs[mid << 1] <= at) low = mid;
    else high = mid - 1;
  }
  return low << 1;
}
