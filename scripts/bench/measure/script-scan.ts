// Script scan throughput: what a scan does with each Groovy script of the
// corpus once its bytes are in memory (the reading of script-lex.ts plus
// the bracket pass, then every script rule, suppressions and placing), over
// the same files and rounds as the bare lexer, so the two compare.
import { analyseScript } from '../../../server/src/core/analysis/analyse-script';
import { DEFAULT_CONFIG } from '../../../server/src/core/config/model';
import { readScript } from '../../../server/src/core/script/read';
import { median, MB } from '../stats';
import { corpusScripts } from './script-lex';

export interface ScriptScanResult {
  readonly files: number;
  readonly bytes: number;
  readonly findings: number;
  readonly roundsMs: number[];
  readonly mbPerSec: number;
}

export function measureScriptScan(corpus: string, rounds = 15): ScriptScanResult | { readonly reason: string } {
  const found = corpusScripts(corpus);
  if ('reason' in found) return found;
  const { names, texts, bytes } = found;
  // each script where a scan would see it: inside its artifact's script folder
  const uris = names.map((name) => `file:///corpus/${encodeURI(name.replace(/\\/g, '/'))}`);
  const scanAll = () => {
    let findings = 0;
    for (let i = 0; i < texts.length; i++) findings += analyseScript({ uri: uris[i], script: readScript(texts[i], 'groovy'), config: DEFAULT_CONFIG }).findings.length;
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
  return { files: texts.length, bytes, findings, roundsMs, mbPerSec: bytes / MB / (median(roundsMs) / 1000) };
}
