import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { discoverFiles } from '../engine/discover';
import { DiskSource } from '../engine/disk-source';
import type { FileNote, ReportedFinding } from '../engine/report';
import { finishScan, scanPart } from '../engine/scan';
import type { PartialScan, ScanOptions } from '../engine/scanner';
import { scanUnits, unitFileCount } from '../engine/units';
import { canonicalUri, fileUri, uriToPath } from '../engine/uri';
import { WorkspaceScannedNotification, type ScanWorkspaceResult } from '@cpi/common/protocol';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { AnalysisService } from './analysis-service';
import type { EditorConfiguration } from './configuration';
import { fileNoticeDiagnostic, toDiagnostic } from './diagnostics';
import { LogOnce } from './log-once';

const RESCAN_DELAY_MS = 1000;

/** A workspace with more files to analyse than this is scanned on request only, not at start. */
export const STARTUP_SCAN_MAX_FILES = 2000;

/**
 * Workspace-wide findings for files that are not open, computed by the same
 * engine as the command line (so both report the same). Archives are left
 * to the command line: their entries cannot be opened in the editor. Open
 * documents keep their live analysis, which also offers quick fixes.
 */
export class WorkspaceScan {
  private active = false;
  private published = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ScanWorkspaceResult> | undefined;
  private readonly log: LogOnce;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configuration: EditorConfiguration,
  ) {
    this.log = new LogOnce((line) => connection.console.error(line));
  }

  /** Runs a scan with a cancellable progress notification in the editor. */
  async scan(): Promise<ScanWorkspaceResult> {
    this.active = true;
    if (this.running) return this.running;
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * The scan at start, so Problems lists the workspace's findings before any
   * file is opened: when the `scanOnStartup` setting is true and the
   * workspace has at most `maxFiles` files to analyse. Undefined when skipped.
   */
  async scanAtStart(maxFiles = STARTUP_SCAN_MAX_FILES): Promise<ScanWorkspaceResult | undefined> {
    const roots = this.configuration.roots();
    if (roots.length === 0) return undefined;
    const settings = await this.configuration.settings(roots[0]);
    // only an explicit true: VS Code sends the contributed default, other editors opt in
    if (settings.scanOnStartup !== true) return undefined;
    const paths = roots.map(uriToPath).filter((path): path is string => path !== undefined);
    const count = paths.reduce((sum, root) => sum + discoverFiles([root], root).files.filter((file) => file.kind !== 'archive').length, 0);
    if (count > maxFiles) {
      this.connection.console.info(
        `Workspace scan at start skipped: ${count} files to analyse, more than ${maxFiles}; run "Scan Workspace" to see them all.`,
      );
      return undefined;
    }
    this.connection.console.info(`Scanning the workspace at start: ${count} files to analyse.`);
    const result = await this.scan();
    this.connection.console.info(
      `Workspace scan at start: ${result.findings} findings in ${result.files} files${result.cancelled ? ' (cancelled)' : ''}.`,
    );
    return result;
  }

  /** A file changed on disk or was closed: scan again shortly (cheap next to typing). */
  changed(): void {
    if (!this.active) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scan(), RESCAN_DELAY_MS);
  }

  /** Canonical URIs of the open documents, which keep their live analysis. */
  private openUris(): Set<string> {
    return new Set(this.documents.all().map((document) => canonicalUri(document.uri)));
  }

  private async run(): Promise<ScanWorkspaceResult> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('CPI Security: scanning workspace', 0, 'finding files…', true);
    try {
      const roots = this.configuration
        .roots()
        .map(uriToPath)
        .filter((path): path is string => path !== undefined);
      const settings = await this.configuration.settings(this.configuration.roots()[0] ?? '');
      // the disk as the command line reads it, with the editor's settings on top
      const scans = roots.map((root) => {
        const discovery = discoverFiles([root], root);
        const files = discovery.files.filter((file) => file.kind !== 'archive');
        const source = new DiskSource(discovery.listedFolders);
        const options: ScanOptions = {
          root,
          now: new Date(),
          source,
          configs: this.configuration.resolver(source, settings, { defaultRoot: fileUri(root) }),
          raiseLimitWith: RAISE_LIMIT_IN_EDITOR,
        };
        return { options, files, units: scanUnits(files) };
      });
      const total = scans.reduce((sum, scan) => sum + scan.files.length, 0);
      const findings: ReportedFinding[] = [];
      const notes: FileNote[] = [];
      let done = 0;
      for (const { options, units } of scans) {
        const parts: PartialScan[] = [];
        for (const unit of units) {
          if (progress.token.isCancellationRequested) return { files: done, findings: findings.length, cancelled: true };
          parts.push(scanPart([unit], options));
          done += unitFileCount(unit);
          progress.report(Math.round((done / total) * 100), `${done} of ${total} files`);
          await new Promise((resolve) => setImmediate(resolve)); // let edits and cancellation through
        }
        const report = finishScan(parts, options);
        findings.push(...report.findings);
        notes.push(...report.notes.filter((note) => note.kind === 'too-large' || note.kind === 'rule-failure'));
      }
      this.publish(
        findings,
        notes.filter((note) => note.kind === 'too-large'),
      );
      // rule failures in the log (as the live analysis does), once while they last
      const failures = notes.filter((note) => note.kind === 'rule-failure');
      this.log.update(
        'workspace',
        new Map(failures.map((note) => [`${note.uri}\0${note.message}`, `Workspace scan: ${note.uri}: ${note.message}`])),
      );
      const result = { files: done, findings: findings.length, cancelled: false };
      void this.connection.sendNotification(WorkspaceScannedNotification.type, result);
      return result;
    } finally {
      progress.done();
    }
  }

  /**
   * Artifacts with an open iFlow or parameters.prop: the live analysis shows
   * all their files, closed ones included, from the editor's unsaved text
   * (AnalysisService.publish); the disk this scan reads may be behind it.
   */
  private liveArtifacts(): Set<string> {
    return new Set(
      this.documents
        .all()
        .filter((document) => AnalysisService.handles(document.uri))
        .map((document) => artifactFolder(canonicalUri(document.uri))),
    );
  }

  /** Findings, and a notice on each file skipped for its size, for the files that are neither open nor shown by the live analysis. */
  private publish(findings: readonly ReportedFinding[], skipped: readonly FileNote[]): void {
    const open = this.openUris();
    const live = this.liveArtifacts();
    const isOpen = (uri: string) =>
      open.has(canonicalUri(uri)) || (AnalysisService.handles(uri) && live.has(artifactFolder(canonicalUri(uri))));
    const byUri = new Map<string, Diagnostic[]>();
    for (const finding of findings) {
      if (isOpen(finding.uri)) continue;
      const list = byUri.get(finding.uri) ?? [];
      list.push(toDiagnostic(finding));
      byUri.set(finding.uri, list);
    }
    for (const note of skipped) if (!isOpen(note.uri)) byUri.set(note.uri, [fileNoticeDiagnostic(note.message)]);
    for (const uri of this.published) if (!byUri.has(uri) && !isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.published = new Set(byUri.keys());
  }
}
