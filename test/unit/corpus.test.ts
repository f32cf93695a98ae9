import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parametersUriFor } from '../../server/src/core/analysis/artifact-layout';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { LineIndex } from '@cpi/common/text/range';
import { CORPUS, filesUnder } from '../support/files';

const iflowFiles = (folder: string) => filesUnder(folder).filter((path) => path.endsWith('.iflw'));

describe('corpus regression', function () {
  before(function () {
    if (!existsSync(CORPUS)) this.skip();
  });

  it('analyses every real iFlow with its parameters without throwing, every finding on a valid range', () => {
    const counts = new Map<string, number>();
    for (const path of iflowFiles(CORPUS)) {
      const uri = pathToFileURL(path).href;
      const text = readFileSync(path, 'utf8');
      const parametersPath = new URL(parametersUriFor(uri));
      const parametersText = existsSync(parametersPath) ? readFileSync(parametersPath, 'utf8') : undefined;
      const parameters = parametersText === undefined ? undefined : parseParameters(parametersPath.href, parametersText);
      const { findings } = analyseArtifact({ iflows: [parseIflow(uri, text)], parameters, config: DEFAULT_CONFIG });
      const lines = { [uri]: new LineIndex(text), ...(parameters ? { [parameters.uri]: new LineIndex(parametersText!) } : {}) };
      for (const finding of findings) {
        const index = lines[finding.uri];
        assert.ok(index, `${finding.ruleId} on a file outside the artifact: ${finding.uri}`);
        const start = index.offsetAt(finding.range.start);
        const end = index.offsetAt(finding.range.end);
        assert.ok(start <= end, `${finding.ruleId} in ${path} has an inverted range`);
        assert.deepEqual(index.positionAt(start), finding.range.start, `${finding.ruleId} in ${path} starts outside the text`);
        assert.deepEqual(index.positionAt(end), finding.range.end, `${finding.ruleId} in ${path} ends outside the text`);
        counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      }
    }
    const summary = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule}=${n}`);
    console.log(`      corpus findings per rule: ${summary.join(', ')}`);
    assert.ok(counts.size > 0, 'the corpus holds insecure settings; finding none means the rules stopped working');
  });

  it('never throws on truncated iFlows', () => {
    for (const path of iflowFiles(CORPUS)) {
      const text = readFileSync(path, 'utf8');
      const uri = pathToFileURL(path).href;
      for (let i = 1; i <= 12; i++) {
        const cut = Math.floor((text.length * i) / 13);
        analyseArtifact({ iflows: [parseIflow(uri, text.slice(0, cut))], config: DEFAULT_CONFIG });
      }
    }
  });
});
