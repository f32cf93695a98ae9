// The bare read of Groovy: our lexer alone over the real scripts of the
// corpus (../shared/corpus/scripts, next to the repository), in memory, no
// rules. It is the reference the script scan's throughput is compared with;
// script-ratio.ts times its rounds in alternation with the scan's.
// Absent corpus: not measured (the reason says why).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexGroovy } from '../../../server/src/core/script/groovy/lexer';

export interface ScriptLexResult {
  readonly files: number;
  readonly bytes: number;
  readonly tokens: number;
  /** Milliseconds of each measured round over all files. */
  readonly roundsMs: number[];
  /** From the median round. */
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

/** One round of the bare read: every script lexed; returns the tokens found. */
export function lexScripts(texts: readonly string[]): number {
  let tokens = 0;
  for (const text of texts) tokens += lexGroovy(text).code.tokens.length;
  return tokens;
}
