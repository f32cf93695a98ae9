// The bare read of Groovy: our lexer alone over the real scripts of the
// corpus (../shared/corpus/scripts, next to the repository), in memory, no
// rules. It is the reference the script scan's throughput is compared with.
// Absent corpus: not measured (the reason says why).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexGroovy } from '../../../server/src/core/script/groovy/lexer';
import { median, MB } from '../stats';

export interface ScriptLexResult {
  readonly files: number;
  readonly bytes: number;
  readonly tokens: number;
  /** Milliseconds of each measured round over all files. */
  readonly roundsMs: number[];
  readonly mbPerSec: number;
}

export function scriptCorpus(repo: string): string {
  return join(repo, '..', 'shared', 'corpus', 'scripts');
}

/** The Groovy scripts of the corpus, in name order, with their UTF-8 size as the scan counts it. */
export function corpusScripts(
  corpus: string,
): { readonly names: string[]; readonly texts: string[]; readonly bytes: number } | { readonly reason: string } {
  if (!existsSync(corpus)) return { reason: `no script corpus at ${corpus}` };
  const names = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(groovy|gsh)$/i.test(name))
    .sort();
  const texts = names.map((name) => readFileSync(join(corpus, name), 'utf8'));
  if (texts.length === 0) return { reason: `no Groovy scripts under ${corpus}` };
  return { names, texts, bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) };
}

export function measureScriptLex(corpus: string, rounds = 15): ScriptLexResult | { readonly reason: string } {
  const found = corpusScripts(corpus);
  if ('reason' in found) return found;
  const { texts, bytes } = found;
  let tokens = 0;
  for (const text of texts) tokens += lexGroovy(text).code.tokens.length;
  // Warm-up: the optimising compiler settles after a few rounds over 3 MB.
  for (let round = 0; round < 10; round++) for (const text of texts) lexGroovy(text);
  const roundsMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const text of texts) lexGroovy(text);
    roundsMs.push(performance.now() - started);
  }
  return { files: texts.length, bytes, tokens, roundsMs, mbPerSec: bytes / MB / (median(roundsMs) / 1000) };
}
