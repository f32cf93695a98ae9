import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '@cpi/common/findings';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { RULE_CHECKS } from '../../server/src/core/rules/registry.generated';
import { readScript } from '../../server/src/core/script/read';

// The rules on risky code in scripts (XXE, evaluated code, log attachments,
// switched-off TLS checks, plain-HTTP targets) over the real scripts next to
// the repository (never copied into it; absent on most machines): none
// throws, and verdicts checked by reading the scripts stay as they are.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'scripts');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(groovy|gsh|js)$/.test(name))
      .sort()
  : [];

const RULES = ['script-xxe', 'script-eval', 'script-mpl-attachment', 'script-tls-verification-off', 'script-cleartext-url'];

interface Hit {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly severity?: Severity;
}

/** Findings (rule, 1-based lines, severity when it varies) expected in one script, by the end of its path. */
interface Verdict {
  readonly file: string;
  readonly rule: string;
  readonly lines: readonly number[];
  readonly severity?: Severity;
  readonly why: string;
}

const VERDICTS: readonly Verdict[] = [
  {
    file: 'fc5c2ae09e9d4777a6b0f86f9bddb863_content.unzip/src/main/resources/script/InitData.groovy',
    rule: 'script-eval',
    lines: [99, 110],
    why: 'Eval.me("[$picklistMapping]") turns property text into a Groovy list',
  },
  {
    file: '018c99171a3b4b29b8d2a0c0786f870b_content.unzip/src/main/resources/script/Credentials.groovy',
    rule: 'script-xxe',
    lines: [12],
    why: 'an XmlSlurper with disallow-doctype-decl set to false',
  },
  {
    file: '8803e7cb826b4dae956363ffe110a5ab_content.unzip/src/main/resources/script/setPaymentHashmap.groovy',
    rule: 'script-xxe',
    lines: [],
    why: 'the DocumentBuilderFactory is hardened right after it is created',
  },
  {
    file: 'eb9cac48bd874874aa88cff7b4a57c71_content.unzip/src/main/resources/script/logging.groovy',
    rule: 'script-mpl-attachment',
    lines: [11, 26],
    severity: 'information',
    why: 'both attachments sit behind the externalized switch P_EnableLogging (and a null guard)',
  },
  {
    file: 'Command Message - Invoking a BAPI.zip.unzip/src/main/resources/script/Log.groovy',
    rule: 'script-mpl-attachment',
    lines: [6],
    severity: 'warning',
    why: 'the whole body is attached on every run',
  },
  {
    file: '9878e4770e714fa5a01ddd7b9ebf1f93_content.unzip/src/main/resources/script/script2.groovy',
    rule: 'script-mpl-attachment',
    lines: [16],
    severity: 'warning',
    why: 'if (messageLog != null) only guards against a missing log: no switch',
  },
];

describe('risky-code script rules over the script corpus', function () {
  this.timeout(120_000);
  const hits: Hit[] = [];

  before(function () {
    if (files.length === 0) this.skip();
    for (const file of files) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const script = readScript(text, file.endsWith('.js') ? 'javascript' : 'groovy');
      for (const { meta, checks } of RULE_CHECKS) {
        if (!RULES.includes(meta.id) || !checks.script) continue;
        const context = { config: DEFAULT_CONFIG, uri: `file:///${file}`, fileName: path.basename(file), language: script.language };
        // A throwing rule fails here, naming the script.
        try {
          checks.script.check(
            script,
            (found) =>
              hits.push({
                rule: meta.id,
                file,
                line: script.lines.positionAt(found.at.start).line + 1,
                severity: found.severity ?? meta.defaultSeverity,
              }),
            context,
          );
        } catch (error) {
          throw new Error(`${meta.id} threw on ${file}: ${String(error)}`);
        }
      }
    }
  });

  for (const verdict of VERDICTS) {
    it(`${verdict.rule} on …${verdict.file.slice(-60)}: ${verdict.why}`, function () {
      const file = files.find((name) => name.endsWith(verdict.file));
      if (!file) this.skip();
      const found = hits.filter((hit) => hit.rule === verdict.rule && hit.file === file);
      assert.deepEqual(
        found.map((hit) => hit.line),
        verdict.lines,
      );
      if (verdict.severity) for (const hit of found) assert.equal(hit.severity, verdict.severity);
    });
  }

  it('finds no switched-off TLS checks and no plain-HTTP connection targets (the corpus has neither: its http:// literals are namespaces, features and comments)', () => {
    assert.deepEqual(
      hits.filter((hit) => hit.rule === 'script-tls-verification-off' || hit.rule === 'script-cleartext-url'),
      [],
    );
  });

  it('reports attachments as warnings and, behind an if, as information', () => {
    const severities = new Set(hits.filter((hit) => hit.rule === 'script-mpl-attachment').map((hit) => hit.severity));
    assert.deepEqual([...severities].sort(), ['information', 'warning']);
  });
});
