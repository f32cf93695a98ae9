// The language client and the custom requests the views need. Views talk to
// this, never to the LanguageClient, so a server that is not (yet) running
// degrades to "no answer" instead of an exception in a tree provider.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  Trace,
  TransportKind,
  type LanguageClientOptions,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { TENANT_URI_SCHEME, TenantScanProgressNotification, type TenantScanProgress } from '@cpi/common/tenant-protocol';
import {
  EffectiveRulesRequest,
  ReanalyseRequest,
  ScanWorkspaceRequest,
  type ScanWorkspaceResult,
  StatusNotification,
  WorkspaceScannedNotification,
  type AnalysisStatus,
  type EffectiveRulesResult,
} from '@cpi/common/protocol';

export class ServerConnection implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly statusEmitter = new vscode.EventEmitter<AnalysisStatus>();
  /** Fires after each finished analysis with the server's counts. */
  readonly onStatus = this.statusEmitter.event;
  private readonly scannedEmitter = new vscode.EventEmitter<ScanWorkspaceResult>();
  /** Fires after each workspace scan that ran to the end (the server's, at start, too). */
  readonly onScanned = this.scannedEmitter.event;
  private started: Promise<void> | undefined;
  private readonly tenantProgressEmitter = new vscode.EventEmitter<TenantScanProgress>();
  /** Progress of a tenant scan, as the server reports it. */
  readonly onTenantProgress = this.tenantProgressEmitter.event;
  private readonly restartedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the server runs again after it stopped (a crash it was restarted from, or Restart Language Server). */
  readonly onRestarted = this.restartedEmitter.event;
  private hasRun = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const serverModule = context.asAbsolutePath('server/out/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'cpi-iflow' },
        { scheme: 'file', language: 'cpi-parameters' },
        { scheme: 'file', pattern: '**/.cpisecurity.json' },
        // PEM certificates and keys; binary DER is left to the workspace scan
        { scheme: 'file', pattern: '**/*.{pem,crt,cer,key}' },
        // scripts keep VS Code's language ids; the server analyses those of integration artifacts (or listed under "scripts") only
        { scheme: 'file', language: 'groovy' },
        { scheme: 'file', language: 'javascript' },
        // files opened read-only from a tenant: the server shows its last scan's findings there
        { scheme: TENANT_URI_SCHEME },
      ],
      synchronize: {
        configurationSection: 'cpiSecurity',
        fileEvents: vscode.workspace.createFileSystemWatcher(
          '**/{*.iflw,parameters.prop,.cpisecurity.json,*.pem,*.crt,*.cer,*.der,*.key,*.p12,*.pfx,*.jks,*.groovy,*.gsh,*.js}',
        ),
      },
      // hovers link to the FAQ and rule explanations through command: links
      markdown: { isTrusted: { enabledCommands: ['cpiSecurity.openFaq', 'cpiSecurity.explainRule'] } },
      outputChannel: log,
      // Problems are for the log; the user is not interrupted by pop-ups.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: (error) => {
        log.error('The language server failed to initialise', error);
        return false;
      },
    };
    this.client = new LanguageClient('cpiSecurity', 'CPI Security Lint', serverOptions, clientOptions);
    this.client.onNotification(StatusNotification.type, (status) => {
      // every run, at the level a user raises in the output view (Set Log Level… → Debug)
      log.debug(
        `Analysis finished in ${Math.round(status.lastDurationMs)} ms: ${status.findings} findings in ${status.files} open or related files`,
      );
      this.statusEmitter.fire(status);
    });
    this.client.onNotification(TenantScanProgressNotification.type, (progress) => this.tenantProgressEmitter.fire(progress));
    this.client.onDidChangeState(({ newState }) => {
      if (newState !== State.Running) return;
      if (this.hasRun) this.restartedEmitter.fire();
      this.hasRun = true;
    });
    this.client.onNotification(WorkspaceScannedNotification.type, (result) => {
      log.debug(`Workspace scanned: ${result.findings} findings in ${result.files} files`);
      this.scannedEmitter.fire(result);
    });
  }

  /** Starts the server once; later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.client.start().catch((error: unknown) => {
      this.log.error('Could not start the language server', error);
      throw error;
    });
    return this.started;
  }

  async restart(): Promise<void> {
    this.log.info('Restarting the language server');
    if (this.started === undefined) return this.start();
    await this.client.restart();
  }

  isRunning(): boolean {
    return this.client.isRunning();
  }

  /** Severities in force for `uri`; undefined when the server cannot answer. */
  async effectiveRules(uri: vscode.Uri): Promise<EffectiveRulesResult | undefined> {
    if (!this.isRunning()) return undefined;
    try {
      return await this.client.sendRequest(EffectiveRulesRequest.type, { uri: uri.toString() });
    } catch (error) {
      this.log.warn(`Effective rules for ${uri.toString()} not available`, error);
      return undefined;
    }
  }

  /** Waits for a start in progress; false when the server could not start. */
  private async running(): Promise<boolean> {
    try {
      await this.start();
    } catch {
      return false;
    }
    return this.isRunning();
  }

  /** A request of the tenant protocol; undefined when the server could not start. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R | undefined> {
    if (!(await this.running())) return undefined;
    return this.client.sendRequest(type, params, token);
  }

  /**
   * A request whose parameters hold a secret (a service key): a verbose
   * protocol trace (setting cpiSecurity.trace.server) would write them to the
   * output, so for this request the trace names messages only.
   */
  async requestWithSecret<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    if (!(await this.running())) return undefined;
    const verbose = vscode.workspace.getConfiguration('cpiSecurity').get<string>('trace.server') === 'verbose';
    if (!verbose) return this.client.sendRequest(type, params);
    await this.client.setTrace(Trace.Messages);
    try {
      return await this.client.sendRequest(type, params);
    } finally {
      await this.client.setTrace(Trace.Verbose);
    }
  }

  async reanalyse(): Promise<boolean> {
    if (!(await this.running())) return false;
    await this.client.sendRequest(ReanalyseRequest.type);
    return true;
  }

  /** Workspace-wide scan; the server shows its own cancellable progress. */
  async scanWorkspace(): Promise<ScanWorkspaceResult | undefined> {
    if (!(await this.running())) return undefined;
    const started = performance.now();
    const result = await this.client.sendRequest(ScanWorkspaceRequest.type);
    const took = Math.round(performance.now() - started);
    this.log.info(
      result.cancelled
        ? `Workspace scan cancelled after ${took} ms`
        : `Workspace scan: ${result.findings} findings in ${result.files} files, ${took} ms`,
    );
    return result;
  }

  async dispose(): Promise<void> {
    this.statusEmitter.dispose();
    this.scannedEmitter.dispose();
    this.tenantProgressEmitter.dispose();
    this.restartedEmitter.dispose();
    if (this.started !== undefined && this.client.needsStop()) await this.client.stop();
  }
}
