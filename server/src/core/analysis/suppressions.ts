import { activeSuppression } from '../config/globs';
import type { Config, Suppression } from '../config/model';
import type { Finding } from '@cpi/common/findings';

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly suppression: Suppression;
}

/** Splits findings into those shown and those an active suppression hides. */
export function applySuppressions(all: Finding[], config: Config, today: Date): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of all) {
    const suppression = activeSuppression(config, finding.ruleId, finding.uri, today, finding);
    if (suppression) suppressed.push({ finding, suppression });
    else findings.push(finding);
  }
  return { findings, suppressed };
}
