// Scans units of work from a content source into a report: an artifact's
// iFlows and parameters.prop, one certificate file, or an archive with
// everything inside it. The editor's workspace scan and the command line
// both scan this way, so both report the same.
import { analyseArtifact, type RuleFailure, type SuppressedFinding } from '../core/analysis/analyse-artifact';
import { analyseCertificateFile } from '../core/analysis/analyse-certificate';
import { analyseScript } from '../core/analysis/analyse-script';
import { isAnalysedScript } from '../core/analysis/script-layout';
import { fileTooLargeMessage, RAISE_LIMIT_ON_COMMAND_LINE } from '../core/config/file-size';
import type { Suppression } from '../core/config/model';
import type { Finding } from '@cpi/common/findings';
import type { ParsedIflow } from '../core/analysis/parsed';
import { parseParameters } from '../core/analysis/parsed';
import { parametersUriFor } from '../core/analysis/artifact-layout';
import { withConfiguredValues } from '../core/params/configured';
import type { SecurityMaterial } from '../core/tenant/material';
import { aliasUsage, analyseSecurityMaterial } from '../core/tenant/analyse-material';
import type { CertificateUsage } from '../core/certs/model';
import { keystoreEntryUri } from '../core/tenant/uri';
import { detached } from '../core/text/detached';
import { LineIndex } from '@cpi/common/text/range';
import { DEFAULT_ARCHIVE_LIMITS, readArchive, type ArchiveLimits } from './archive';
import { ArchiveSource } from './archive-source';
import { bytesOf, readArtifact, readWithinLimit, sizeLimit, type ArtifactRead, type SizeLimit, type TooLargeFile } from './artifact-reader';
import type { ConfigFile, ConfigResolver } from './config-resolver';
import { reason } from './discover';
import { readScriptFile } from './script-reader';
import { fingerprintHash } from './fingerprint';
import { toLocation, type NoteKind, type ReportedFinding, type ScanReport } from './report';
import type { ContentSource } from './source';
import { configAnchor, scanUnits, type ScanUnit, type ScriptFile } from './units';
import { displayPath } from './uri';

export interface ScanOptions {
  readonly root: string;
  readonly now: Date;
  readonly source: ContentSource;
  readonly configs: ConfigResolver;
  readonly limits?: ArchiveLimits;
  readonly reportUnusedSuppressions?: boolean;
  /** Size limit in MB for iFlows, parameters.prop and certificates; wins over `maxFileSizeMB` of the configuration. */
  readonly maxFileSizeMB?: number;
  /** How a note on a file over the size limit says to raise it (the editor names its setting). */
  readonly raiseLimitWith?: string;
  /** The tenant's security material, for the rules that look names up on the tenant (tenant scans only). */
  readonly securityMaterial?: SecurityMaterial;
  /** Called after each file (or archive) with files done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

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

/** A suppression named by its configuration file and place in it, the same in every thread. */
export function suppressionKey(file: ConfigFile | undefined, suppression: Suppression): string {
  const index = file ? file.config.suppressions.indexOf(suppression) : -1;
  return index >= 0
    ? `${file!.uri}#${index}`
    : JSON.stringify([file?.uri, suppression.rule, suppression.file, suppression.reason, suppression.expires]);
}

export class Scanner {
  private readonly report: ScanReport;
  private readonly usedSuppressions = new Set<string>();
  private readonly configsSeen = new Set<ConfigFile>();
  /** On a tenant scan: what the artifacts scanned so far use each keystore alias for (see aliasUsage). */
  private readonly aliasUsage = new Map<string, Set<CertificateUsage>>();
  /** Display paths by URI: every finding names its file, and a file has many findings. */
  private readonly paths = new Map<string, string>();

  constructor(private readonly options: ScanOptions) {
    this.report = { root: options.root, scanned: [], findings: [], suppressed: [], fileErrors: [], notes: [] };
  }

  unit(unit: ScanUnit, source = this.options.source): void {
    if (unit.kind === 'artifact') this.artifact(unit, source);
    else if (unit.kind === 'certificate') this.certificate(unit.file.uri, source);
    else this.archive(unit.file.uri, source);
  }

