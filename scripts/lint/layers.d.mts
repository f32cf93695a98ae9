// Types of layers.mjs for the tests that read its table.
export interface Layer {
  readonly name: string;
  /** Matched against the path from the repository root. */
  readonly files: RegExp;
  readonly may: readonly string[];
}
export declare const LAYERS: readonly Layer[];
