import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { withEditorSettings } from '../core/config/parse';
import type { Config } from '../core/config/model';
import { ConfigResolver } from '../cli/configuration';
import { discoverFiles, type FoundFile } from '../cli/discover';
import type { FileNote, ReportedFinding } from '../cli/report';
import { scanFiles } from '../cli/scan';
import { fileUri } from '../cli/paths';
import type { ScanWorkspaceResult } from '../protocol';
import type { EditorSettings } from './configuration';
import { fileNoticeDiagnostic, toDiagnostic } from './diagnostics';
import { canonicalUri, toPath } from './files';
import { LogOnce } from './log-once';

const RESCAN_DELAY_MS = 1000;

/** The command line's configuration lookup, with the editor's overrides on top. */
class EditorConfigResolver extends ConfigResolver {
  constructor(root: string, private readonly settings: EditorSettings) {
    super(undefined, root);
  }

  override forFile(anchorUri: string): ReturnType<ConfigResolver['forFile']> {
    const found = super.forFile(anchorUri);
    return { ...found, config: withEditorSettings(found.config, this.settings) as Config };
  }
}

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
    private readonly roots: () => string[],
    private readonly settings: () => Promise<EditorSettings>,
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
      const roots = this.roots().map(toPath).filter((path): path is string => path !== undefined);
      const settings = await this.settings();
      const found = roots.flatMap((root) => discoverFiles([root], root).files.filter((file) => file.kind !== 'archive').map((file) => ({ root, file })));
      const groups = groupByUnit(found);
      const findings: ReportedFinding[] = [];
      const notes: FileNote[] = [];
      let done = 0;
      for (const { root, files } of groups) {
        if (progress.token.isCancellationRequested) return { files: done, findings: findings.length, cancelled: true };
        const report = scanFiles(files, { root, now: new Date(), configs: new EditorConfigResolver(root, settings), raiseLimitWith: RAISE_LIMIT_IN_EDITOR });
        findings.push(...report.findings);
        notes.push(...report.notes.filter((note) => note.kind === 'too-large' || note.kind === 'rule-failure'));
        done += files.length;
        progress.report(Math.round((done / found.length) * 100), `${done} of ${found.length} files`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits and cancellation through
      }
      this.publish(findings, notes.filter((note) => note.kind === 'too-large'));
      // rule failures in the log (as the live analysis does), once while they last
      const failures = notes.filter((note) => note.kind === 'rule-failure');
      this.log.update('workspace', new Map(failures.map((note) => [`${note.uri}\0${note.message}`, `Workspace scan: ${note.uri}: ${note.message}`])));
      return { files: done, findings: findings.length, cancelled: false };
    } finally {
      progress.done();
    }
  }

  /** Findings, and a notice on each file skipped for its size, for the files that are not open. */
  private publish(findings: readonly ReportedFinding[], skipped: readonly FileNote[]): void {
    const open = this.openUris();
    const isOpen = (uri: string) => open.has(canonicalUri(uri));
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

/** Units the engine must see together: an artifact's iFlows with its parameters; each certificate alone. */
function groupByUnit(found: readonly { root: string; file: FoundFile }[]): { root: string; files: FoundFile[] }[] {
  const units = new Map<string, { root: string; files: FoundFile[] }>();
  for (const { root, file } of found) {
    const key = file.kind === 'certificate' ? file.path : artifactFolder(fileUri(file.path));
    const unit = units.get(key) ?? { root, files: [] };
    unit.files.push(file);
    units.set(key, unit);
  }
  return [...units.values()];
}
