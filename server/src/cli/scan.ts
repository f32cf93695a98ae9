// Runs the analysis core over the discovered files, one unit at a time so
// only one artifact's texts (or one archive) are in memory: an artifact on
// disk (iFlows and parameters.prop grouped exactly as the editor groups
// them), an archive with everything inside it, or one certificate file.
import { existsSync } from 'node:fs';
import { analyseArtifact, type RuleFailure, type SuppressedFinding } from '../core/analysis/analyse-artifact';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../core/analysis/parsed';
import { fileTooLargeMessage, maxFileBytes, RAISE_LIMIT_ON_COMMAND_LINE } from '../core/config/file-size';
import { expiredSuppressions, isIgnored } from '../core/config/globs';
import type { Config, Suppression } from '../core/config/model';
import type { Finding } from '../core/findings';
import { LineIndex } from '../core/text/range';
import { readArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive';
import { analyseCertificateFile } from '../core/analysis/analyse-certificate';
import type { ConfigFile, ConfigResolver } from './configuration';
import { reason, type FoundFile } from './discover';
import { fingerprintHash, numberFingerprints } from './fingerprint';
import { displayPath, fileUri, uriToPath } from './paths';
import { compareFindings, toLocation, type FileNote, type NoteKind, type ReportedFinding, type ScanReport } from './report';
import { decodeText } from './text-decode';
import { readFileWithin } from './read-file';
import { detached } from '../core/text/detached';

export interface ScanOptions {
  readonly root: string;
  readonly now: Date;
  readonly configs: ConfigResolver;
  readonly limits?: ArchiveLimits;
  readonly reportUnusedSuppressions?: boolean;
  /** Size limit in MB for iFlows, parameters.prop and certificates; wins over `maxFileSizeMB` of the configuration. */
  readonly maxFileSizeMB?: number;
  /** How a note on a file over the size limit says to raise it (the editor names its setting). */
  readonly raiseLimitWith?: string;
  /** Called after each file (or archive) with files done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The size limit in force for some files, with the configuration it came from. */
interface SizeLimit {
  readonly mb: number;
  readonly bytes: number;
  readonly config: Config;
}

/** A file's content as one unit of work sees it. */
interface Loaded {
  readonly uri: string;
  readonly kind: 'iflow' | 'parameters' | 'certificate';
  readonly bytes: Uint8Array;
}

/** One piece of work: an artifact folder's iFlows and parameters.prop, a certificate file or an archive. */
export type ScanUnit = { readonly kind: 'artifact'; readonly folder: string; readonly files: readonly FoundFile[] } | { readonly kind: 'certificate' | 'archive'; readonly file: FoundFile };

/** The discovered files as units of work, artifacts in folder order first. */
export function scanUnits(files: readonly FoundFile[]): ScanUnit[] {
  const artifactFiles = files.filter((file) => file.kind === 'iflow' || file.kind === 'parameters');
  const units: ScanUnit[] = byArtifact(artifactFiles, (file) => fileUri(file.path)).map(([folder, group]) => ({ kind: 'artifact', folder, files: group }));
  for (const file of files) if (file.kind === 'certificate' || file.kind === 'archive') units.push({ kind: file.kind, file });
  return units;
}

export const unitFileCount = (unit: ScanUnit) => (unit.kind === 'artifact' ? unit.files.length : 1);

/**
 * What some units of a scan found, before the report is put in order: it
 * can be made apart (in a worker thread) and merged with the others'.
 * Configurations and suppressions are named, not shared: a worker reads its own.
 */
export interface PartialScan {
  readonly report: ScanReport;
  /** URIs of the configuration files that applied. */
  readonly configsSeen: readonly string[];
  /** Suppressions that silenced a finding, as suppressionKey gives them. */
  readonly usedSuppressions: readonly string[];
}

export function scanFiles(files: readonly FoundFile[], options: ScanOptions): ScanReport {
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

/** A suppression named by its configuration file and place in it, the same in every thread. */
function suppressionKey(file: ConfigFile | undefined, suppression: Suppression): string {
  const index = file ? file.config.suppressions.indexOf(suppression) : -1;
  return index >= 0 ? `${file!.uri}#${index}` : JSON.stringify([file?.uri, suppression.rule, suppression.file, suppression.reason, suppression.expires]);
}

class Scanner {
  private readonly report: ScanReport;
  private readonly usedSuppressions = new Set<string>();
  private readonly configsSeen = new Set<ConfigFile>();
  /** Display paths by URI: every finding names its file, and a file has many findings. */
  private readonly paths = new Map<string, string>();

  constructor(private readonly options: ScanOptions) {
    this.report = { root: options.root, scanned: [], findings: [], suppressed: [], fileErrors: [], notes: [] };
  }

  private path(uri: string): string {
    let path = this.paths.get(uri);
    if (path === undefined) {
      path = displayPath(uri, this.options.root);
      this.paths.set(uri, path);
    }
    return path;
  }

  private error(kind: NoteKind, uri: string, message: string): void {
    this.report.fileErrors.push({ kind, severity: 'error', path: this.path(uri), uri, message });
  }

  /** The bytes of a file on disk, or undefined once the reason is recorded (too large, unreadable). */
  private readBounded(path: string, uri: string, kind: NoteKind, noun: string, maxBytes: number): Uint8Array | undefined {
    try {
      const read = readFileWithin(path, maxBytes);
      if ('bytes' in read) return read.bytes;
      this.error(kind, uri, `${noun} is ${Math.round(read.tooLarge / 1048576)} MB, over the ${maxBytes / 1048576} MB limit; not scanned`);
      return undefined;
    } catch (error) {
      this.error(kind, uri, `cannot be read (${reason(error)})`);
      return undefined;
    }
  }

  /** The size limit for the files whose configuration is found from `anchorUri`, and that configuration. */
  private sizeLimit(anchorUri: string): SizeLimit {
    const { config, file } = this.options.configs.forFile(anchorUri);
    if (file) this.configsSeen.add(file); // its problems are reported even when every file is skipped
    const mb = this.options.maxFileSizeMB ?? config.maxFileSizeMB;
    return { mb, bytes: maxFileBytes({ maxFileSizeMB: mb }), config };
  }

  /** Whether a file is within the limit; if not, one note says so (none for an ignored file). */
  private withinLimit(uri: string, kind: Loaded['kind'], size: number, limit: SizeLimit): boolean {
    if (size <= limit.bytes) return true;
    this.skippedTooLarge(uri, kind, size, limit);
    return false;
  }

  /** The note on a file skipped for its size (none for an ignored file). */
  private skippedTooLarge(uri: string, kind: Loaded['kind'], size: number, limit: SizeLimit): void {
    if (isIgnored(limit.config, uri)) return;
    const message = fileTooLargeMessage(kind, size, limit.mb, this.options.raiseLimitWith ?? RAISE_LIMIT_ON_COMMAND_LINE);
    this.report.notes.push({ kind: 'too-large', severity: 'warning', path: this.path(uri), uri, message });
  }

  /** A file on disk, unless it is over the size limit (by default that of its own configuration) or unreadable. */
  readDisk(path: string, kind: Loaded['kind'], limit?: SizeLimit): Loaded | undefined {
    const uri = fileUri(path);
    const within = limit ?? this.sizeLimit(uri);
    try {
      const read = readFileWithin(path, within.bytes);
      if ('bytes' in read) return { uri, kind, bytes: read.bytes };
      this.skippedTooLarge(uri, kind, read.tooLarge, within);
      return undefined;
    } catch (error) {
      this.error('unreadable', uri, `cannot be read (${reason(error)})`);
      return undefined;
    }
  }

  unit(unit: ScanUnit): void {
    if (unit.kind === 'artifact') {
      this.diskArtifact(unit.folder, unit.files);
    } else if (unit.kind === 'certificate') {
      const loaded = this.readDisk(unit.file.path, 'certificate');
      if (loaded) this.certificates([loaded]);
    } else {
      this.archive(unit.file.path);
    }
  }

  partial(): PartialScan {
    return {
      report: this.report,
      configsSeen: [...this.configsSeen].map((file) => file.uri),
      usedSuppressions: [...this.usedSuppressions],
    };
  }

  /** iFlows and parameters.prop of one artifact folder on disk. */
  diskArtifact(folderUri: string, group: readonly FoundFile[]): void {
    // the artifact's configuration, looked up as `artifact` does (by URI order, not path order)
    const limit = this.sizeLimit(configAnchor(group.map((file) => ({ uri: fileUri(file.path), kind: file.kind }))));
    const loaded = group.flatMap((file) => this.readDisk(file.path, file.kind as Loaded['kind'], limit) ?? []);
    const reported = new Set(loaded.map((file) => file.uri));
    // A single iFlow named on the command line still resolves against its artifact's parameters, as in the editor.
    if (!group.some((file) => file.kind === 'parameters') && group.some((file) => file.explicit)) {
      const parametersPath = uriToPath(`${folderUri}/parameters.prop`);
      if (parametersPath && existsSync(parametersPath)) {
        const context = this.readDisk(parametersPath, 'parameters', limit);
        if (context) loaded.push(context);
      }
    }
    this.artifact(loaded, reported);
  }

  archive(path: string): void {
    const uri = fileUri(path);
    const limits = this.options.limits ?? DEFAULT_ARCHIVE_LIMITS;
    const bytes = this.readBounded(path, uri, 'archive', 'archive', limits.maxTotalBytes);
    if (!bytes) return;
    const content = readArchive(bytes, path, limits);
    for (const problem of content.problems) this.error('archive', fileUri(problem.path), problem.message);
    const artifactEntries = content.entries.filter((entry) => entry.kind !== 'certificate');
    for (const [, group] of byArtifact(artifactEntries, (entry) => entry.uri)) {
      const limit = this.sizeLimit(configAnchor(group));
      const within = group.filter((entry) => this.withinLimit(entry.uri, entry.kind, entry.bytes.length, limit));
      this.artifact(within, new Set(within.map((entry) => entry.uri)));
    }
    this.certificates(content.entries.filter((entry) => entry.kind === 'certificate' && this.withinLimit(entry.uri, entry.kind, entry.bytes.length, this.sizeLimit(entry.uri))));
  }

  /** Analyses one artifact; findings are kept for the files in `reported`. */
  private artifact(files: readonly Loaded[], reported: ReadonlySet<string>): void {
    const iflows: ParsedIflow[] = [];
    let parameters: ParsedParameters | undefined;
    for (const file of [...files].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
      if (file.kind === 'certificate') continue;
      const decoded = decodeText(file.bytes, file.kind);
      if ('error' in decoded) {
        if (reported.has(file.uri)) this.error('unreadable', file.uri, decoded.error);
        continue;
      }
      if (file.kind === 'iflow') iflows.push(parseIflow(file.uri, decoded.text));
      else parameters = parseParameters(file.uri, decoded.text);
    }
    const parsed = [...iflows, ...(parameters ? [parameters] : [])];
    const anchor = parsed[0]?.uri;
    if (anchor === undefined) return;
    const { config, file: configFile } = this.options.configs.forFile(anchor);
    if (configFile) this.configsSeen.add(configFile);
    let result;
    try {
      result = analyseArtifact({ iflows, parameters, config, today: this.options.now, keepChannelFindings: false });
    } catch (error) {
      // A defect in one rule must not cost the findings of every other artifact.
      const message = `internal error while analysing (${error instanceof Error ? error.message : String(error)}); please report it`;
      for (const file of parsed) if (reported.has(file.uri)) this.error('internal', file.uri, message);
      return;
    }

    const texts = new Map<string, LineIndex>(parsed.map((file) => [file.uri, file.lines]));
    this.report.scanned.push(...[...texts.keys()].filter((uri) => reported.has(uri)).map((uri) => this.path(uri)));
    this.ruleFailures(result.ruleFailures.filter((failure) => reported.has(failure.uri)));
    for (const finding of result.findings) {
      if (reported.has(finding.uri)) this.report.findings.push(this.reported(finding, texts.get(finding.uri)));
    }
    this.recordSuppressed(result.suppressed.filter((entry) => reported.has(entry.finding.uri)), texts, configFile);
  }

  certificates(files: readonly Loaded[]): void {
    for (const file of files) {
      const { config, file: configFile } = this.options.configs.forFile(file.uri);
      if (configFile) this.configsSeen.add(configFile);
      let result;
      try {
        result = analyseCertificateFile({ uri: file.uri, bytes: file.bytes, config, now: this.options.now });
      } catch (error) {
        this.error('certificate', file.uri, `could not be analysed (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      this.report.scanned.push(this.path(file.uri));
      this.ruleFailures(result.ruleFailures);
      for (const problem of result.problems) {
        this.report.notes.push({
          kind: 'certificate',
          severity: 'warning',
          path: this.path(file.uri),
          uri: file.uri,
          message: problem.message,
          line: problem.range.start.line + 1,
          column: problem.range.start.character + 1,
        });
      }
      const text = new LineIndex(new TextDecoder('latin1').decode(file.bytes.subarray(0, 4 * 1048576)));
      for (const finding of result.findings) this.report.findings.push(this.reported(finding, text));
      this.recordSuppressed(result.suppressed, new Map([[file.uri, text]]), configFile);
    }
  }

  /** A rule that threw: an error note, since the file's findings are incomplete. */
  private ruleFailures(failures: readonly RuleFailure[]): void {
    for (const failure of failures) {
      this.report.notes.push({
        kind: 'rule-failure',
        severity: 'error',
        path: this.path(failure.uri),
        uri: failure.uri,
        ruleId: failure.ruleId,
        message: `rule ${failure.ruleId} failed on this file (${failure.message}${failure.at ? `, ${failure.at}` : ''}): its findings here are missing; every other rule ran. This is a defect in the linter; please report it.`,
      });
    }
  }

  private recordSuppressed(entries: readonly SuppressedFinding[], texts: ReadonlyMap<string, LineIndex>, configFile: ConfigFile | undefined): void {
    for (const { finding, suppression } of entries) {
      this.usedSuppressions.add(suppressionKey(configFile, suppression));
      this.report.suppressed.push({
        finding: this.reported(finding, texts.get(finding.uri)),
        reason: suppression.reason,
        ...(suppression.expires !== undefined ? { expires: suppression.expires } : {}),
        ...(configFile ? { configPath: this.path(configFile.uri) } : {}),
      });
    }
  }

  private reported(finding: Finding, lines: LineIndex | undefined): ReportedFinding {
    const path = this.path(finding.uri);
    const valueText = lines ? lines.text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end)) : '';
    return {
      ...toLocation(path, finding.uri, finding.range),
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: detached(finding.message),
      ...(finding.subject !== undefined ? { subject: detached(finding.subject) } : {}),
      related: finding.related.map((related) => toLocation(this.path(related.uri), related.uri, related.range, detached(related.message))),
      fingerprint: fingerprintHash({ ruleId: finding.ruleId, path, subject: finding.subject, message: finding.message, valueText }),
    };
  }
}

/** Problems, expired and (when asked for) unused suppressions of a configuration file. */
function configNotes(report: ScanReport, file: ConfigFile, used: ReadonlySet<string>, options: ScanOptions): void {
  const path = displayPath(file.uri, options.root);
  const at = (suppression: Suppression) =>
    suppression.range ? { line: suppression.range.start.line + 1, column: suppression.range.start.character + 1 } : {};
  for (const problem of file.problems) {
    report.notes.push({ kind: 'configuration', severity: problem.severity, path, uri: file.uri, message: problem.message, line: problem.range.start.line + 1, column: problem.range.start.character + 1 });
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

/** The file an artifact's configuration is looked up from: its first iFlow, else its parameters.prop (as in `artifact`). */
function configAnchor(files: readonly { uri: string; kind: string }[]): string {
  const iflows = files.filter((file) => file.kind === 'iflow').map((file) => file.uri).sort();
  return iflows[0] ?? files[0].uri;
}

/** Files grouped by artifact folder, as the editor groups them, in folder order. */
function byArtifact<T>(items: readonly T[], uriOf: (item: T) => string): [folder: string, group: T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const folder = artifactFolder(uriOf(item));
    const group = groups.get(folder);
    if (group) group.push(item);
    else groups.set(folder, [item]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
