import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type RequestType,
} from 'vscode-languageserver';
import { isCertificateUri } from '../core/analysis/analyse-certificate';
import { isConfigUri } from '../core/analysis/artifact-layout';
import { AnalysisService } from './analysis-service';
import { ScriptService } from './script-service';
import { artifactFolder, isIflowUri } from '../core/analysis/artifact-layout';
import { CertificateService } from './certificate-service';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions';
import { EditorConfiguration } from './configuration';
import { DocumentSizes } from './document-sizes';
import { EditTimingLog } from './edit-timings';
import { DiskSource } from '../engine/disk-source';
import { OverlaySource } from '../engine/overlay-source';
import { canonicalUri } from '../engine/uri';
import { hoverFor } from './hover';
import { effectiveRulesAt } from './rules-request';
import { relativePath } from '../core/config/globs';
import {
  CertificateDetailsRequest,
  EditTimingsRequest,
  EffectiveRulesRequest,
  ReanalyseRequest,
  ScanWorkspaceRequest,
  StatusNotification,
} from '@cpi/common/protocol';
import { WorkspaceScan } from './workspace-scan';
import {
  isTenantUri,
  TenantArtifactFilesRequest,
  TenantArtifactsRequest,
  TenantConnectRequest,
  TenantDisconnectRequest,
  TenantDownloadRequest,
  TenantFileRequest,
  TenantPackagesRequest,
  TenantScanRequest,
} from '@cpi/common/tenant-protocol';
import { TenantService } from './tenant/tenant-service';
import { tenantCodeActions } from './tenant/tenant-code-actions';
import { maskedAnswer, maskUncaught } from './tenant/unexpected-failure';

