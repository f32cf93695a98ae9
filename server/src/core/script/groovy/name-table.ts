// The names of one lexer run, kept once each: a script says `message` or
// `log` hundreds of times, and every token of the same name then shares one
// string (no copy of the text per token, and a hash V8 computes once for
// every Set and Map look-up the rules make). Whether a name is a keyword is
// decided once per name too.
//
// One table serves every run: direct-mapped by a hash of the characters, a
// slot taken by a newer name on collision. The slots a run filled are
// emptied when it ends, so no table entry keeps an old script's text alive.

import { GROOVY_KEYWORDS } from './chars';

const SIZE = 4096;
const names: (string | undefined)[] = new Array<string | undefined>(SIZE).fill(undefined);
const keywords = new Uint8Array(SIZE);
const filled: number[] = [];

/** The name at [start, end) of `text`, whose characters hash to `hash` (see nameHash). Writes into `out` to spare an object per token. */
export function nameAt(text: string, start: number, end: number, hash: number, out: { text: string; keyword: boolean }): void {
  const slot = hash & (SIZE - 1);
  const known = names[slot];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) {
    out.text = known;
    out.keyword = keywords[slot] === 1;
    return;
  }
  const word = text.slice(start, end);
  const keyword = GROOVY_KEYWORDS.has(word);
  names[slot] = word;
  keywords[slot] = keyword ? 1 : 0;
  filled.push(slot);
  out.text = word;
  out.keyword = keyword;
}

/** One step of the hash of a name's characters, from 0. */
export function nameHash(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0;
}

/** Empties what this run put in the table. */
export function forgetNames(): void {
  for (const slot of filled) names[slot] = undefined;
  filled.length = 0;
}
