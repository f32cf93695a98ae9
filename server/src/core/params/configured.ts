// Externalized parameters as a tenant runs them: the values configured on the
// tenant (the artifact's Configurations) take the place of the defaults in
// parameters.prop. A configured value is written nowhere in the project, so
// its entry has no range in any file and is marked `configured`: findings
// built from it stay on the iFlow property that uses it.
import type { Range } from '@cpi/common/text/range';
import type { SourceText } from '../text/source-text';
import type { ParameterEntry, ParameterFile } from './model';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function configuredText(text: string): SourceText {
  return { text, range: NOWHERE, startOffset: 0, endOffset: 0, sourceOffsetAt: () => 0 };
}

/**
 * `file` with the configured values laid over it. A configured value equal
 * to the file's keeps the file's entry, so findings still point at its line;
 * an empty configured value is taken as not configured (the default applies).
 */
export function withConfiguredValues(file: ParameterFile | undefined, configured: ReadonlyMap<string, string>): ParameterFile {
  const entries = new Map(file?.entries ?? []);
  for (const [key, value] of configured) {
    if (value === '' || entries.get(key)?.value.text === value) continue;
    const entry: ParameterEntry = { key, keyRange: NOWHERE, value: configuredText(value), range: NOWHERE, configured: true };
    entries.set(key, entry);
  }
  // `all` stays what the file holds, in its order
  return { entries, all: file?.all ?? [], ...(file?.problems ? { problems: file.problems } : {}) };
}