  partial(): PartialScan {
    return {
      report: this.report,
      configsSeen: [...this.configsSeen].map((file) => file.uri),
      usedSuppressions: [...this.usedSuppressions],
    };
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

  /** The configuration found from `anchorUri`, and the size limit it sets. */
  private configFor(anchorUri: string): { limit: SizeLimit; file?: ConfigFile } {
    const { config, file } = this.options.configs.forFile(anchorUri);
    if (file) this.configsSeen.add(file); // its problems are reported even when every file is skipped
    return { limit: sizeLimit(config, this.options.maxFileSizeMB), file };
  }

  /** The note on a file skipped for its size (none for an ignored file). */
  private skippedTooLarge({ uri, kind, bytes, ignored }: TooLargeFile, limit: SizeLimit): void {
    if (ignored) return;
    const message = fileTooLargeMessage(kind, bytes, limit.mb, this.options.raiseLimitWith ?? RAISE_LIMIT_ON_COMMAND_LINE);
    this.report.notes.push({ kind: 'too-large', severity: 'warning', path: this.path(uri), uri, message });
  }

  /** iFlows, parameters.prop and scripts of one artifact folder. */
  private artifact(unit: Extract<ScanUnit, { kind: 'artifact' }>, source: ContentSource): void {
    const files = [...unit.files];
    const reported = new Set(files.map((file) => file.uri));
    // A single iFlow named on the command line still resolves against its artifact's parameters, as in the editor.
    if (!files.some((file) => file.kind === 'parameters') && files.some((file) => file.explicit)) {
      const parameters = source.artifactFiles(unit.folder).find((file) => file.kind === 'parameters');
      if (parameters) files.push(parameters);
    }
    const { limit, file: configFile } = this.configFor(configAnchor(files.length > 0 ? files : unit.scripts));
    const read = withConfigured(readArtifact(source, files, limit), source.configuredParameters?.(unit.folder), files);
    for (const tooLarge of read.tooLarge) this.skippedTooLarge(tooLarge, limit);
    for (const problem of read.problems) this.error('unreadable', problem.uri, problem.message);
    if (this.options.securityMaterial) this.noteAliasUsage(read);
    this.analyse(read, reported, limit, configFile);
    if (unit.scripts.length > 0) this.scripts(unit, read.iflows, source, limit, configFile);
  }

  /**
   * The scripts of an artifact that are analysed (see isAnalysedScript; one
   * named on the command line always is), with the artifact's iFlows for
   * the Script steps that run them: those of the unit, else the folder's.
   */
  private scripts(
    unit: Extract<ScanUnit, { kind: 'artifact' }>,
    iflows: readonly ParsedIflow[],
    source: ContentSource,
    limit: SizeLimit,
    configFile: ConfigFile | undefined,
  ): void {
    const wanted = unit.scripts.filter((file) => file.explicit || isAnalysedScript(limit.config, file.uri));
    if (wanted.length === 0) return;
    const runners =
      iflows.length > 0 || unit.files.length > 0
        ? iflows
        : readArtifact(
            source,
            source.artifactFiles(unit.folder).filter((file) => file.kind === 'iflow'),
            limit,
          ).iflows;
    for (const file of wanted) this.script(file, runners, source, limit, configFile);
  }

  private script(
    file: ScriptFile,
    iflows: readonly ParsedIflow[],
    source: ContentSource,
    limit: SizeLimit,
    configFile: ConfigFile | undefined,
  ): void {
    const { uri } = file;
    const read = readScriptFile(source, uri, limit);
    if ('tooLarge' in read) return this.skippedTooLarge(read.tooLarge, limit);
    if ('problem' in read) return this.error('unreadable', uri, read.problem.message);
    let result;
    try {
      result = analyseScript({ uri, script: read.script, config: limit.config, iflows, today: this.options.now });
    } catch (error) {
      return this.error(
        'internal',
        uri,
        `internal error while analysing (${error instanceof Error ? error.message : String(error)}); please report it`,
      );
    }
    const lines = read.script.lines;
    this.report.scanned.push(this.path(uri));
    this.ruleFailures(result.ruleFailures);
    for (const problem of result.problems) {
      const at = { line: problem.range.start.line + 1, column: problem.range.start.character + 1 };
      this.report.notes.push({
        kind: problem.kind === 'reading' ? 'script' : 'suppression-comment',
        severity: 'warning',
        path: this.path(uri),
        uri,
        message: problem.message,
        ...at,
      });
    }
    for (const finding of result.findings) this.report.findings.push(this.reported(finding, lines));
    this.recordSuppressed(result.suppressed, new Map([[uri, lines]]), configFile);
    for (const { finding, comment } of result.commentSuppressed) {
      this.report.suppressed.push({ finding: this.reported(finding, lines), reason: comment.reason, inSource: true });
    }
    if (!this.options.reportUnusedSuppressions) return;
    for (const comment of result.unusedComments) {
      this.report.notes.push({
        kind: 'unused-suppression',
        severity: 'warning',
        path: this.path(uri),
        uri,
        message: `Suppression comment for ${comment.ruleIds.map((id) => `"${id}"`).join(', ')} matched no finding on the next line; remove it.`,
        line: comment.range.start.line + 1,
        column: comment.range.start.character + 1,
      });
    }
  }

  /** Analyses one artifact; findings are kept for the files in `reported`. */
  private analyse(
    { iflows, parameters }: ArtifactRead,
    reported: ReadonlySet<string>,
    limit: SizeLimit,
    configFile: ConfigFile | undefined,
  ): void {
    const parsed = [...iflows, ...(parameters ? [parameters] : [])];
    if (parsed.length === 0) return;
    let result;
    try {
      const { securityMaterial } = this.options;
      result = analyseArtifact({
        iflows,
        parameters,
        config: limit.config,
        today: this.options.now,
        keepChannelFindings: false,
        ...(securityMaterial ? { securityMaterial } : {}),
      });
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
    this.recordSuppressed(
      result.suppressed.filter((entry) => reported.has(entry.finding.uri)),
      texts,
      configFile,
    );
  }

  private certificate(uri: string, source: ContentSource): void {
    const { limit, file: configFile } = this.configFor(uri);
    const read = readWithinLimit(source, uri, 'certificate', limit);
    if (read === undefined) return this.error('unreadable', uri, 'cannot be read (no such file)');
    if ('tooLarge' in read) return this.skippedTooLarge(read.tooLarge, limit);
    if ('problem' in read) return this.error('unreadable', uri, read.problem.message);
    const bytes = bytesOf(read.content);
    let result;
    try {
      result = analyseCertificateFile({ uri, bytes, config: limit.config, now: this.options.now });
    } catch (error) {
      this.error('certificate', uri, `could not be analysed (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    this.report.scanned.push(this.path(uri));
    this.ruleFailures(result.ruleFailures);
    for (const problem of result.problems) {
      this.report.notes.push({
        kind: 'certificate',
        severity: 'warning',
        path: this.path(uri),
        uri,
        message: problem.message,
        line: problem.range.start.line + 1,
        column: problem.range.start.character + 1,
      });
    }
    const text = new LineIndex(new TextDecoder('latin1').decode(bytes.subarray(0, 4 * 1048576)));
    for (const finding of result.findings) this.report.findings.push(this.reported(finding, text));
    this.recordSuppressed(result.suppressed, new Map([[uri, text]]), configFile);
  }

  /** An archive's artifacts and certificates, each within the size limit of its own configuration. */
  private archive(uri: string, source: ContentSource): void {
    const limits = this.options.limits ?? DEFAULT_ARCHIVE_LIMITS;
    let read;
    try {
      read = source.read(uri, limits.maxTotalBytes);
    } catch (error) {
      return this.error('archive', uri, `cannot be read (${reason(error)})`);
    }
    if (read === undefined) return this.error('archive', uri, 'cannot be read (no such file)');
    if ('tooLarge' in read) {
      return this.error(
        'archive',
        uri,
        `archive is ${Math.round(read.tooLarge / 1048576)} MB, over the ${limits.maxTotalBytes / 1048576} MB limit; not scanned`,
      );
    }
    const content = readArchive(bytesOf(read), uri, limits);
    for (const problem of content.problems) this.error('archive', problem.uri, problem.message);
    const entries = new ArchiveSource(content.entries);
    for (const unit of scanUnits(entries.files())) this.unit(unit, entries);
  }

  /**
   * The tenant's security material (ScanOptions.securityMaterial), checked
   * once every artifact is scanned: keystore entries with the usage the
   * iFlows give their aliases, mapped certificates, credentials. The records
   * have no text: findings sit at their cpi-tenant:// URI. When not every
   * iFlow was read (`usageComplete` false: some packages left out or
   * unreadable), an alias none of them uses may still be used elsewhere: its
   * usage is unknown, so the usage-dependent (self-signed) rules pass it by.
   */
  securityMaterial(usageComplete = true): void {
    const material = this.options.securityMaterial;
    if (!material) return;
    if (!usageComplete) {
      for (const entry of material.keystore)
        if (!this.aliasUsage.has(entry.alias.toLowerCase())) this.aliasUsage.set(entry.alias.toLowerCase(), new Set());
    }
    const anchor = keystoreEntryUri(material.host, '');
    const { limit, file: configFile } = this.configFor(anchor);
    let result;
    try {
      result = analyseSecurityMaterial(material, this.aliasUsage, limit.config, this.options.now);
    } catch (error) {
      return this.error(
        'internal',
        anchor,
        `internal error while analysing the security material (${error instanceof Error ? error.message : String(error)}); please report it`,
      );
    }
    this.ruleFailures(result.ruleFailures);
    for (const finding of result.findings) this.report.findings.push(this.reported(finding, undefined));
    this.recordSuppressed(result.suppressed, new Map(), configFile);
  }

  private noteAliasUsage(read: ArtifactRead): void {
    for (const [alias, usages] of aliasUsage([read])) {
      const known = this.aliasUsage.get(alias);
      if (known) for (const usage of usages) known.add(usage);
      else this.aliasUsage.set(alias, usages);
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

  private recordSuppressed(
    entries: readonly SuppressedFinding[],
    texts: ReadonlyMap<string, LineIndex>,
    configFile: ConfigFile | undefined,
  ): void {
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

/** The artifact's parameters with the values it is configured with laid over them (a tenant's Configurations). */
function withConfigured(
  read: ArtifactRead,
  configured: ReadonlyMap<string, string> | undefined,
  files: readonly { readonly uri: string }[],
): ArtifactRead {
  if (!configured || configured.size === 0 || read.iflows.length === 0) return read;
  const parameters = read.parameters ?? parseParameters(parametersUriFor(files[0].uri), '');
  return { ...read, parameters: { ...parameters, file: withConfiguredValues(parameters.file, configured) } };
}
