import type { ParsedIflow } from '../analysis/parsed';
import type { Severity } from '@cpi/common/findings';
import type { ParameterEntry, ParameterFile } from '../params/model';

/** A finding on the value of one parameter; the engine puts it on that value. */
export interface ParameterReport {
  readonly entry: ParameterEntry;
  readonly message: string;
  readonly severity?: Severity;
}

export interface ParametersContext {
  /** The artifact's iFlows, which resolve their `{{...}}` references against the file. */
  readonly iflows: readonly ParsedIflow[];
}

/** A check over an artifact's parameters.prop. */
export interface ParametersCheck {
  check(parameters: ParameterFile, report: (found: ParameterReport) => void, context: ParametersContext): void;
}
