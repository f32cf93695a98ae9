// Entry point: starts the language server and sets up the views, commands
// and status. Activation stays cheap: the server starts in the background and
// nothing waits for it except the returned API's `ready`.
// './api' stays the first import: it records when the bundle began to evaluate (activationMs).
import { bundleStartedAt, createApi, type CpiSecurityApi } from './api';
import * as vscode from 'vscode';
import { openBinaryCertificatesAsDetails } from './certificates/binary-certificate-tabs';
import { CertificateDetailsEditor } from './certificates/certificate-details-editor';
import { registerCommands } from './commands';
import { trackIntegrationContent } from './content-context';
import { registerDocsProvider } from './docs/docs-provider';
import { FaqView } from './faq/faq-view';
import { FindingsView } from './findings/findings-view';
import { registerFixOnSave } from './fix-all';
import { RulesView } from './rules/rules-view';
import { ServerConnection } from './server-connection';
import { createStatusItem } from './status/status-item';
import { TenantFileSystem } from './tenants/tenant-file-system';
import { TenantSession } from './tenants/tenant-session';
import { createTenantStatus } from './tenants/tenant-status';
import { addDemoTenant } from './tenants/demo-tenant';
import { TenantStore } from './tenants/tenant-store';
import { TenantsView } from './tenants/tenants-view';

let server: ServerConnection | undefined;

export function activate(context: vscode.ExtensionContext): CpiSecurityApi {
  const log = vscode.window.createOutputChannel('CPI Security Lint', { log: true });
  server = new ServerConnection(context, log);
  const faq = new FaqView();
  const rules = new RulesView(server);
  const findings = new FindingsView();
  const tenants = new TenantSession(server, new TenantStore(context));
  const tenantsView = new TenantsView(tenants);
  const certificateDetails = CertificateDetailsEditor.register(server, log);
  context.subscriptions.push(
    log,
    server,
    faq,
    rules,
    findings,
    tenants,
    tenantsView,
    TenantFileSystem.register(tenants),
    createTenantStatus(tenants),
    registerDocsProvider(),
    createStatusItem(server),
    trackIntegrationContent(),
    registerFixOnSave(log),
    certificateDetails.disposable,
    openBinaryCertificatesAsDetails(log),
    ...registerCommands({ extension: context, server, log, faq, rules, findings, tenants, tenantsView }),
  );
  const ready = server.start().then(() => rules.refresh());
  void ready
    .then(() => addDemoTenant(tenants, log))
    .then(
      () => tenantsView.refresh(),
      () => undefined,
    );
  // Failures are logged by the connection; keep them from surfacing as unhandled.
  ready.catch(() => undefined);
  return createApi({ faq, rules, findings, certificateDetails: certificateDetails.provider }, ready, performance.now() - bundleStartedAt);
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
