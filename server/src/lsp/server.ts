import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisService } from './analysis-service';
import { codeActionsFor } from './code-actions';
import { ConfigurationResolver } from './configuration';
import { WorkspaceFiles } from './files';

/** Wires LSP requests to the analysis; all logic lives in the modules it calls. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const files = new WorkspaceFiles(documents);
  let canPullSettings = false;
  let canRegisterConfigurationChange = false;
  const configuration = new ConfigurationResolver(connection, files, () => canPullSettings);
  const analysis = new AnalysisService(connection, documents, files, configuration);

  connection.onInitialize((params): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configuration.setWorkspaceRoots(roots);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cpi-security-lint' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cpiSecurity' });
    connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
      void event;
      void connection.workspace.getWorkspaceFolders().then((folders) => configuration.setWorkspaceRoots((folders ?? []).map((f) => f.uri)));
    });
  });

  documents.onDidOpen((event) => analysis.changed(event.document.uri, true));
  documents.onDidChangeContent((event) => analysis.changed(event.document.uri));
  documents.onDidClose((event) => {
    analysis.closed(event.document.uri);
    if (event.document.uri.endsWith('/.cpisecurity.json')) analysis.changedEverything();
  });
  connection.onDidChangeConfiguration(() => analysis.changedEverything());
  connection.onDidChangeWatchedFiles((event) => {
    for (const change of event.changes) {
      if (change.type === FileChangeType.Deleted) analysis.closed(change.uri);
      analysis.changed(change.uri);
    }
  });

  connection.onCodeAction((params) => codeActionsFor(params, analysis.findingsFor(params.textDocument.uri), documents));

  documents.listen(connection);
  connection.listen();
}
