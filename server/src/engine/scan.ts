// A scan from units to report: the units scanned (here or in parts, by
// worker threads), the parts merged into one report in a fixed order, and
// the notes on the configurations that applied.
import { expiredSuppressions } from '../core/config/globs';
import type { Suppression } from '../core/config/model';
import type { ConfigFile } from './config-resolver';
import { numberFingerprints } from './fingerprint';
import { compareFindings, type FileNote, type ScanReport } from './report';
import { Scanner, suppressionKey, type PartialScan, type ScanOptions } from './scanner';
import type { ContentFile } from './source';
import { scanUnits, unitFileCount, type ScanUnit } from './units';
import { displayPath } from './uri';

export function scanFiles(files: readonly ContentFile[], options: ScanOptions): ScanReport {
  const units = scanUnits(files);
  const total = files.length;
  let done = 0;
  const part = scanPart(units, options, (unit) => {
    done += unitFileCount(unit);
    options.onProgress?.(done, total);
  });
  return finishScan([part], options);
}

/** Scans `units`; `onUnit` is called after each. */
export function scanPart(units: Iterable<ScanUnit>, options: ScanOptions, onUnit?: (unit: ScanUnit) => void): PartialScan {
  const scanner = new Scanner(options);
  for (const unit of units) {
    scanner.unit(unit);
    onUnit?.(unit);
  }
  return scanner.partial();
}

/** The report of a whole scan from its parts: merged, sorted, fingerprints numbered, notes on the configurations added. */
export function finishScan(parts: readonly PartialScan[], options: ScanOptions): ScanReport {
  const report: ScanReport = { root: options.root, scanned: [], findings: [], suppressed: [], fileErrors: [], notes: [] };
  const configsSeen = new Set<string>();
  const used = new Set<string>();
  for (const part of parts) {
    report.scanned.push(...part.report.scanned);
    report.findings.push(...part.report.findings);
    report.suppressed.push(...part.report.suppressed);
    report.fileErrors.push(...part.report.fileErrors);
    report.notes.push(...part.report.notes);
    for (const uri of part.configsSeen) configsSeen.add(uri);
    for (const key of part.usedSuppressions) used.add(key);
  }
  report.findings.sort(compareFindings);
  numberFingerprints(report.findings);
  report.suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
  numberFingerprints(report.suppressed.map((entry) => entry.finding));
  report.scanned.sort();
  // Parts finish in any order: notes go by file, then in the order each file got them.
  const byPath = (a: FileNote, b: FileNote) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  report.fileErrors.sort(byPath);
  report.notes.sort(byPath);
  for (const uri of [...configsSeen].sort()) {
    const file = options.configs.fileAt(uri);
    if (file) configNotes(report, file, used, options);
  }
  return report;
}

/** Problems, expired and (when asked for) unused suppressions of a configuration file. */
function configNotes(report: ScanReport, file: ConfigFile, used: ReadonlySet<string>, options: ScanOptions): void {
  const path = displayPath(file.uri, options.root);
  const at = (suppression: Suppression) =>
    suppression.range ? { line: suppression.range.start.line + 1, column: suppression.range.start.character + 1 } : {};
  for (const problem of file.problems) {
    report.notes.push({
      kind: 'configuration',
      severity: problem.severity,
      path,
      uri: file.uri,
      message: problem.message,
      line: problem.range.start.line + 1,
      column: problem.range.start.character + 1,
    });
  }
  const expired = expiredSuppressions(file.config, options.now);
  for (const suppression of expired) {
    report.notes.push({
      kind: 'expired-suppression',
      severity: 'warning',
      path,
      uri: file.uri,
      message: `Suppression of "${suppression.rule}"${suppression.file ? ` for "${suppression.file}"` : ''} expired on ${suppression.expires}; its findings are reported again. Fix them or renew the suppression with a new date and reason.`,
      ...at(suppression),
    });
  }
  if (!options.reportUnusedSuppressions) return;
  for (const suppression of file.config.suppressions) {
    if (used.has(suppressionKey(file, suppression)) || expired.includes(suppression)) continue;
    report.notes.push({
      kind: 'unused-suppression',
      severity: 'warning',
      path,
      uri: file.uri,
      message: `Suppression of "${suppression.rule}"${suppression.file ? ` for "${suppression.file}"` : ''} matched no finding; remove it.`,
      ...at(suppression),
    });
  }
}
