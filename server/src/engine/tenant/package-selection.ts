// Which packages of a tenant a scan reads: --package names them by id or by
// name, with globs (`Finance*`), each as often as wanted; none means all.
import picomatch from 'picomatch';
import type { IntegrationPackage } from './api';

export interface PackageSelection {
  readonly packages: IntegrationPackage[];
  /** Selectors that matched no package: the scan was asked for something it cannot read. */
  readonly unmatched: string[];
}

export function selectPackages(all: readonly IntegrationPackage[], selectors: readonly string[]): PackageSelection {
  if (selectors.length === 0) return { packages: [...all], unmatched: [] };
  const matchers = selectors.map((selector) => ({ selector, matches: matcher(selector) }));
  const matched = new Set<string>();
  const packages = all.filter((pkg) => {
    const hits = matchers.filter(({ matches }) => matches(pkg.id) || matches(pkg.name));
    for (const hit of hits) matched.add(hit.selector);
    return hits.length > 0;
  });
  return { packages, unmatched: selectors.filter((selector) => !matched.has(selector)) };
}

/** Exact (case-sensitive, as ids are) unless the selector holds glob characters. */
function matcher(selector: string): (text: string) => boolean {
  if (!/[*?[\]{}!]/.test(selector)) return (text) => text === selector;
  const glob = picomatch(selector, { dot: true });
  return (text) => glob(text);
}
