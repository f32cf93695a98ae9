// Baselines let a team adopt the linter on existing content: record today's
// findings once, then fail only on new ones. Matching is by fingerprint hash
// and counts, so three known identical findings let three through, not four.
import { readFileSync, writeFileSync } from 'node:fs';
import { baseHash } from '../engine/fingerprint';
import type { ReportedFinding } from '../engine/report';

const FORMAT_VERSION = 1;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly path: string;
  readonly message: string;
}

export class BaselineError extends Error {}

export function writeBaseline(path: string, findings: readonly ReportedFinding[], toolVersion: string): void {
  const entries: BaselineEntry[] = findings.map((f) => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    path: f.path,
    message: f.message,
  }));
  const content = { tool: 'cpi-security-lint', toolVersion, formatVersion: FORMAT_VERSION, findings: entries };
  try {
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
  } catch (error) {
    throw new BaselineError(`cannot write baseline ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readBaseline(path: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(
      `cannot read baseline ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`,
    );
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const findings = (content as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings) || !findings.every((entry) => typeof (entry as BaselineEntry | null)?.fingerprint === 'string')) {
    throw new BaselineError(
      `baseline ${path} is not a cpi-security-lint baseline (expected "findings" with a "fingerprint" each); write one with --write-baseline`,
    );
  }
  return findings as BaselineEntry[];
}

/** Splits findings into new ones and those the baseline already knows. */
export function applyBaseline(
  findings: readonly ReportedFinding[],
  baseline: readonly BaselineEntry[],
): { fresh: ReportedFinding[]; known: number } {
  const remaining = new Map<string, number>();
  for (const entry of baseline) {
    const hash = baseHash(entry.fingerprint);
    remaining.set(hash, (remaining.get(hash) ?? 0) + 1);
  }
  const fresh: ReportedFinding[] = [];
  let known = 0;
  for (const finding of findings) {
    const hash = baseHash(finding.fingerprint);
    const left = remaining.get(hash) ?? 0;
    if (left > 0) {
      remaining.set(hash, left - 1);
      known++;
    } else fresh.push(finding);
  }
  return { fresh, known };
}
