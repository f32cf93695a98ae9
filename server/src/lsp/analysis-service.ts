import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseArtifact } from '../core/analysis/analyse-artifact';
import { artifactFolder, isIflowUri, isParametersUri } from '../core/analysis/artifact-layout';
import { fileTooLargeMessage, RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { parseIflow, parseParameters, updateParsedIflow, type ParsedIflow, type ParsedParameters } from '../core/analysis/parsed';
import type { Finding } from '@cpi/common/findings';
import { readArtifact, sizeLimit, type Parser, type TooLargeFile } from '../engine/artifact-reader';
import type { ContentSource } from '../engine/source';
import { configAnchor } from '../engine/units';
import { canonicalUri } from '../engine/uri';
import type { AnalysisStatus } from '@cpi/common/protocol';
import type { EditorConfiguration } from './configuration';
import { configProblemDiagnostic, diagnosticOf, fileNoticeDiagnostic } from './diagnostics';
import { AnalysisDelay } from './analysis-delay';
import { epochNow, type EditTimingLog, type RunMarks } from './edit-timings';
import { LiveAnalysis } from './live-analysis';
import { ruleFailureLines } from './log-once';
import { OpenDocument } from './open-document';

/** The status the server reports (protocol.ts), kept up to date in place. */
export type AnalysisStats = { -readonly [K in keyof AnalysisStatus]: AnalysisStatus[K] };

/**
 * Analyses integration artifacts on change, debounced per artifact, and
 * publishes diagnostics for the open documents. A run that a newer run
 * overtook while it waited for the settings publishes nothing.
 */
export class AnalysisService extends LiveAnalysis {
  /** Pending runs, each with what cancels it. */
  private readonly timers = new Map<string, () => void>();
  /** Artifacts whose pending run has no delay. */
  private readonly dueNow = new Set<string>();
  private readonly generation = new Map<string, number>();
  /** Per iFlow, its latest reading, with the open document's change count it read (see parsedIflow). */
  private readonly iflowCache = new Map<string, { parsed: ParsedIflow; document: OpenDocument | undefined; changes: number }>();
  private readonly parametersCache = new Map<string, ParsedParameters>();
  private readonly configFilesShown = new Set<string>();
  private readonly artifacts = new Map<string, { iflows: ParsedIflow[]; parameters?: ParsedParameters }>();
  /** Per artifact, the closed files whose diagnostics the last run published (see `publish`): canonical URI to the URI they went to. */
  private readonly closedShown = new Map<string, Map<string, string>>();
  readonly stats: AnalysisStats = { files: 0, findings: 0, lastDurationMs: 0 };

  constructor(
    connection: Connection,
    documents: TextDocuments<TextDocument>,
    /** The open documents over the disk. */
    source: ContentSource,
    configuration: EditorConfiguration,
    onAnalysed: () => void = () => undefined,
    private readonly timings?: EditTimingLog,
  ) {
    super(connection, documents, source, configuration, new AnalysisDelay(), onAnalysed);
  }

  static handles(uri: string): boolean {
    return isIflowUri(uri) || isParametersUri(uri);
  }

  /** What the last analysis of the file's artifact read: for hovers. */
  artifactOf(uri: string): { iflows: ParsedIflow[]; parameters?: ParsedParameters } | undefined {
    return this.artifacts.get(artifactFolder(canonicalUri(uri)));
  }

  /** A document or file changed: re-analyse what depends on it. */
  changed(uri: string, immediately = false): void {
    if (!AnalysisService.handles(uri)) return;
    const artifact = artifactFolder(canonicalUri(uri));
    this.schedule(artifact, immediately ? 0 : this.delay.afterEdit(artifact));
  }

  /** Configuration or settings changed: every open artifact is analysed again. */
  changedEverything(): void {
    this.configuration.settingsChanged();
    const artifacts = new Set(
      this.documents
        .all()
        .filter((d) => AnalysisService.handles(d.uri))
        .map((d) => artifactFolder(canonicalUri(d.uri))),
    );
    for (const artifact of artifacts) this.schedule(artifact, 0);
  }

  closed(uri: string): void {
    const canonical = canonicalUri(uri);
    this.findings.delete(canonical);
    this.iflowCache.delete(canonical);
    this.parametersCache.delete(canonical);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (!AnalysisService.handles(uri)) return;
    const artifact = artifactFolder(canonical);
    // the last open file of the artifact: what was shown on its closed files goes now, before a workspace scan can show the disk
    if (
      !this.documents
        .all()
        .some((document) => AnalysisService.handles(document.uri) && artifactFolder(canonicalUri(document.uri)) === artifact)
    ) {
      this.clearClosed(artifact, new Map());
    }
    // the editor's unsaved text no longer counts: the rest of the artifact sees the file on disk
    this.schedule(artifact, 0);
  }

  private schedule(artifact: string, delay: number): void {
    // A run due now stays due now: opening a document also reports it as
    // changed, which must not hold its first diagnostics back by the delay.
    if (delay > 0 && this.dueNow.has(artifact)) return;
    this.timers.get(artifact)?.();
    if (delay === 0) this.dueNow.add(artifact);
    else this.dueNow.delete(artifact);
    const due = () => {
      this.timers.delete(artifact);
      this.dueNow.delete(artifact);
      this.run(artifact).catch((error: unknown) => this.connection.console.error(`Analysis of ${artifact} failed: ${String(error)}`));
    };
    // no delay: right after the messages being handled, not on the next timer tick (at least a millisecond away)
    if (delay === 0) {
      const immediate = setImmediate(due);
      this.timers.set(artifact, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(due, delay);
      this.timers.set(artifact, () => clearTimeout(timer));
    }
  }

  protected get scheduled(): number {
    return this.timers.size;
  }

  private run(artifact: string): Promise<void> {
    const generation = (this.generation.get(artifact) ?? 0) + 1;
    this.generation.set(artifact, generation);
    return this.counted(async () => {
      const started = performance.now();
      const marks = this.timings?.start();
      const files = this.source.artifactFiles(artifact);
      const resolved = await this.configuration.resolve(files.length > 0 ? configAnchor(files) : `${artifact}/parameters.prop`);
      if (this.generation.get(artifact) !== generation) return; // overtaken by a newer run
      if (marks) marks.configured = epochNow();

      // the configuration first: a file over its size limit is not even read
      this.readWhole = 0; // counted by the parser below; nothing else runs until this run ends
      const { iflows, parameters, tooLarge } = readArtifact(this.source, files, sizeLimit(resolved.config), this.parser);
      for (const file of tooLarge) this.forget(file.uri);
      const readWhole = this.readWhole;
      if (marks) marks.read = epochNow();
      const result = resolved.enabled
        ? analyseArtifact({ iflows, parameters, config: resolved.config, configTarget: resolved.target })
        : { findings: [], suppressed: [], ruleFailures: [] };
      if (marks) marks.analysed = epochNow();
      this.failureLog.update(artifact, ruleFailureLines(result.ruleFailures));

      this.artifacts.set(artifact, { iflows, parameters });
      const byUri = new Map<string, Finding[]>();
      for (const finding of result.findings) {
        const key = canonicalUri(finding.uri);
        const list = byUri.get(key);
        if (list) list.push(finding);
        else byUri.set(key, [finding]);
      }
      const targets = [...iflows.map((i) => i.uri), ...(parameters ? [parameters.uri] : [])];
      this.publish(artifact, targets, byUri, marks);
      this.showTooLarge(artifact, tooLarge, resolved.config.maxFileSizeMB, resolved.enabled);
      this.showConfigProblems(resolved.file);
      this.stats.files = this.findings.size;
      this.stats.findings = [...this.findings.values()].reduce((sum, list) => sum + list.length, 0);
      this.stats.lastDurationMs = performance.now() - started;
      this.delay.analysed(artifact, readWhole);
      this.stats.lastFinishedAt = Date.now();
      this.onAnalysed();
    });
  }

  /**
   * Diagnostics for every file of the artifact. While one of its files is
   * open, the closed ones are shown from this run too: they read the open
   * documents' unsaved text (an edited parameters.prop changes what a
   * closed iFlow reports, and where its related information points), which
   * the workspace scan, reading the disk, leaves to this service
   * (`WorkspaceScan.publish`). Once none is open, what this service showed
   * on closed files is cleared, for the workspace scan to show the disk.
   */
  private publish(
    artifact: string,
    targets: readonly string[],
    byUri: ReadonlyMap<string, readonly Finding[]>,
    marks: RunMarks | undefined,
  ): void {
    const live = targets.some((uri) => this.openDocument(uri) !== undefined);
    const shown = new Map<string, string>();
    for (const uri of targets) {
      const canonical = canonicalUri(uri);
      const open = this.openDocument(uri);
      const list = byUri.get(canonical) ?? [];
      this.findings.set(canonical, list);
      if (open) {
        const sent = this.connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: list.map(diagnosticOf) });
        if (marks) this.timings?.published(open.uri, open.version, marks, sent);
      } else if (live) {
        shown.set(canonical, uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: list.map(diagnosticOf) });
      }
    }
    this.clearClosed(artifact, shown);
  }

  /** Clears the closed files of the artifact shown before and not in `shown`, which is what is shown now. */
  private clearClosed(artifact: string, shown: Map<string, string>): void {
    for (const [canonical, uri] of this.closedShown.get(artifact) ?? []) {
      if (!shown.has(canonical) && !this.openDocument(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    if (shown.size > 0) this.closedShown.set(artifact, shown);
    else this.closedShown.delete(artifact);
  }

  /** One notice on each file over the size limit (it has no findings), and one log line while it stays too large; none while analysis is off. */
  private showTooLarge(artifact: string, files: readonly TooLargeFile[], limitMB: number, enabled: boolean): void {
    const lines = new Map<string, string>();
    for (const { uri, kind, bytes, ignored } of files) {
      const noticed = enabled && !ignored;
      const message = fileTooLargeMessage(kind, bytes, limitMB, RAISE_LIMIT_IN_EDITOR);
      if (noticed) lines.set(canonicalUri(uri), `${uri}: ${message}`);
      this.findings.set(canonicalUri(uri), []);
      const open = this.openDocument(uri);
      const diagnostics = noticed ? [fileNoticeDiagnostic(message)] : [];
      if (open) void this.connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics });
    }
    this.sizeLog.update(artifact, lines);
  }

  /** Drops what was kept of a file that is no longer read (too large): a later reading starts afresh. */
  private forget(uri: string): void {
    this.iflowCache.delete(canonicalUri(uri));
    this.parametersCache.delete(canonicalUri(uri));
  }

  private openDocument(uri: string): TextDocument | undefined {
    const canonical = canonicalUri(uri);
    return this.documents.get(uri) ?? this.documents.all().find((d) => canonicalUri(d.uri) === canonical);
  }

  private showConfigProblems(file: { uri: string; problems: readonly { message: string }[] } | undefined): void {
    if (!file) return;
    const diagnostics = (file.problems as Parameters<typeof configProblemDiagnostic>[0][]).map(configProblemDiagnostic);
    if (diagnostics.length === 0 && !this.configFilesShown.has(file.uri)) return;
    this.configFilesShown.add(file.uri);
    const open = this.openDocument(file.uri);
    void this.connection.sendDiagnostics({ uri: open?.uri ?? file.uri, diagnostics });
  }

  /** Characters parsed whole (not updated in part) since the last run began. */
  private readWhole = 0;

  /** Parses through the caches below. */
  private readonly parser: Parser = {
    iflow: (uri, text) => this.parsedIflow(uri, text),
    parameters: (uri, text) => this.parsedParameters(uri, text),
  };

  /**
   * The iFlow read from `text`: the cached reading when the text is the
   * same, else the previous reading updated for the edit (re-reading only
   * the channel it touched, when it touched just one).
   */
  private parsedIflow(uri: string, text: string): ParsedIflow {
    const key = canonicalUri(uri);
    const cached = this.iflowCache.get(key);
    // An open document says where it changed since the cached reading (its
    // change count then), which spares comparing the texts; without one they are compared.
    const open = this.documents.get(uri);
    const document = open instanceof OpenDocument && open.getText() === text ? open : undefined;
    const known = document && cached?.document === document ? document.changeSince(cached.changes) : undefined;
    const unchanged = known ? known.start === known.oldEnd && known.start === known.newEnd : cached?.parsed.text === text;
    let parsed: ParsedIflow;
    if (cached && unchanged) parsed = cached.parsed;
    else {
      // the document also reads the stretches the update needs without the whole text made one string (OpenDocument.slice)
      const read = document && ((from: number, to: number) => document.slice(from, to));
      const readBefore =
        known &&
        cached &&
        ((from: number, to: number) => document!.sliceAt(cached.changes, from, to) ?? cached.parsed.text.slice(from, to));
      parsed =
        cached && cached.parsed.uri === uri ? updateParsedIflow(cached.parsed, text, known, read, readBefore) : parseIflow(uri, text);
      if (!parsed.inPart) this.readWhole += text.length;
    }
    this.iflowCache.set(key, { parsed, document, changes: document?.changeCount ?? -1 });
    return parsed;
  }

  private parsedParameters(uri: string, text: string): ParsedParameters {
    const key = canonicalUri(uri);
    const cached = this.parametersCache.get(key);
    if (cached && cached.text === text) return cached;
    const parsed = parseParameters(uri, text);
    this.readWhole += text.length;
    this.parametersCache.set(key, parsed);
    return parsed;
  }
}
