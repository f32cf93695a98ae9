import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCase } from '../../support/fixture-cases';
import { LspSession } from './lsp-session';

const CASE = ruleCase('cleartext-basic-auth', 'positive-parameter');
export const IFLOW_TEXT = readFileSync(join(CASE, 'Order Replication.iflw'), 'utf8');
export const PARAMETERS_TEXT = readFileSync(join(CASE, 'parameters.prop'), 'utf8');

/** A workspace with one artifact in the real layout, on disk. */
export function makeWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'cpi-lsp-'));
  const resources = join(root, 'Order Replication', 'src', 'main', 'resources');
  const flows = join(resources, 'scenarioflows', 'integrationflow');
  mkdirSync(flows, { recursive: true });
  const iflowPath = join(flows, 'Order Replication.iflw');
  const parametersPath = join(resources, 'parameters.prop');
  writeFileSync(iflowPath, IFLOW_TEXT);
  writeFileSync(parametersPath, PARAMETERS_TEXT);
  return {
    root,
    rootUri: pathToFileURL(root).href,
    iflowUri: pathToFileURL(iflowPath).href,
    parametersUri: pathToFileURL(parametersPath).href,
    configPath: join(root, '.cpisecurity.json'),
    configUri: pathToFileURL(join(root, '.cpisecurity.json')).href,
  };
}

export const has = (rule: string) => (diagnostics: { code?: number | string }[]) => diagnostics.some((d) => d.code === rule);
export const lacks = (rule: string) => (diagnostics: { code?: number | string }[]) => !diagnostics.some((d) => d.code === rule);

/** A fresh server and workspace for every test of the calling suite. */
export function useWorkspaceSession(): { session: LspSession; ws: ReturnType<typeof makeWorkspace> } {
  const state = {} as { session: LspSession; ws: ReturnType<typeof makeWorkspace> };
  beforeEach(async () => {
    state.ws = makeWorkspace();
    state.session = new LspSession();
    await state.session.initialize(state.ws.rootUri);
  });
  afterEach(async () => {
    await state.session.shutdown();
    rmSync(state.ws.root, { recursive: true, force: true });
  });
  return state;
}
