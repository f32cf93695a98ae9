import type { Range } from '@cpi/common/text/range';
import type { SourceText } from '../text/source-text';

/** One logical entry of a Java properties file. */
export interface ParameterEntry {
  /** Unescaped key. */
  readonly key: string;
  readonly keyRange: Range;
  /** Unescaped value with a mapping back to the raw characters. */
  readonly value: SourceText;
  /** Range from the first character of the key to the end of the value. */
  readonly range: Range;
  /**
   * The value is configured on the tenant (Configurations), not written in
   * the file: it has no place there, so findings stay on the iFlow property.
   */
  readonly configured?: boolean;
}

export interface ParameterFile {
  /** Entries by key; like java.util.Properties, the last duplicate wins. */
  readonly entries: ReadonlyMap<string, ParameterEntry>;
  /** All entries in file order, duplicates included. */
  readonly all: readonly ParameterEntry[];
  /** Text the runtime would reject (a malformed `\uXXXX` escape); the reader keeps going. */
  readonly problems?: readonly ParameterProblem[];
}

export interface ParameterProblem {
  readonly message: string;
  readonly range: Range;
}
