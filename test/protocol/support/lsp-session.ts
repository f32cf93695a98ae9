import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

const SERVER = join(__dirname, '..', '..', '..', 'server', 'out', 'server.js');

export interface SessionOptions {
  /** A script to run instead of the bundled server; it must start the server itself. */
  readonly entry?: string;
  /** Flags for node, before the script (e.g. --expose-gc). */
  readonly nodeArgs?: readonly string[];
  /** Open a Node IPC channel to the child beside stdio, for test-only entries that answer on it. */
  readonly ipc?: boolean;
  /** Variables set for the server over this process's environment (which itself is left alone). */
  readonly env?: NodeJS.ProcessEnv;
  /** Keep every byte the server writes to stdout in `stdout` (the raw LSP messages), for searching all of it. */
  readonly recordStdout?: boolean;
}

/**
 * The real bundled server over stdio, driven the way an editor drives it.
 * Waits are conditions with a deadline, never fixed sleeps.
 */
export class LspSession {
  private readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<(params: PublishDiagnosticsParams) => void>();
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown> = {};
  stderr = '';
  /** The server's stdout as written, when the session records it. */
  stdout = '';
  /** What the server logged (window/logMessage); type 1 is an error. */
  readonly logs: { type: number; message: string }[] = [];

  /** Exit code or signal once the server process has ended. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(options: SessionOptions = {}) {
    const args = [...(options.nodeArgs ?? []), options.entry ?? SERVER, '--stdio'];
    this.process = spawn(process.execPath, args, {
      stdio: options.ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe',
      env: options.env ? { ...process.env, ...options.env } : undefined,
    });
    this.process.on('exit', (code, signal) => (this.exit = { code, signal }));
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    if (options.recordStdout) this.process.stdout!.on('data', (chunk) => (this.stdout += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (const listener of this.listeners) listener(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => this.settings),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => this.logs.push(params));
    this.connection.listen();
  }

  /** `folders`: workspace folder URIs, in order (else the root's folder alone). */
  async initialize(rootUri: string | null, initializationOptions?: Record<string, unknown>, folders?: readonly string[]): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      initializationOptions,
      workspaceFolders: folders
        ? folders.map((uri, index) => ({ uri, name: `folder ${index + 1}` }))
        : rootUri
          ? [{ uri: rootUri, name: 'workspace' }]
          : null,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The code actions offered for one diagnostic, asked the way an editor asks on its range. */
  codeActionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  latest(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.diagnostics;
  }

  /** The last publication for `uri`, with its version. */
  published(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  /** Calls `listener` on every publication until the returned function is called. */
  onPublish(listener: (params: PublishDiagnosticsParams) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `accept`. */
  async waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return (await this.waitForPublished(uri, (params) => accept(params.diagnostics), timeoutMs)).diagnostics;
  }

  /** Resolves with the first publication for `uri` (the latest, then later ones) that satisfies `accept`. */
  waitForPublished(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const current = this.diagnostics.get(uri);
        if (current && accept(current)) {
          this.listeners.delete(check);
          clearTimeout(timer);
          resolve(current);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        const last = this.diagnostics.get(uri);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; last (version ${last?.version}): ${JSON.stringify(last?.diagnostics.map((d) => d.code))}\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Sends `message` over the IPC channel (see SessionOptions.ipc) and resolves with the child's next message. */
  ask(message: unknown, timeoutMs = 10_000): Promise<unknown> {
    const child = this.process;
    if (!child.send) return Promise.reject(new Error('the session was started without an IPC channel'));
    return new Promise((resolve, reject) => {
      const answered = (reply: unknown) => {
        clearTimeout(timer);
        resolve(reply);
      };
      const timer = setTimeout(() => {
        child.off('message', answered);
        reject(new Error(`no answer to ${JSON.stringify(message)} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      child.once('message', answered);
      child.send!(message as object);
    });
  }

  forget(uri: string): void {
    this.diagnostics.delete(uri);
  }

  /** Ends the server as a crash would (SIGKILL, no shutdown) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.exit) return;
    const gone = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGKILL');
    await gone;
    this.connection.dispose();
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export type { WorkspaceEdit };
