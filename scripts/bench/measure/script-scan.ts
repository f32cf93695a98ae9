// Script scan throughput: what a scan does with each Groovy script of the
// corpus once its bytes are in memory (the reading of script-lex.ts plus
// the bracket pass, then every script rule, suppressions and placing), over
// the same files as the bare lexer; script-ratio.ts times its rounds in
// alternation with the lexer's, so the two compare.
import { analyseScript } from '../../../server/src/core/analysis/analyse-script';
import { DEFAULT_CONFIG } from '../../../server/src/core/config/model';
import { SCRIPT_RULES } from '../../../server/src/core/rules/registry';
import { readScript } from '../../../server/src/core/script/read';
import { median } from '../stats';

export interface ScriptScanResult {
  readonly files: number;
  readonly bytes: number;
  readonly findings: number;
  /** Milliseconds of each measured round over all files. */
  readonly roundsMs: number[];
  /** From the median round. */
  readonly mbPerSec: number;
  /**
   * Each script rule's own time over the corpus (median of rounds, on fresh
   * readings, so the rule pays for any shared look-up it is the first to ask
   * for in real runs too): where the scan's time goes besides reading.
   */
  readonly ruleMs: Record<string, number>;
}

/** Each script where a scan would see it: inside its artifact's script folder. */
function scriptUris(names: readonly string[]): string[] {
  return names.map((name) => `file:///corpus/${encodeURI(name.replace(/\\/g, '/'))}`);
}

/** One round of the scan's work: every script read and analysed; returns the findings. */
export function scriptScanner(names: readonly string[], texts: readonly string[]): () => number {
  const uris = scriptUris(names);
  return () => {
    let findings = 0;
    for (let i = 0; i < texts.length; i++)
      findings += analyseScript({ uri: uris[i], script: readScript(texts[i], 'groovy'), config: DEFAULT_CONFIG }).findings.length;
    return findings;
  };
}

/** Each script rule alone over the corpus: the median of 3 rounds, each on fresh readings. */
export function measureRuleTimes(names: readonly string[], texts: readonly string[]): Record<string, number> {
  const uris = scriptUris(names);
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
  return ruleMs;
}
