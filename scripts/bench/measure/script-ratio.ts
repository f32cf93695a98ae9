// The script scan against the bare lexer over the script corpus, in one
// process: script-lex.ts's round and script-scan.ts's round, timed in
// alternation (lexer, scan, lexer, scan, ...), after a warm-up that
// alternates the same way. This machine's speed drifts with the other load
// on its 2 shared cores; measured one after the other (all lexer rounds,
// then all scan rounds), the two medians came from different moments and
// their ratio moved from 0.51 to 0.73 between runs of one commit. A lexer
// round and the scan round right after it see nearly the same machine, so
// each pair gives a ratio of its own, and the ratio reported is the median
// of those ratios (not quite the quotient of the two median throughputs,
// which are reported as well), with their min and max as its spread.
import { median, MB } from '../stats';
import { corpusScripts, lexScripts, type ScriptLexResult } from './script-lex';
import { measureRuleTimes, scriptScanner, type ScriptScanResult } from './script-scan';

export interface ScriptRatioResult {
  readonly lex: ScriptLexResult;
  readonly scan: ScriptScanResult;
  /** Scan throughput over lexer throughput of each measured pair (lexer ms / scan ms: the bytes are the same). */
  readonly pairRatios: number[];
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
}

export function measureScriptRatio(corpus: string, pairs = 15, warmupPairs = 10): ScriptRatioResult | { readonly reason: string } {
  const found = corpusScripts(corpus);
  if ('reason' in found) return found;
  const { names, texts, bytes } = found;
  const scanScripts = scriptScanner(names, texts);
  const tokens = lexScripts(texts);
  const findings = scanScripts();
  // Warm-up: the optimising compiler settles after a few rounds over 3 MB;
  // alternated, so it settles on the same mix of work as the measured rounds.
  for (let round = 0; round < warmupPairs; round++) {
    lexScripts(texts);
    scanScripts();
  }
  const lexMs: number[] = [];
  const scanMs: number[] = [];
  for (let round = 0; round < pairs; round++) {
    let started = performance.now();
    lexScripts(texts);
    lexMs.push(performance.now() - started);
    started = performance.now();
    scanScripts();
    scanMs.push(performance.now() - started);
  }
  const pairRatios = lexMs.map((ms, i) => ms / scanMs[i]);
  const mbPerSec = (roundsMs: readonly number[]) => bytes / MB / (median(roundsMs) / 1000);
  return {
    lex: { files: texts.length, bytes, tokens, roundsMs: lexMs, mbPerSec: mbPerSec(lexMs) },
    scan: { files: texts.length, bytes, findings, roundsMs: scanMs, mbPerSec: mbPerSec(scanMs), ruleMs: measureRuleTimes(names, texts) },
    pairRatios,
    ratio: median(pairRatios),
    ratioMin: Math.min(...pairRatios),
    ratioMax: Math.max(...pairRatios),
  };
}
