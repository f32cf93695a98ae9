import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ruleCase } from '../support/fixture-cases';

// End-to-end helpers: the tests run the bundled command (server/out/cli.js)
// as a child process over trees written to a temp folder.

export const REPO = join(__dirname, '..', '..');
export const CLI = join(REPO, 'server', 'out', 'cli.js');

/** Builds the bundles once per test run when cli.js is missing or older than a source file. */
export function ensureBuilt(): void {
  if (existsSync(CLI) && newestSource(join(REPO, 'server', 'src')) <= statSync(CLI).mtimeMs) return;
  const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stats = statSync(path);
    newest = Math.max(newest, stats.isDirectory() ? newestSource(path) : stats.mtimeMs);
  }
  return newest;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs with --format json and parses the report. */
export function runJson(args: readonly string[], cwd: string): CliRun & { report: JsonReport } {
  const run = runCli(['--format', 'json', ...args], cwd);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ...run, report };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  path: string;
  uri: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fingerprint: string;
  subject?: string;
  helpUri?: string;
  related: { path: string; line: number; column: number; message?: string }[];
}

export interface JsonNote {
  kind: string;
  severity: string;
  path: string;
  message: string;
  line?: number;
}

export interface JsonReport {
  summary: {
    scannedFiles: number;
    problems: number;
    errors: number;
    warnings: number;
    infos: number;
    suppressed: number;
    notScanned: number;
    knownFindings?: number;
  };
  findings: JsonFinding[];
  suppressed: { finding: JsonFinding; reason: string; expires?: string }[];
  fileErrors: JsonNote[];
  notes: JsonNote[];
}

export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'cpi-cli-'));
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

export function write(root: string, relativePath: string, content: string | Uint8Array): string {
  const path = join(root, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A file of a rule fixture case, e.g. fixture('cleartext-basic-auth/positive-parameter', 'parameters.prop'). */
export function fixture(caseName: string, file: string): string {
  const [ruleId, name] = caseName.split('/');
  return readFileSync(join(ruleCase(ruleId, name), file), 'utf8');
}

export const ORDER_IFLOW = () => fixture('cleartext-basic-auth/positive-parameter', 'Order Replication.iflw');
export const ORDER_PARAMETERS = () => fixture('cleartext-basic-auth/positive-parameter', 'parameters.prop');

/** Where an artifact's files sit in SAP's layout, below `artifact`. */
export const layout = (artifact: string) => ({
  parameters: `${artifact}/src/main/resources/parameters.prop`,
  iflow: (name: string) => `${artifact}/src/main/resources/scenarioflows/integrationflow/${name}.iflw`,
});

/** The Order Replication artifact (Basic over http:// from a parameter: two cleartext-basic-auth errors). */
export function writeOrderArtifact(root: string, artifact = 'Order Replication'): { iflow: string; parameters: string } {
  const paths = layout(artifact);
  return {
    iflow: write(root, paths.iflow('Order Replication'), ORDER_IFLOW()),
    parameters: write(root, paths.parameters, ORDER_PARAMETERS()),
  };
}

/** A receiver channel with Basic authentication to a literal http:// address on port 8443: one cleartext-basic-auth finding. */
export function basicOverHttpChannel(id: string, name: string, address: string): string {
  const property = (key: string, value: string) =>
    `                <ifl:property>\n                    <key>${key}</key>\n                    <value>${value}</value>\n                </ifl:property>\n`;
  return (
    `        <bpmn2:messageFlow id="${id}" name="HTTP" sourceRef="EndEvent_2" targetRef="Participant_ERP">\n` +
    '            <bpmn2:extensionElements>\n' +
    property('ComponentType', 'HTTP') +
    property('Name', name) +
    property('direction', 'Receiver') +
    property('httpAddressWithoutQuery', address) +
    property('authenticationMethod', 'Basic') +
    property('credentialName', 'ERP_USER') +
    property('proxyType', 'default') +
    '            </bpmn2:extensionElements>\n' +
    '        </bpmn2:messageFlow>\n'
  );
}

/** Inserts a channel before the end of the collaboration. */
export function withChannel(iflow: string, channel: string): string {
  const at = iflow.indexOf('    </bpmn2:collaboration>');
  if (at < 0) throw new Error('fixture has no collaboration end');
  return iflow.slice(0, at) + channel + iflow.slice(at);
}

export const ruleIds = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();
