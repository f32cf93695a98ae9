// A file that keeps failing (or stays too large) is analysed again after
// every keystroke; its log line should appear once, not on every run, and
// again only after it went away and came back.
import type { RuleFailure } from '../core/analysis/analyse-artifact';

/** Writes each line once per episode: until a run of its scope no longer has it. */
export class LogOnce {
  private readonly current = new Map<string, ReadonlySet<string>>();

  constructor(private readonly write: (line: string) => void) {}

  /**
   * What one run over `scope` (an artifact folder, a certificate, the
   * workspace scan) has to say, as key → line: lines whose key the previous
   * run of the scope did not have are written; the rest were written before.
   */
  update(scope: string, entries: ReadonlyMap<string, string>): void {
    const before = this.current.get(scope);
    for (const [key, line] of entries) if (!before?.has(key)) this.write(line);
    if (entries.size > 0) this.current.set(scope, new Set(entries.keys()));
    else this.current.delete(scope);
  }
}

/** Log lines for rules that threw, keyed by rule, file and message (LogOnce.update). */
export function ruleFailureLines(failures: readonly RuleFailure[]): Map<string, string> {
  const lines = new Map<string, string>();
  for (const failure of failures) {
    const key = `${failure.ruleId}\0${failure.uri}\0${failure.message}`;
    if (lines.has(key)) continue;
    lines.set(
      key,
      `Rule ${failure.ruleId} failed on ${failure.uri}: ${failure.message}${failure.at ? ` (${failure.at})` : ''}. Its findings for this file are missing; the other rules' findings are shown.`,
    );
  }
  return lines;
}
