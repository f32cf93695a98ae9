import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { artifactFolder, isIflowUri, isParametersUri } from '../../server/src/core/analysis/artifact-layout';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { analyseScript } from '../../server/src/core/analysis/analyse-script';
import { isAnalysedScript, scriptLanguage } from '../../server/src/core/analysis/script-layout';
import { readScript } from '../../server/src/core/script/read';
import type { Finding } from '@cpi/common/findings';
import { DiskSource } from '../../server/src/engine/disk-source';
import { OverlaySource } from '../../server/src/engine/overlay-source';
import { utf8 } from '../../server/src/engine/text-decode';
import { EditorConfiguration } from '../../server/src/lsp/configuration';
import { ensureBuilt, fixture, REPO, removeFolder, runJson, tempFolder, write, type JsonFinding } from './support';

// The command line must report what the editor shows. The reference here
// takes the language server's own file access and configuration lookup
// (OverlaySource, EditorConfiguration, no editor settings) and runs the
// core per artifact the way AnalysisService does, and per script the way
// ScriptService does.

const noDocuments = { get: () => undefined, all: () => [] };

async function editorFindings(rootPath: string): Promise<Finding[]> {
  const rootUri = pathToFileURL(rootPath).href;
  const files = new OverlaySource(noDocuments, new DiskSource());
  const configuration = new EditorConfiguration({} as never, files, () => false);
  const read = (uri: string) => {
    const content = files.read(uri, Number.POSITIVE_INFINITY);
    return content === undefined || 'tooLarge' in content ? undefined : 'text' in content ? content.text : utf8(content.bytes);
  };
  configuration.setWorkspaceRoots([rootUri]);

  const artifacts = new Set<string>();
  const scripts: string[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else {
        const uri = pathToFileURL(path).href;
        if (isIflowUri(uri) || isParametersUri(uri)) artifacts.add(artifactFolder(uri));
        else if (scriptLanguage(uri) !== undefined) scripts.push(uri);
      }
    }
  };
  visit(rootPath);

  const findings: Finding[] = [];
  for (const artifact of artifacts) {
    const parametersUri = `${artifact}/parameters.prop`;
    const iflowUris = files
      .artifactFiles(artifact)
      .filter((file) => file.kind === 'iflow')
      .map((file) => file.uri);
    const iflows = [];
    for (const uri of iflowUris) {
      const text = read(uri);
      if (text !== undefined) iflows.push(parseIflow(uri, text));
    }
    const parametersText = read(parametersUri);
    const resolved = await configuration.resolve(iflowUris[0] ?? parametersUri);
    const result = analyseArtifact({
      iflows,
      parameters: parametersText === undefined ? undefined : parseParameters(parametersUri, parametersText),
      config: resolved.config,
      configTarget: resolved.target,
    });
    findings.push(...result.findings);
  }
  for (const uri of scripts) {
    const { config } = await configuration.resolve(uri);
    const text = read(uri);
    if (text === undefined || !isAnalysedScript(config, uri)) continue;
    const iflows = files
      .artifactFiles(artifactFolder(uri))
      .filter((file) => file.kind === 'iflow')
      .map((file) => parseIflow(file.uri, read(file.uri) ?? ''));
    findings.push(...analyseScript({ uri, script: readScript(text, scriptLanguage(uri)!), config, iflows }).findings);
  }
  return findings;
}

const key = (f: { ruleId: string; uri: string; severity: string; message: string; range: Finding['range'] }) =>
  `${f.uri} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${f.severity} ${f.message}`;

function sameAsEditor(cliFindings: readonly JsonFinding[], editor: readonly Finding[]) {
  const contentFindings = cliFindings.filter((f) => /\.(iflw|groovy|gsh|js)$|(^|\/)parameters\.prop$/i.test(f.path));
  assert.deepEqual(contentFindings.map(key).sort(), editor.map(key).sort());
}

describe('cli parity with the editor', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => (root = tempFolder()));
  afterEach(() => removeFolder(root));

  it('examples/: same rules, files, lines, columns, severities and messages as the language server', async function () {
    const examples = join(REPO, 'examples');
    if (!existsSync(examples) || !readdirSync(examples).some((name) => statSync(join(examples, name)).isDirectory())) this.skip();
    cpSync(examples, root, { recursive: true }); // a copy: no configuration above it, and stable while it runs
    const { report } = runJson([], root);
    const editor = await editorFindings(root);
    assert.ok(editor.length > 5, 'the examples should produce findings');
    sameAsEditor(report.findings, editor);
  });

  it('a tree of rule fixtures with configuration, loose and SAP-layout artifacts: same as the language server', async () => {
    const cases = [
      ['cleartext-basic-auth/positive-parameter', ['Order Replication.iflw', 'parameters.prop']],
      ['outbound-port-not-open/positive-parameter', ['Order Replication.iflw', 'parameters.prop']],
      ['outbound-port-not-open/positive-severity-from-config', ['Partner Orders.iflw', '.cpisecurity.json']],
      ['cleartext-http-endpoint/positive-literal', ['Partner Orders.iflw']],
    ] as const;
    for (const [name, files] of cases) for (const file of files) write(root, `loose/${name}/${file}`, fixture(name, file));
    write(root, 'Order/src/main/resources/parameters.prop', fixture('cleartext-basic-auth/positive-parameter', 'parameters.prop'));
    write(
      root,
      'Order/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw',
      fixture('cleartext-basic-auth/positive-parameter', 'Order Replication.iflw'),
    );
    write(
      root,
      '.cpisecurity.json',
      JSON.stringify({
        rules: { 'receiver-auth-none': 'warning' },
        suppressions: [{ rule: 'cleartext-basic-auth', file: 'Order/**', reason: 'parity' }],
      }),
    );
    const { report } = runJson([], root);
    const editor = await editorFindings(root);
    assert.ok(editor.length > 5);
    sameAsEditor(report.findings, editor);
  });
});
