// The demo workspace (a copy of examples/) as the tests see it: where its
// files are and which findings the repository expects on them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './diagnostics';

export const ARTIFACTS = {
  webshop: 'Kestrel_Webshop_Order_Intake',
  carrier: 'Kestrel_Carrier_Shipment_Exchange',
  legacy: 'Kestrel_Legacy_Invoice_Dispatch',
  mail: 'Kestrel_Customer_Service_Mail',
  bank: 'Kestrel_Bank_Statement_Import',
} as const;

export const IFLOW_NAMES: Record<keyof typeof ARTIFACTS, string> = {
  webshop: 'Webshop Order Intake',
  carrier: 'Carrier Shipment Exchange',
  legacy: 'Legacy Invoice Dispatch',
  mail: 'Customer Service Mail Routing',
  bank: 'Bank Statement Import',
};

/** One entry of test/fixtures/examples-expected.json (line and column are 1-based). */
export interface ExpectedFinding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e window has no workspace folder');
  return folder.uri;
}

export function exampleUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function iflowPath(artifact: keyof typeof ARTIFACTS): string {
  return `${ARTIFACTS[artifact]}/src/main/resources/scenarioflows/integrationflow/${IFLOW_NAMES[artifact]}.iflw`;
}

export function parametersPath(artifact: keyof typeof ARTIFACTS): string {
  return `${ARTIFACTS[artifact]}/src/main/resources/parameters.prop`;
}

/** The artifact whose Script steps run the demo's scripts. */
export const SCRIPT_ARTIFACT = 'Kestrel_Supplier_Catalog_Sync';

/** Path of one of its scripts (`FetchPortalPrices.groovy`, `convertUnits.js`, ...). */
export function scriptPath(fileName: string): string {
  return `${SCRIPT_ARTIFACT}/src/main/resources/script/${fileName}`;
}

/** True when the workspace is the demo package (CPI_E2E_WORKSPACE may point elsewhere). */
export function hasExamples(): boolean {
  return fs.existsSync(exampleUri(iflowPath('legacy')).fsPath);
}

/** The repository's list of expected findings; the extension under test is the repository. */
export function expectedFindings(): ExpectedFinding[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const file = path.join(extension.extensionPath, 'test', 'fixtures', 'examples-expected.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ExpectedFinding[];
}

export function expectedFor(relative: string): ExpectedFinding[] {
  return expectedFindings().filter((finding) => finding.file === relative);
}

export const SEVERITIES: Record<ExpectedFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Path of the e2e fixture iFlow inside its artifact folder. */
export const FIXTURE_IFLOW = ['src', 'main', 'resources', 'scenarioflows', 'integrationflow', 'cleartext_receiver.iflw'];

/** A fresh copy of the e2e fixture artifact (e2e-fixtures/Cleartext Receiver) under a new name; the caller deletes it. */
export async function copyFixtureArtifact(name: string): Promise<vscode.Uri> {
  const fixtures = vscode.Uri.joinPath(workspaceRoot(), 'e2e-fixtures');
  const copy = vscode.Uri.joinPath(fixtures, `${name} ${Date.now()}`);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(fixtures, 'Cleartext Receiver'), copy);
  return copy;
}
