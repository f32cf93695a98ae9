// Runs the analysis core over the discovered files, one unit at a time so
// only one artifact's texts (or one archive) are in memory: an artifact on
// disk (iFlows and parameters.prop grouped exactly as the editor groups
// them), an archive with everything inside it, or one certificate file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { analyseArtifact, type SuppressedFinding } from '../core/analysis/analyse-artifact';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../core/analysis/parsed';
import { expiredSuppressions } from '../core/config/globs';
import type { Suppression } from '../core/config/model';
import type { Finding } from '../core/findings';
import { LineIndex } from '../core/text/range';
import { readArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive';
import { analyseCertificateFile } from '../core/analysis/analyse-certificate';
import type { ConfigFile, ConfigResolver } from './configuration';
import { reason, type FoundFile } from './discover';
import { fingerprintHash, numberFingerprints } from './fingerprint';
import { displayPath, fileUri, uriToPath } from './paths';
import { compareFindings, toLocation, type NoteKind, type ReportedFinding, type ScanReport } from './report';
import { decodeText } from './text-decode';
import { detached } from '../core/text/detached';

export interface ScanOptions {
  readonly root: string;
  readonly now: Date;
  readonly configs: ConfigResolver;
  readonly limits?: ArchiveLimits;
  readonly reportUnusedSuppressions?: boolean;
  /** Called after each file (or archive) with files done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A file's content as one unit of work sees it. */
interface Loaded {
  readonly uri: string;
  readonly kind: 'iflow' | 'parameters' | 'certificate';
  readonly bytes: Uint8Array;
}

const MAX_FILE_BYTES = DEFAULT_ARCHIVE_LIMITS.maxEntryBytes;

export function scanFiles(files: readonly FoundFile[], options: ScanOptions): ScanReport {
  const scanner = new Scanner(options);
  const total = files.length;
  let done = 0;
  const step = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };

  const artifactFiles = files.filter((file) => file.kind === 'iflow' || file.kind === 'parameters');
  for (const [key, group] of byArtifact(artifactFiles, (file) => fileUri(file.path))) {
    scanner.diskArtifact(key, group);
    step(group.length);
  }
  for (const file of files) {
    if (file.kind === 'certificate') {
      const loaded = scanner.readDisk(file.path, 'certificate');
      if (loaded) scanner.certificates([loaded]);
      step(1);
    } else if (file.kind === 'archive') {
      scanner.archive(file.path);
      step(1);
    }
  }
  return scanner.finish();
}

class Scanner {
  private readonly report: ScanReport;
  private readonly usedSuppressions = new Set<Suppression>();
  private readonly configsSeen = new Set<ConfigFile>();

  constructor(private readonly options: ScanOptions) {
    this.report = { root: options.root, scanned: [], findings: [], suppressed: [], fileErrors: [], notes: [] };
  }

  private path(uri: string): string {
    return displayPath(uri, this.options.root);
  }

  private error(kind: NoteKind, uri: string, message: string): void {
    this.report.fileErrors.push({ kind, severity: 'error', path: this.path(uri), uri, message });
  }

  /** The bytes of a file on disk, or undefined once the reason is recorded (too large, unreadable). */
  private readBounded(path: string, uri: string, kind: NoteKind, noun: string, maxBytes: number): Uint8Array | undefined {
    try {
      const size = statSync(path).size;
      if (size > maxBytes) {
        this.error(kind, uri, `${noun} is ${Math.round(size / 1048576)} MB, over the ${maxBytes / 1048576} MB limit; not scanned`);
        return undefined;
      }
      return readFileSync(path);
    } catch (error) {
      this.error(kind, uri, `cannot be read (${reason(error)})`);
      return undefined;
    }
  }

  readDisk(path: string, kind: Loaded['kind']): Loaded | undefined {
    const uri = fileUri(path);
    const bytes = this.readBounded(path, uri, 'unreadable', 'file', MAX_FILE_BYTES);
    return bytes && { uri, kind, bytes };
  }

  /** iFlows and parameters.prop of one artifact folder on disk. */
  diskArtifact(folderUri: string, group: readonly FoundFile[]): void {
    const loaded = group.flatMap((file) => this.readDisk(file.path, file.kind as Loaded['kind']) ?? []);
    const reported = new Set(loaded.map((file) => file.uri));
    // A single iFlow named on the command line still resolves against its artifact's parameters, as in the editor.
    if (!group.some((file) => file.kind === 'parameters') && group.some((file) => file.explicit)) {
      const parametersPath = uriToPath(`${folderUri}/parameters.prop`);
      if (parametersPath && existsSync(parametersPath)) {
        const context = this.readDisk(parametersPath, 'parameters');
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
      this.artifact(group, new Set(group.map((entry) => entry.uri)));
    }
    this.certificates(content.entries.filter((entry) => entry.kind === 'certificate'));
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
      result = analyseArtifact({ iflows, parameters, config, today: this.options.now });
    } catch (error) {
      // A defect in one rule must not cost the findings of every other artifact.
      const message = `internal error while analysing (${error instanceof Error ? error.message : String(error)}); please report it`;
      for (const file of parsed) if (reported.has(file.uri)) this.error('internal', file.uri, message);
      return;
    }

    const texts = new Map<string, LineIndex>(parsed.map((file) => [file.uri, file.lines]));
    this.report.scanned.push(...[...texts.keys()].filter((uri) => reported.has(uri)).map((uri) => this.path(uri)));
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

  private recordSuppressed(entries: readonly SuppressedFinding[], texts: ReadonlyMap<string, LineIndex>, configFile: ConfigFile | undefined): void {
    for (const { finding, suppression } of entries) {
      this.usedSuppressions.add(suppression);
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

  finish(): ScanReport {
    const report = this.report;
    report.findings.sort(compareFindings);
    numberFingerprints(report.findings);
    report.suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
    numberFingerprints(report.suppressed.map((entry) => entry.finding));
    report.scanned.sort();
    for (const file of this.configsSeen) this.configNotes(file);
    return report;
  }

  private configNotes(file: ConfigFile): void {
    const path = this.path(file.uri);
    const at = (suppression: Suppression) =>
      suppression.range ? { line: suppression.range.start.line + 1, column: suppression.range.start.character + 1 } : {};
    for (const problem of file.problems) {
      this.report.notes.push({ kind: 'configuration', severity: problem.severity, path, uri: file.uri, message: problem.message, line: problem.range.start.line + 1, column: problem.range.start.character + 1 });
    }
    const expired = expiredSuppressions(file.config, this.options.now);
    for (const suppression of expired) {
      this.report.notes.push({
        kind: 'expired-suppression',
        severity: 'warning',
        path,
        uri: file.uri,
        message: `Suppression of "${suppression.rule}"${suppression.file ? ` for "${suppression.file}"` : ''} expired on ${suppression.expires}; its findings are reported again. Fix them or renew the suppression with a new date and reason.`,
        ...at(suppression),
      });
    }
    if (!this.options.reportUnusedSuppressions) return;
    for (const suppression of file.config.suppressions) {
      if (this.usedSuppressions.has(suppression) || expired.includes(suppression)) continue;
      this.report.notes.push({
        kind: 'unused-suppression',
        severity: 'warning',
        path,
        uri: file.uri,
        message: `Suppression of "${suppression.rule}"${suppression.file ? ` for "${suppression.file}"` : ''} matched no finding; remove it.`,
        ...at(suppression),
      });
    }
  }
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
