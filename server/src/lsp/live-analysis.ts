import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '@cpi/common/findings';
import type { ContentSource } from '../engine/source';
import { canonicalUri } from '../engine/uri';
import type { AnalysisDelay } from './analysis-delay';
import type { EditorConfiguration } from './configuration';
import { LogOnce } from './log-once';

/**
 * What the analyses of open documents while typing (iFlows and their
 * parameters, scripts) have in common: where they read from, the delay
 * between an edit and its analysis, the findings last published per file,
 * log lines about rule failures and files too large (each once while it
 * lasts), and waiting until every scheduled run has ended.
 */
export abstract class LiveAnalysis {
  /** Per file (canonical URI), the findings last published. */
  protected readonly findings = new Map<string, readonly Finding[]>();
  protected readonly failureLog: LogOnce;
  protected readonly sizeLog: LogOnce;
  /** Runs started and not yet ended. */
  private running = 0;

  constructor(
    protected readonly connection: Connection,
    protected readonly documents: TextDocuments<TextDocument>,
    /** The open documents over the disk. */
    protected readonly source: ContentSource,
    protected readonly configuration: EditorConfiguration,
    /** Delay between an edit and its analysis (analysis-delay.ts). */
    protected readonly delay: AnalysisDelay,
    protected readonly onAnalysed: () => void = () => undefined,
  ) {
    this.failureLog = new LogOnce((line) => connection.console.error(line));
    this.sizeLog = new LogOnce((line) => connection.console.info(line));
  }

  /** A fixed delay after every edit (initialization option `analysisDelayMs`) instead of one that depends on how long analyses take. */
  setDebounce(ms: number): void {
    this.delay.setFixed(ms);
  }

  findingsFor(uri: string): readonly Finding[] {
    return this.findings.get(canonicalUri(uri)) ?? [];
  }

  /** Resolves once every scheduled analysis has run (for tests and the re-analyse command). */
  async settle(): Promise<void> {
    while (this.scheduled > 0 || this.running > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** How many runs wait for their time. */
  protected abstract get scheduled(): number;

  /** Runs `work` counted as running, for settle. */
  protected async counted(work: () => Promise<void>): Promise<void> {
    this.running++;
    try {
      await work();
    } finally {
      this.running--;
    }
  }
}
