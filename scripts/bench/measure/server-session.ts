// The bundled language server as an editor runs it, for the edit benches:
// spawned over stdio (with BENCH_SERVER_ARGS as extra Node options, and the
// peak-memory preload when asked), initialized for one workspace folder with
// an empty configuration, and watched for the diagnostics of one document
// version at a time.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface ServerSessionOptions {
  readonly serverJs: string;
  /** The workspace folder the server is initialized with. */
  readonly workspace: string;
  readonly workspaceName: string;
  /** Merged with BENCH_ANALYSIS_DELAY_MS (a fixed analysis delay instead of the server's default). */
  readonly initializationOptions?: Readonly<Record<string, unknown>>;
  /** peak-rss.cjs preloaded into the server, writing its peak to this file. */
  readonly peakRss?: { readonly preload: string; readonly file: string };
}

export interface Published {
  readonly params: PublishDiagnosticsParams;
  /** When the bench had the parsed notification, on the epoch-based clock (epochNow). */
  readonly arrived: number;
}

export interface ServerSession {
  readonly connection: MessageConnection;
  /** The server's own analysis times (its status notification), in order. */
  readonly analysisTimes: readonly number[];
  /** Resolves with the next diagnostics published for this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<Published>;
  /** Shutdown and exit, each given 5 s. */
  shutdown(): Promise<void>;
  /** Drops the connection and kills the server if it is still running. */
  dispose(): void;
}

const TIMEOUT_MS = 60_000;
const GRACE_MS = 5000;

/** A clock both processes share on one machine: performance.timeOrigin + performance.now(). */
export const epochNow = () => performance.timeOrigin + performance.now();

export async function startServerSession(options: ServerSessionOptions): Promise<ServerSession> {
  // BENCH_SERVER_ARGS: extra Node options for the server (e.g. --cpu-prof, --heap-prof), for profiling
  const extra = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const preload = options.peakRss ? ['--require', options.peakRss.preload] : [];
  const server = spawn(process.execPath, [...extra, ...preload, options.serverJs, '--stdio'], {
    stdio: 'pipe',
    env: options.peakRss ? { ...process.env, BENCH_PEAK_RSS_FILE: options.peakRss.file } : process.env,
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

  let waiting: { uri: string; version: number; resolve: (published: Published) => void } | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (waiting && params.uri === waiting.uri && params.version === waiting.version) waiting.resolve({ params, arrived: epochNow() });
  });
  const analysisTimes: number[] = [];
  connection.onNotification('cpiSecurity/status', (status: { lastDurationMs?: number }) => {
    if (typeof status.lastDurationMs === 'number') analysisTimes.push(status.lastDurationMs);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const dispose = () => {
    connection.dispose();
    if (server.exitCode === null) server.kill();
  };
  const grace = () => new Promise((resolve) => setTimeout(resolve, GRACE_MS));

  try {
    const root = pathToFileURL(options.workspace).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: options.workspaceName }],
      initializationOptions: {
        ...options.initializationOptions,
        ...(process.env.BENCH_ANALYSIS_DELAY_MS ? { analysisDelayMs: Number(process.env.BENCH_ANALYSIS_DELAY_MS) } : {}),
      },
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
  } catch (error) {
    dispose();
    throw new Error(`the language server did not initialize: ${error instanceof Error ? error.message : String(error)}\n${stderr}`);
  }

  return {
    connection,
    analysisTimes,
    diagnosticsFor: (uri, version) =>
      new Promise<Published>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} version ${version} within ${TIMEOUT_MS} ms\n${stderr}`)),
          TIMEOUT_MS,
        );
        waiting = {
          uri,
          version,
          resolve: (published) => {
            clearTimeout(timer);
            waiting = undefined;
            resolve(published);
          },
        };
      }),
    shutdown: async () => {
      await Promise.race([connection.sendRequest('shutdown'), grace()]);
      await connection.sendNotification('exit');
      await Promise.race([exited, grace()]);
    },
    dispose,
  };
}