/** Wires LSP requests to the analysis; all logic lives in the modules it calls. */
export function startServer(connection: Connection): void {
  const timings = new EditTimingLog();
  const sizes = new DocumentSizes();
  const documents = new TextDocuments(timings.documents(sizes.documents()));
  const source = new OverlaySource(documents, new DiskSource(), sizes);
  let canPullSettings = false;
  let canRegisterConfigurationChange = false;
  let hasWorkspaceFolders = false;
  const configuration = new EditorConfiguration(connection, source, () => canPullSettings);
  const analysis = new AnalysisService(
    connection,
    documents,
    source,
    configuration,
    () => void connection.sendNotification(StatusNotification.type, { ...analysis.stats }),
    timings,
  );

  const certificates = new CertificateService(connection, documents, source, configuration);
  const scripts = new ScriptService(connection, documents, source, configuration, () => {
    void connection.sendNotification(StatusNotification.type, { ...analysis.stats });
  });
  const workspaceScan = new WorkspaceScan(connection, documents, configuration);
  const tenants = new TenantService(connection, configuration);
  // what tenant work did not expect is written out with the tenants' secrets masked
  maskUncaught(tenants.redact);
  const tenantAnswer = <R>(method: string, work: () => R | Promise<R>) => maskedAnswer(connection, tenants.redact, method, work);
  /** A tenant request whose failures are answered and logged masked, named by its method. */
  const onTenantRequest = <P, R>(type: RequestType<P, R, void>, handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    connection.onRequest(type, (params, token) => tenantAnswer(type.method, () => handler(params, token)));
  const findingsFor = (uri: string) =>
    isCertificateUri(uri)
      ? certificates.findingsFor(uri)
      : ScriptService.handles(uri)
        ? scripts.findingsFor(uri)
        : analysis.findingsFor(uri);
  /** An iFlow changed: the open scripts of its artifact name it as related information. */
  const iflowChanged = (uri: string) => {
    if (isIflowUri(uri)) scripts.artifactChanged(artifactFolder(canonicalUri(uri)));
  };

  connection.onInitialize((params): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configuration.setWorkspaceRoots(roots);
    // `analysisDelayMs`: a fixed delay after every edit. Without it, an edit is
    // analysed at once while its artifact's analyses are quick, after a pause
    // in the typing otherwise (analysis-delay.ts); editors need not send it.
    const delay = (params.initializationOptions as { analysisDelayMs?: unknown } | undefined)?.analysisDelayMs;
    if (typeof delay === 'number') {
      analysis.setDebounce(delay);
      scripts.setDebounce(delay);
    }
    // `editTimings`: keep the stages of each analysis for EditTimingsRequest (the benchmark's breakdown)
    if ((params.initializationOptions as { editTimings?: unknown } | undefined)?.editTimings === true) timings.enable();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cpi-security-lint' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cpiSecurity' });
    // Problems lists the workspace's findings without a file being opened (setting cpiSecurity.scanOnStartup)
    workspaceScan.scanAtStart().catch((error: unknown) => connection.console.error(`Workspace scan at start failed: ${String(error)}`));
    // asking a client without workspace folders for their changes throws
    if (hasWorkspaceFolders)
      connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
        void event;
        void connection.workspace
          .getWorkspaceFolders()
          .then((folders) => configuration.setWorkspaceRoots((folders ?? []).map((f) => f.uri)));
      });
  });

  // Configuration or settings changed: everything open is analysed again.
  const everything = () => {
    analysis.changedEverything();
    certificates.changedEverything();
    scripts.changedEverything();
    workspaceScan.changed();
  };
  // A tenant file shows the findings of the tenant's last scan (its parameters
  // as configured there, its security material): no live analysis of it.
  documents.onDidOpen(({ document }) => {
    if (isTenantUri(document.uri)) return;
    if (isCertificateUri(document.uri)) certificates.changed(document, true);
    else if (ScriptService.handles(document.uri)) scripts.changed(document, true);
    else analysis.changed(document.uri, true);
  });
  documents.onDidChangeContent(({ document }) => {
    if (isTenantUri(document.uri)) return;
    if (isCertificateUri(document.uri)) certificates.changed(document);
    else if (ScriptService.handles(document.uri)) scripts.changed(document);
    else if (isConfigUri(document.uri)) everything();
    else {
      analysis.changed(document.uri);
      iflowChanged(document.uri);
    }
  });
  documents.onDidClose(({ document }) => {
    if (isTenantUri(document.uri)) return;
    if (isCertificateUri(document.uri)) certificates.closed(document.uri);
    else if (ScriptService.handles(document.uri)) scripts.closed(document.uri);
    else {
      analysis.closed(document.uri);
      iflowChanged(document.uri);
    }
    workspaceScan.changed(); // a closed file falls back to the workspace results
    // the file on disk counts again instead of the editor's unsaved text
    if (isConfigUri(document.uri)) everything();
  });
  connection.onDidChangeConfiguration(everything);
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (isConfigUri(change.uri)) everything();
      else if (ScriptService.handles(change.uri))
        continue; // an open script is the editor's text; a closed one shows nothing
      else if (change.type === FileChangeType.Deleted) analysis.closed(change.uri);
      else analysis.changed(change.uri);
      iflowChanged(change.uri);
    }
    workspaceScan.changed();
  });

  connection.onCodeAction(async (params) => {
    if (isTenantUri(params.textDocument.uri))
      return tenantAnswer('textDocument/codeAction', () =>
        tenantCodeActions(params, tenants.findingsFor(params.textDocument.uri), tenants.artifactOf(params.textDocument.uri)),
      );
    const resolved = await configuration.resolve(params.textDocument.uri);
    const configFolder = resolved.target.uri.slice(0, resolved.target.uri.lastIndexOf('/'));
    const suppression = {
      configUri: resolved.target.uri,
      fileGlob: (uri: string) => relativePath(configFolder, canonicalUri(uri)) ?? `**/${uri.slice(uri.lastIndexOf('/') + 1)}`,
    };
    return codeActionsFor(params, findingsFor(params.textDocument.uri), documents, suppression);
  });
  connection.onHover((params) =>
    isTenantUri(params.textDocument.uri)
      ? tenantAnswer('textDocument/hover', () => tenants.hover(params.textDocument.uri, params.position))
      : isCertificateUri(params.textDocument.uri)
        ? certificates.hover(params.textDocument.uri, params.position)
        : hoverFor(params, analysis, scripts),
  );
  connection.onCodeLens((params) => certificates.codeLenses(params.textDocument.uri));
  connection.onRequest(EffectiveRulesRequest.type, (params) => effectiveRulesAt(params.uri, configuration));
  connection.onRequest(CertificateDetailsRequest.type, ({ uri }) => certificates.details(uri));
  connection.onRequest(EditTimingsRequest.type, ({ uri }) => timings.timingsOf(uri));
  connection.onShutdown(() => timings.dispose());
  connection.onRequest(ScanWorkspaceRequest.type, () => workspaceScan.scan());
  onTenantRequest(TenantConnectRequest.type, ({ serviceKey, resultsFolder }) => tenants.connect(serviceKey, resultsFolder));
  onTenantRequest(TenantDisconnectRequest.type, ({ host }) => tenants.disconnect(host));
  onTenantRequest(TenantPackagesRequest.type, ({ host }) => tenants.packages(host));
  onTenantRequest(TenantArtifactsRequest.type, ({ host, packageId }) => tenants.artifacts(host, packageId));
  onTenantRequest(TenantArtifactFilesRequest.type, ({ uri }) => tenants.artifactFiles(uri));
  onTenantRequest(TenantFileRequest.type, ({ uri }) => tenants.fileText(uri));
  onTenantRequest(TenantDownloadRequest.type, ({ uri, folder }) => tenants.download(uri, folder));
  onTenantRequest(TenantScanRequest.type, (params, token) => tenants.scan(params, token));
  connection.onRequest(ReanalyseRequest.type, async () => {
    everything();
    await analysis.settle();
    await scripts.settle();
  });

  documents.listen(connection);
  connection.listen();
}
