import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseScript, type ScriptProblem } from '../core/analysis/analyse-script';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { parseIflow, type ParsedIflow } from '../core/analysis/parsed';
import { isAnalysedScript, isScriptUri } from '../core/analysis/script-layout';
import { fileTooLargeMessage, RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import type { Finding } from '@cpi/common/findings';
import { DIAGNOSTIC_SOURCE } from '@cpi/common/protocol';
import { readArtifact, sizeLimit, type Parser } from '../engine/artifact-reader';
import { readScriptFile } from '../engine/script-reader';
import type { ContentSource } from '../engine/source';
import type { ScriptModel } from '../core/script/model';
import { canonicalUri } from '../engine/uri';
import type { EditorConfiguration } from './configuration';
import { AnalysisDelay, QUICK_SCRIPT_CHARS } from './analysis-delay';
import { fileNoticeDiagnostic, toDiagnostic } from './diagnostics';
import { LiveAnalysis } from './live-analysis';
import { ruleFailureLines } from './log-once';

/**
 * Groovy and JavaScript documents open in the editor: analysed while typing
 * (at once while quick to read, see analysis-delay.ts) when they belong to an integration artifact or
 * the configuration lists them under `scripts`; any other script is left
 * alone. The artifact's iFlows are read for the Script steps that run the
 * script, and read again only when their text changed.
 */
export class ScriptService extends LiveAnalysis {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last reading of each analysed script, for hovers. */
  private readonly models = new Map<string, ScriptModel>();
  private readonly iflowCache = new Map<string, ParsedIflow>();

  constructor(
    connection: Connection,
    documents: TextDocuments<TextDocument>,
    /** The open documents over the disk. */
    source: ContentSource,
    configuration: EditorConfiguration,
    onAnalysed: () => void = () => undefined,
  ) {
    // at once while the script reads quickly, after a pause in the typing for a huge one
    super(connection, documents, source, configuration, new AnalysisDelay(QUICK_SCRIPT_CHARS), onAnalysed);
  }

  static handles(uri: string): boolean {
    return isScriptUri(uri);
  }

  /** The script as last analysed; undefined for a script the server leaves alone. */
  modelFor(uri: string): ScriptModel | undefined {
    return this.models.get(canonicalUri(uri));
  }

  /** Re-analyse a script document: at once while it is quick to read, after a pause in the typing otherwise. */
  changed(document: TextDocument, immediately = false): void {
    const { uri } = document;
    clearTimeout(this.timers.get(uri));
    const run = () => {
      this.timers.delete(uri);
      this.analyse(uri).catch((error: unknown) => this.connection.console.error(`Script analysis of ${uri} failed: ${String(error)}`));
    };
    this.timers.set(uri, setTimeout(run, immediately ? 0 : this.delay.afterEdit(canonicalUri(uri))));
  }

  /** Configuration or settings changed: every open script again. */
  changedEverything(): void {
    for (const document of this.documents.all()) if (ScriptService.handles(document.uri)) this.changed(document, true);
  }

  /** An iFlow of `folder` changed: the open scripts of that artifact again (their related Script steps). */
  artifactChanged(folder: string): void {
    for (const document of this.documents.all()) {
      if (ScriptService.handles(document.uri) && artifactFolder(canonicalUri(document.uri)) === folder) this.changed(document);
    }
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.findings.delete(canonicalUri(uri));
    this.models.delete(canonicalUri(uri));
    this.sizeLog.update(uri, new Map());
    this.failureLog.update(uri, new Map());
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  protected get scheduled(): number {
    return this.timers.size;
  }

  private async analyse(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const { version } = document;
    await this.counted(async () => {
      const canonical = canonicalUri(uri);
      const resolved = await this.configuration.resolve(uri);
      if (this.documents.get(uri)?.version !== version) return; // changed or closed meanwhile
      const publish = (diagnostics: Diagnostic[], findings: readonly Finding[] = [], model?: ScriptModel) => {
        this.findings.set(canonical, findings);
        if (model) this.models.set(canonical, model);
        else this.models.delete(canonical);
        void this.connection.sendDiagnostics({ uri, version, diagnostics });
      };
      if (!resolved.enabled || !isAnalysedScript(resolved.config, canonical)) {
        this.sizeLog.update(uri, new Map());
        return publish([]);
      }
      const limit = sizeLimit(resolved.config);
      // the last reading of this document: only what the edit changed is read again
      const read = readScriptFile(this.source, uri, limit, this.models.get(canonical));
      if ('tooLarge' in read) {
        const noticed = !read.tooLarge.ignored;
        const message = fileTooLargeMessage('script', read.tooLarge.bytes, resolved.config.maxFileSizeMB, RAISE_LIMIT_IN_EDITOR);
        this.sizeLog.update(uri, noticed ? new Map([[uri, `${uri}: ${message}`]]) : new Map());
        return publish(noticed ? [fileNoticeDiagnostic(message)] : []);
      }
      this.sizeLog.update(uri, new Map());
      if ('problem' in read) return publish([fileNoticeDiagnostic(`Not analysed: the script ${read.problem.message}.`)]);
      const folder = artifactFolder(canonical);
      const iflowFiles = this.source.artifactFiles(folder).filter((file) => file.kind === 'iflow');
      const { iflows } = readArtifact(this.source, iflowFiles, limit, this.parser);
      const result = analyseScript({ uri: canonical, script: read.script, config: resolved.config, iflows });
      // Scripts are read whole on every edit (the artifact's iFlows come from the cache)
      this.delay.analysed(canonical, read.script.text.length);
      this.failureLog.update(uri, ruleFailureLines(result.ruleFailures));
      // findings carry the document's own URI, so code actions and related locations match what the editor sent
      const findings = result.findings.map((finding) => ({
        ...finding,
        uri,
        fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, uri })) })),
      }));
      publish([...findings.map(toDiagnostic), ...result.problems.map(problemDiagnostic)], findings, read.script);
      this.onAnalysed();
    });
  }

  /** iFlows are only read here for their Script steps: a reading is kept while the text stays the same. */
  private readonly parser: Parser = {
    iflow: (uri, text) => {
      const key = canonicalUri(uri);
      const cached = this.iflowCache.get(key);
      if (cached && cached.text === text) return cached;
      const parsed = parseIflow(uri, text);
      this.iflowCache.set(key, parsed);
      return parsed;
    },
    parameters: () => {
      throw new Error('scripts read no parameters.prop');
    },
  };
}

function problemDiagnostic(problem: ScriptProblem): Diagnostic {
  return {
    range: problem.range,
    // a script not read exactly is a notice about the reading; a wrong suppression comment is the author's to fix
    severity: problem.kind === 'reading' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}
