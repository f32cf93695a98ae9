import {
  DiagnosticSeverity,
  MarkupKind,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type Hover,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseCertificateFile, isCertificateUri, type CertificateResult } from '../core/analysis/analyse-certificate';
import { fileTooLargeMessage, RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { certificateUsage } from '../core/config/globs';
import { summarizeCertificate } from '../core/certs/describe';
import { certificateHover } from '../core/explain/certificate-hover';
import type { Finding } from '@cpi/common/findings';
import { containsPosition } from '@cpi/common/text/range';
import { bytesOf, readWithinLimit, sizeLimit } from '../engine/artifact-reader';
import type { ContentSource } from '../engine/source';
import { canonicalUri } from '../engine/uri';
import type { EditorConfiguration } from './configuration';
import { fileNoticeDiagnostic, toDiagnostic } from './diagnostics';
import { Commands, DIAGNOSTIC_SOURCE, type CertificateDetails } from '@cpi/common/protocol';
import { certificateDetails } from './certificate-details';
import { LogOnce, ruleFailureLines } from './log-once';

/**
 * Certificates open in the editor (PEM text): diagnostics on each block, a
 * hover with the certificate's details and a code lens with its summary;
 * and the details view of any certificate file (DER too).
 */
export class CertificateService {
  private readonly results = new Map<string, { result: CertificateResult; usage?: ReturnType<typeof certificateUsage>; version: number }>();

  private readonly failureLog: LogOnce;
  private readonly sizeLog: LogOnce;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    /** The open documents over the disk. */
    private readonly source: ContentSource,
    private readonly configuration: EditorConfiguration,
  ) {
    this.failureLog = new LogOnce((line) => connection.console.error(line));
    this.sizeLog = new LogOnce((line) => connection.console.info(line));
  }

  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Re-analyse a certificate document after a short pause in typing. */
  changed(document: TextDocument, immediately = false): void {
    clearTimeout(this.timers.get(document.uri));
    const run = () => {
      this.timers.delete(document.uri);
      this.analyse(document).catch((error: unknown) =>
        this.connection.console.error(`Certificate analysis of ${document.uri} failed: ${String(error)}`),
      );
    };
    this.timers.set(document.uri, setTimeout(run, immediately ? 0 : 200));
  }

  /** Configuration changed: every open certificate again. */
  changedEverything(): void {
    for (const document of this.documents.all()) if (isCertificateUri(document.uri)) this.changed(document, true);
  }

  private async analyse(document: TextDocument): Promise<void> {
    const { version, uri } = document;
    const resolved = await this.configuration.resolve(uri);
    if (this.documents.get(uri)?.version !== version) return; // changed or closed meanwhile
    const read = resolved.enabled ? readWithinLimit(this.source, uri, 'certificate', sizeLimit(resolved.config)) : undefined;
    if (read && 'tooLarge' in read) {
      this.results.delete(uri);
      const noticed = !read.tooLarge.ignored;
      const message = fileTooLargeMessage('certificate', read.tooLarge.bytes, resolved.config.maxFileSizeMB, RAISE_LIMIT_IN_EDITOR);
      this.sizeLog.update(uri, noticed ? new Map([[uri, `${uri}: ${message}`]]) : new Map());
      void this.connection.sendDiagnostics({ uri, version, diagnostics: noticed ? [fileNoticeDiagnostic(message)] : [] });
      return;
    }
    this.sizeLog.update(uri, new Map());
    if (!read || !('content' in read)) return; // analysis is off, or the file cannot be read
    const result = analyseCertificateFile({
      uri: canonicalUri(uri),
      bytes: bytesOf(read.content),
      config: resolved.config,
      now: new Date(),
    });
    this.results.set(uri, { result, usage: certificateUsage(resolved.config, canonicalUri(uri)), version });
    this.failureLog.update(uri, ruleFailureLines(result.ruleFailures));
    const diagnostics: Diagnostic[] = [
      ...result.findings.map(toDiagnostic),
      ...result.problems.map((problem) => ({
        range: problem.range,
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      })),
    ];
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  findingsFor(uri: string): readonly Finding[] {
    return this.results.get(uri)?.result.findings ?? [];
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.sizeLog.update(uri, new Map());
    this.failureLog.update(uri, new Map());
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The details view of a file, open or not (a DER file is never open as text). */
  details(uri: string): Promise<CertificateDetails> {
    return certificateDetails(uri, this.source, this.configuration);
  }

  hover(uri: string, position: Position): Hover | null {
    const entry = this.results.get(uri);
    const block = entry?.result.file.blocks.find((candidate) => candidate.info && containsPosition(candidate.range, position));
    if (!entry || !block?.info) return null;
    const findings = entry.result.findings.filter((finding) => containsPosition(block.range, finding.range.start));
    const markdown = certificateHover(block.info, entry.usage, findings, new Date(), { explainRule: Commands.explainRule });
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: block.range };
  }

  codeLenses(uri: string): CodeLens[] {
    const entry = this.results.get(uri);
    if (!entry) return [];
    const now = new Date();
    return entry.result.file.blocks.flatMap((block) => {
      if (!block.info) return [];
      const ruleIds = entry.result.findings
        .filter((finding) => containsPosition(block.range, finding.range.start))
        .map((finding) => finding.ruleId);
      // the summary; a click opens the file's details view (every certificate, its findings)
      return [
        {
          range: { start: block.range.start, end: block.range.start },
          command: { title: summarizeCertificate(block.info, now, ruleIds), command: Commands.showCertificateDetails, arguments: [uri] },
        },
      ];
    });
  }
}
