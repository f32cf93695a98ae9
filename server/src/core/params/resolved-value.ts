import type { IflowProperty } from '../iflow/model';
import type { ParameterEntry } from './model';

/** Stands in, in ResolvedValue.text, for one part whose runtime value is unknown. */
export const UNKNOWN = '\uFFFF';

export type SegmentOrigin =
  /** Literal text of the iFlow value. */
  | { readonly kind: 'iflow' }
  /** Text taken from the value of a parameters.prop entry. */
  | { readonly kind: 'parameter'; readonly entry: ParameterEntry }
  /**
   * Text nobody can know before runtime: a `{{name}}` with no value in
   * parameters.prop, a `${...}` expression, or a `<placeholder>`.
   */
  | { readonly kind: 'unknown'; readonly reason: 'missing-parameter' | 'expression' | 'placeholder'; readonly name?: string };

export interface ValueSegment {
  readonly origin: SegmentOrigin;
  /** Decoded text as written (for unknown parts, e.g. `${property.id}` or `{{HOST}}`). */
  readonly raw: string;
  /** Slice of ResolvedValue.text this segment produced: [textStart, textEnd). */
  readonly textStart: number;
  readonly textEnd: number;
  /**
   * Slice of the decoded source this segment came from: the iFlow value's
   * text for 'iflow' and unknown parts written in the iFlow, the entry's
   * value text for 'parameter' and unknown parts inside a parameter value.
   */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Set for unknown parts that sit inside a parameter value. */
  readonly entry?: ParameterEntry;
}

/** An iFlow property value after `{{param}}` substitution. */
export interface ResolvedValue {
  readonly property: IflowProperty;
  /** Resolved text; every unknown part is one UNKNOWN character. */
  readonly text: string;
  readonly segments: readonly ValueSegment[];
  /** True when no part is unknown. */
  readonly known: boolean;
  /** Distinct parameter entries that contributed text, in order of use. */
  readonly parameters: readonly ParameterEntry[];
  /** Names referenced with `{{...}}` (resolved or not), in order. */
  readonly referencedNames: readonly string[];
}
