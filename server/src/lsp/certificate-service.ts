import { promises as fs } from 'node:fs';
import { DiagnosticSeverity, MarkupKind, type CodeLens, type Connection, type Diagnostic, type Hover, type Position, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseCertificateFile, isCertificateUri, type CertificateResult } from '../core/analysis/analyse-certificate';
import { fileTooLargeMessage, maxFileBytes, RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { certificateUsage, isIgnored } from '../core/config/globs';
import { describeCertificate, summarizeCertificate } from '../core/certs/rules';
import type { Finding } from '../core/findings';
import { containsPosition } from '../core/text/range';
import type { ConfigurationResolver } from './configuration';
import { fileNoticeDiagnostic, toDiagnostic } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { canonicalUri, sizeOver, toPath } from './files';
import { LogOnce, ruleFailureLines } from './log-once';

/**
 * Certificates open in the editor (PEM text): diagnostics on each block, a
 * hover with the certificate's details and a code lens with its summary.
 */
export class CertificateService {
  private readonly results = new Map<string, { result: CertificateResult; usage?: ReturnType<typeof certificateUsage>; version: number }>();

  private readonly failureLog: LogOnce;
  private readonly sizeLog: LogOnce;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configuration: ConfigurationResolver,
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
      this.analyse(document).catch((error: unknown) => this.connection.console.error(`Certificate analysis of ${document.uri} failed: ${String(error)}`));
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
    const tooLarge = resolved.enabled ? await this.sizeOverLimit(document, maxFileBytes(resolved.config)) : undefined;
    if (tooLarge !== undefined) {
      if (this.documents.get(uri)?.version !== version) return; // changed or closed meanwhile
      this.results.delete(uri);
      const noticed = !isIgnored(resolved.config, canonicalUri(uri));
      const message = fileTooLargeMessage('certificate', tooLarge, resolved.config.maxFileSizeMB, RAISE_LIMIT_IN_EDITOR);
      this.sizeLog.update(uri, noticed ? new Map([[uri, `${uri}: ${message}`]]) : new Map());
      void this.connection.sendDiagnostics({ uri, version, diagnostics: noticed ? [fileNoticeDiagnostic(message)] : [] });
      return;
    }
    this.sizeLog.update(uri, new Map());
    const bytes = await this.bytesOf(document);
    const now = new Date();
    const result = resolved.enabled
      ? analyseCertificateFile({ uri: canonicalUri(uri), bytes, config: resolved.config, now })
      : undefined;
    const current = this.documents.get(uri);
    if (!current || current.version !== version || !result) return; // changed or closed meanwhile
    this.results.set(uri, { result, usage: certificateUsage(resolved.config, canonicalUri(uri)), version });
    this.failureLog.update(uri, ruleFailureLines(result.ruleFailures));
    const diagnostics: Diagnostic[] = [
      ...result.findings.map(toDiagnostic),
      ...result.problems.map((problem) => ({ range: problem.range, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: problem.message })),
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

  hover(uri: string, position: Position): Hover | null {
    const entry = this.results.get(uri);
    const block = entry?.result.file.blocks.find((candidate) => candidate.info && containsPosition(candidate.range, position));
    if (!entry || !block?.info) return null;
    return { contents: { kind: MarkupKind.Markdown, value: describeCertificate(block.info, entry.usage, new Date()) }, range: block.range };
  }

  codeLenses(uri: string): CodeLens[] {
    const entry = this.results.get(uri);
    if (!entry) return [];
    const now = new Date();
    return entry.result.file.blocks.flatMap((block) =>
      // a lens without a command is a label: the summary needs no click
      block.info ? [{ range: { start: block.range.start, end: block.range.start }, command: { title: summarizeCertificate(block.info, now), command: '' } }] : [],
    );
  }

  /** The file's size in bytes when it is over `maxBytes` (a binary file's from disk, like bytesOf), else undefined. */
  private async sizeOverLimit(document: TextDocument, maxBytes: number): Promise<number | undefined> {
    const text = document.getText();
    const path = text.includes('\uFFFD') ? toPath(document.uri) : undefined;
    if (path) {
      try {
        const { size } = await fs.stat(path);
        return size > maxBytes ? size : undefined;
      } catch {
        // as bytesOf: the editor's text stands in for a file that cannot be read
      }
    }
    return sizeOver(text, maxBytes);
  }

  /** PEM text as the editor holds it; a binary file (DER) comes from disk, since its text form is lossy. */
  private async bytesOf(document: TextDocument): Promise<Uint8Array> {
    const text = document.getText();
    if (!text.includes('\uFFFD')) return Buffer.from(text, 'utf8');
    const path = toPath(document.uri);
    try {
      return path ? await fs.readFile(path) : Buffer.from(text, 'utf8');
    } catch {
      return Buffer.from(text, 'utf8');
    }
  }
}
