import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Fix } from '@cpi/common/findings';
import { artifactFolder, isIflowUri } from '../../server/src/core/analysis/artifact-layout';
import { isScriptUri } from '../../server/src/core/analysis/script-layout';
import { mergedEdits, safeFixes } from '../../server/src/lsp/code-actions';
import { applyFix } from '../support/apply-edits';
import { analyseFiles, caseFolders, caseRule, loadCase, RULES_DIR } from '../support/fixture-cases';
import { filesUnder } from '../support/files';

// A fix must not trade one finding for another: applying any quick fix
// alone, or "Fix all" (every safe fix of a file at once), to any positive
// fixture or to an artifact of examples/ may only remove findings. A
// finding is new when no finding of its rule about the same subject (the
// channel, else the file) was there before: the Internet receiver to a
// private host must not be "fixed" to https:// that the Cloud Connector
// would then flag, for one.

interface Case {
  readonly name: string;
  readonly files: Map<string, string>;
  readonly folderUri: string;
  readonly configUri?: string;
}

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function fixtureCases(): Case[] {
  return caseFolders(RULES_DIR)
    .filter((folder) => basename(folder).startsWith('positive'))
    .map((folder) => ({
      name: `${caseRule(folder)}/${basename(folder)}`,
      files: loadCase(folder).files,
      folderUri: pathToFileURL(folder).href,
    }));
}

/** Each artifact of examples/ with its parameters and scripts, under the workspace's configuration. */
function exampleCases(): Case[] {
  const configPath = join(EXAMPLES, '.cpisecurity.json');
  const configUri = pathToFileURL(configPath).href;
  const artifacts = new Map<string, Map<string, string>>();
  for (const path of filesUnder(EXAMPLES)) {
    const uri = pathToFileURL(path).href;
    if (!isIflowUri(uri)) continue;
    const folder = artifactFolder(uri);
    const files = artifacts.get(folder) ?? new Map([[configUri, readFileSync(configPath, 'utf8')]]);
    files.set(uri, readFileSync(path, 'utf8'));
    const parameters = join(new URL(folder).pathname.split('/').map(decodeURIComponent).join('/'), 'parameters.prop');
    if (existsSync(parameters)) files.set(`${folder}/parameters.prop`, readFileSync(parameters, 'utf8'));
    artifacts.set(folder, files);
  }
  // the scripts of each artifact, which its iFlows' Script steps run
  for (const path of filesUnder(EXAMPLES)) {
    const uri = pathToFileURL(path).href;
    if (!isScriptUri(uri)) continue;
    const folder = [...artifacts.keys()].find((candidate) => uri.startsWith(`${candidate}/`));
    if (folder) artifacts.get(folder)!.set(uri, readFileSync(path, 'utf8'));
  }
  return [...artifacts].map(([folder, files]) => ({
    name: `examples/${relative(EXAMPLES, decodeURIComponent(new URL(folder).pathname))}`,
    files,
    folderUri: folder,
    configUri,
  }));
}

function key(finding: Finding): string {
  return `${finding.ruleId} on ${finding.subject ?? finding.uri}`;
}

function analyse(test: Case, files: Map<string, string>): readonly Finding[] {
  return analyseFiles(files, test.folderUri, test.configUri).findings;
}

function newFindings(before: readonly Finding[], after: readonly Finding[]): string[] {
  const known = new Set(before.map(key));
  return [...new Set(after.map(key).filter((k) => !known.has(k)))];
}

describe('fixes bring no new findings', () => {
  const cases = [...fixtureCases(), ...exampleCases()];
  it('covers the positive fixtures and the examples', () => {
    assert.ok(
      cases.some((test) => test.name.startsWith('examples/')),
      'no artifact found under examples/',
    );
    assert.ok(
      cases.some((test) => test.name.startsWith('examples/') && [...test.files.keys()].some(isScriptUri)),
      'no example artifact with its scripts',
    );
    assert.ok(cases.length > 50, `only ${cases.length} cases`);
  });

  for (const test of cases) {
    it(test.name, () => {
      const before = analyse(test, test.files);
      const problems: string[] = [];
      const tryFix = (fix: Fix, what: string) => {
        const added = newFindings(before, analyse(test, applyFix(test.files, fix)));
        if (added.length > 0) problems.push(`${what} brings ${added.join(', ')}`);
      };
      for (const finding of before) for (const fix of finding.fixes) tryFix(fix, `"${fix.title}" (${key(finding)})`);
      for (const uri of new Set(before.map((finding) => finding.uri))) {
        const chosen = safeFixes(before.filter((finding) => finding.uri === uri));
        if (chosen.length === 0) continue;
        tryFix(
          { title: 'Fix all', edits: mergedEdits(chosen) },
          `Fix all in ${decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))} (${chosen.map((fix) => fix.title).join('; ')})`,
        );
      }
      assert.deepEqual(problems, []);
    });
  }

  it('advise the Cloud Connector, never https://, for a channel to a private host', () => {
    for (const test of cases) {
      const findings = analyse(test, test.files);
      const privateSubjects = new Set(
        findings.filter((finding) => finding.ruleId === 'private-host-via-internet').map((finding) => finding.subject),
      );
      for (const finding of findings.filter((candidate) => privateSubjects.has(candidate.subject))) {
        assert.doesNotMatch(finding.message, /Use https:\/\//, `${test.name}: ${finding.ruleId}`);
        assert.deepEqual(
          finding.fixes.filter((fix) => /https:\/\//.test(fix.title)).map((fix) => fix.title),
          [],
          `${test.name}: ${finding.ruleId}`,
        );
      }
    }
  });

  it('Fix all sets the Document Archive receiver to On-Premise and keeps http://, which ends both findings', () => {
    const test = cases.find((candidate) => candidate.name.includes('Legacy_Invoice_Dispatch'));
    assert.ok(test, 'the Legacy Invoice Dispatch example is missing');
    const before = analyse(test, test.files);
    const iflowUri = [...test.files.keys()].find((uri) => uri.endsWith('.iflw'))!;
    const onArchive = (findings: readonly Finding[]) =>
      findings
        .filter((finding) => finding.message.includes('"Document Archive"'))
        .map((finding) => finding.ruleId)
        .sort();
    assert.deepEqual(onArchive(before), ['cleartext-basic-auth', 'private-host-via-internet', 'private-host-via-internet']);
    const fixed = applyFix(test.files, {
      title: 'Fix all',
      edits: mergedEdits(safeFixes(before.filter((finding) => finding.uri === iflowUri))),
    });
    assert.deepEqual(onArchive(analyse(test, fixed)), []);
    assert.match(fixed.get(iflowUri)!, /<value>http:\/\/\{\{Archive Host\}\}:8080\/archive\/invoices<\/value>/);
  });
});
