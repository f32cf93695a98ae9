import type { Config } from '../config/model';
import type { Severity } from '@cpi/common/findings';
import type { ScriptLanguage, ScriptModel } from '../script/model';

/** A stretch of the script's text by offsets, end exclusive: a ScriptToken, a comment or a problem is one as it is. */
export interface ScriptSpan {
  readonly start: number;
  readonly end: number;
}

/** A change a quick fix makes to the script, in offsets of the text the check saw. */
export type ScriptEdit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'replace'; readonly start: number; readonly end: number; readonly text: string };

export interface ScriptFix {
  readonly title: string;
  /** Safe to apply without review (the preferred quick fix, and part of "fix all"). */
  readonly preferred?: boolean;
  /** Applied together; they must not overlap. */
  readonly edits: readonly ScriptEdit[];
}

/** A finding in a script; the engine turns offsets into positions and edits into file edits. */
export interface ScriptReport {
  /** Where the finding sits: the literal, the sink call's argument, the factory creation. */
  readonly at: ScriptSpan;
  /** When the finding runs over several tokens: it ends where this ends (e.g. `at` an `Eval` token, `to` its closing parenthesis). */
  readonly to?: ScriptSpan;
  /** What was found and, for flows, where the value came from ("password read at line 12"). */
  readonly message: string;
  /** For rules whose severity depends on the case; a configured severity still wins. */
  readonly severity?: Severity;
  readonly fixes?: readonly ScriptFix[];
}

export interface ScriptContext {
  readonly config: Config;
  readonly uri: string;
  /** The script's file name as a Script step names it (`Logging.groovy`), for messages. */
  readonly fileName: string;
  readonly language: ScriptLanguage;
}

/** A check over one Groovy or JavaScript script (its tokens, brackets, comments and, for JavaScript, its syntax tree). */
export interface ScriptCheck {
  check(script: ScriptModel, report: (found: ScriptReport) => void, context: ScriptContext): void;
}
