import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real integration content and certificates beside the repository: a
 * regression corpus only. A user's clone has no such folder, so suites that
 * read it skip cleanly without it.
 */
export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

/** Every file below a folder, depth first in directory order. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
