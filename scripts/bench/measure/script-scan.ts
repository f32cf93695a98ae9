// Script scan throughput: what a scan does with each Groovy script of the
// corpus once its bytes are in memory (the reading of script-lex.ts plus
// the bracket pass, then every script rule, suppressions and placing), over
// the same files and rounds as the bare lexer, so the two compare.
import { analyseScript } from '../../../server/src/core/analysis/analyse-script';
import { DEFAULT_CONFIG } from '../../../server/src/core/config/model';
import { SCRIPT_RULES } from '../../../server/src/core/rules/registry';
import { readScript } from '../../../server/src/core/script/read';
import { median, MB } from '../stats';
import { corpusScripts } from './script-lex';

export interface ScriptScanResult {
  readonly files: number;
  readonly bytes: number;
  readonly findings: number;
  readonly roundsMs: number[];
  readonly mbPerSec: number;
  /**
   * Each script rule's own time over the corpus (median of rounds, on fresh
   * readings, so the rule pays for any shared look-up it is the first to ask
   * for in real runs too): where the scan's time goes besides reading.
   */
  readonly ruleMs: Record<string, number>;
}

export function measureScriptScan(corpus: string, rounds = 15): ScriptScanResult | { readonly reason: string } {
  const found = corpusScripts(corpus);
  if ('reason' in found) return found;
  const { names, texts, bytes } = found;
  // each script where a scan would see it: inside its artifact's script folder
  const uris = names.map((name) => `file:///corpus/${encodeURI(name.replace(/\\/g, '/'))}`);
  const scanAll = () => {
    let findings = 0;
    for (let i = 0; i < texts.length; i++)
      findings += analyseScript({ uri: uris[i], script: readScript(texts[i], 'groovy'), config: DEFAULT_CONFIG }).findings.length;
    return findings;
  };
  const findings = scanAll();
  for (let round = 0; round < 5; round++) scanAll();
  const roundsMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    scanAll();
    roundsMs.push(performance.now() - started);
  }
  const ruleMs: Record<string, number> = {};
  for (const rule of SCRIPT_RULES) {
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const models = texts.map((text) => readScript(text, 'groovy'));
      const started = performance.now();
      for (let i = 0; i < models.length; i++)
        rule.check(models[i], () => undefined, { config: DEFAULT_CONFIG, uri: uris[i], fileName: names[i], language: 'groovy' });
      times.push(performance.now() - started);
    }
    ruleMs[rule.meta.id] = median(times);
  }
  return { files: texts.length, bytes, findings, roundsMs, mbPerSec: bytes / MB / (median(roundsMs) / 1000), ruleMs };
}
