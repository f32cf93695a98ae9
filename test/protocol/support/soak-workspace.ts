import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCase } from '../../support/fixture-cases';

// The soak test's workspace: two artifacts in the real layout, each with two
// iFlows and one parameters.prop, plus a certificate file, all built from the
// project's own examples and rule fixtures so that many rules fire.

const REPO = join(__dirname, '..', '..', '..');
const EXAMPLES = join(REPO, 'examples');

export type SoakKind = 'iflow' | 'parameters' | 'certificate';

export interface SoakFile {
  readonly uri: string;
  readonly path: string;
  readonly kind: SoakKind;
  readonly languageId: string;
  /** The text written to disk at the start. */
  readonly text: string;
  /** Index of its artifact (iFlows and parameters); files of one artifact are analysed together. */
  readonly artifact?: number;
}

const example = (artifact: string, file: string) => readFileSync(join(EXAMPLES, artifact, 'src', 'main', 'resources', file), 'utf8');
const exampleFlow = (artifact: string, name: string) => example(artifact, `scenarioflows/integrationflow/${name}.iflw`);
const rule = (id: string, fixture: string, file: string) => readFileSync(join(ruleCase(id, fixture), file), 'utf8');

/** Two parameter files as one: each file's lines without its timestamp comment. */
function mergedParameters(...texts: string[]): string {
  const entries = texts.flatMap((text) => text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#')));
  return ['#Thu Nov 27 10:00:00 UTC 2025', ...entries, ''].join('\n');
}

export function makeSoakWorkspace(): { root: string; rootUri: string; files: SoakFile[] } {
  const root = mkdtempSync(join(tmpdir(), 'cpi-soak-'));
  const files: SoakFile[] = [];
  const add = (relative: string, kind: SoakKind, text: string, artifact?: number) => {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    const languageId = kind === 'iflow' ? 'cpi-iflow' : kind === 'parameters' ? 'cpi-parameters' : 'plaintext';
    files.push({ uri: pathToFileURL(path).href, path, kind, languageId, text, artifact });
  };
  const artifacts = [
    {
      name: 'Alpha Dispatch',
      flows: {
        'Legacy Invoice Dispatch': exampleFlow('Kestrel_Legacy_Invoice_Dispatch', 'Legacy Invoice Dispatch'),
        'Order Replication': rule('cleartext-basic-auth', 'positive-parameter', 'Order Replication.iflw'),
      },
      parameters: mergedParameters(
        example('Kestrel_Legacy_Invoice_Dispatch', 'parameters.prop'),
        rule('cleartext-basic-auth', 'positive-parameter', 'parameters.prop'),
      ),
    },
    {
      name: 'Beta Service',
      flows: {
        'Customer Service Mail Routing': exampleFlow('Kestrel_Customer_Service_Mail', 'Customer Service Mail Routing'),
        'Bank Statement Import': exampleFlow('Kestrel_Bank_Statement_Import', 'Bank Statement Import'),
      },
      parameters: mergedParameters(
        example('Kestrel_Customer_Service_Mail', 'parameters.prop'),
        example('Kestrel_Bank_Statement_Import', 'parameters.prop'),
      ),
    },
  ];
  artifacts.forEach((artifact, index) => {
    const resources = `${artifact.name}/src/main/resources`;
    for (const [name, text] of Object.entries(artifact.flows))
      add(`${resources}/scenarioflows/integrationflow/${name}.iflw`, 'iflow', text, index);
    add(`${resources}/parameters.prop`, 'parameters', artifact.parameters, index);
  });
  // an expired certificate and a wildcard one in one file
  const certificates = ['outbound/old-carrier-api.pem', 'inbound/warehouse-clients.pem'].map((file) =>
    readFileSync(join(EXAMPLES, 'certificates', file), 'utf8'),
  );
  add('certificates/partners.pem', 'certificate', certificates.join(''));
  return { root, rootUri: pathToFileURL(root).href, files };
}
