import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArtifact, type ArtifactResult } from '../../server/src/core/analysis/analyse-artifact';
import { analyseCertificateFile, isCertificateUri } from '../../server/src/core/analysis/analyse-certificate';
import { analyseScript } from '../../server/src/core/analysis/analyse-script';
import { scriptLanguage } from '../../server/src/core/analysis/script-layout';
import { readScript } from '../../server/src/core/script/read';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { configTarget } from '../../server/src/core/config/target';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { parseConfig } from '../../server/src/core/config/parse';
import { aliasUsage, analyseSecurityMaterial } from '../../server/src/core/tenant/analyse-material';
import { parseMaterialJson } from './fixture-material';

/** Fixed "today" so suppression expiry in fixtures never depends on the calendar. */
export const FIXTURE_TODAY = new Date('2026-06-01T12:00:00Z');

/** Where the rules live, each in its folder with its cases under `fixtures/`. */
export const RULES_DIR = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules');

/** The folder of one case of a rule. */
export function ruleCase(ruleId: string, caseName: string): string {
  return join(RULES_DIR, ruleId, 'fixtures', caseName);
}

/** The rule a case folder belongs to. */
export function caseRule(folder: string): string {
  return basename(dirname(dirname(folder)));
}

/**
 * One fixture case folder: `*.iflw` files, optional `parameters.prop` and
 * `.cpisecurity.json` beside them (loose artifact layout), PEM certificate
 * and key files, Groovy (`.groovy`, `.gsh`) and JavaScript (`.js`) scripts,
 * and `expected.json` listing the findings of the rule under test. A script
 * is analysed as one of an artifact: the case's iFlows whose Script step
 * names it are its related information.
 */
export interface FixtureCase {
  readonly name: string;
  readonly folder: string;
  readonly files: Map<string, string>; // uri -> text
}

export interface ExpectedFinding {
  rule: string;
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  severity?: string;
  endLine?: number;
  endColumn?: number;
}

export function loadCase(folder: string): FixtureCase {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    if (name === 'expected.json' || name === 'README.md') continue;
    const path = join(folder, name);
    if (statSync(path).isFile()) files.set(pathToFileURL(path).href, readFileSync(path, 'utf8'));
  }
  return { name: folder.split('/').slice(-2).join('/'), folder, files };
}

/** Every case folder `<root>/<rule-id>/fixtures/<case>/`. */
export function caseFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((rule) => join(root, rule, 'fixtures'))
    .filter((fixtures) => existsSync(fixtures))
    .flatMap((fixtures) =>
      readdirSync(fixtures)
        .filter((name) => statSync(join(fixtures, name)).isDirectory())
        .map((name) => join(fixtures, name)),
    )
    .sort();
}

/**
 * Analyses the files of a case exactly as the language server would an
 * artifact, its scripts and its certificate files. The configuration is the
 * case's own `.cpisecurity.json` unless `configUri` names another of `files`.
 */
export function analyseFiles(files: Map<string, string>, folderUri: string, configUri = `${folderUri}/.cpisecurity.json`): ArtifactResult {
  const iflows = [...files].filter(([uri]) => uri.endsWith('.iflw')).map(([uri, text]) => parseIflow(uri, text));
  const parametersUri = `${folderUri}/parameters.prop`;
  const parametersText = files.get(parametersUri);
  const configText = files.get(configUri);
  const config = configText === undefined ? { ...DEFAULT_CONFIG, root: folderUri } : parseConfig(configText, configUri).config;
  const parameters = parametersText === undefined ? undefined : parseParameters(parametersUri, parametersText);
  const materialText = files.get(`${folderUri}/material.json`);
  const securityMaterial = materialText === undefined ? undefined : parseMaterialJson(materialText);
  const artifact = analyseArtifact({
    iflows,
    parameters,
    config,
    configTarget: configTarget(configUri, configText),
    today: FIXTURE_TODAY,
    securityMaterial,
  });
  const certificates = [...files]
    .filter(([uri]) => isCertificateUri(uri))
    .map(([uri, text]) => analyseCertificateFile({ uri, bytes: Buffer.from(text, 'utf8'), config, now: FIXTURE_TODAY }));
  const scripts = [...files].flatMap(([uri, text]) => {
    const language = scriptLanguage(uri);
    return language ? [analyseScript({ uri, script: readScript(text, language), config, iflows, today: FIXTURE_TODAY })] : [];
  });
  // material.json: the tenant's security material (fixture-material.ts); findings on it sit on cpi-tenant:// URIs
  const material = securityMaterial
    ? [analyseSecurityMaterial(securityMaterial, aliasUsage([{ iflows, parameters }]), config, FIXTURE_TODAY)]
    : [];
  const others = [...certificates, ...scripts, ...material];
  return {
    findings: [...artifact.findings, ...others.flatMap((result) => result.findings)],
    suppressed: [...artifact.suppressed, ...others.flatMap((result) => result.suppressed)],
    ruleFailures: [...artifact.ruleFailures, ...others.flatMap((result) => result.ruleFailures)],
  };
}
