// Property keys as shared strings. The same few hundred keys repeat in every
// channel of every file, so these tables are module-level on purpose: shared
// by all files a process reads, each file finds its keys (and their order)
// already known instead of copying and hashing them again, there is less to
// hold, and lookups keyed by them, like the rules' "is this a secret name?",
// compare by identity. Copies, since a slice would keep its file's text
// alive; bounded, since keys can be anything.
import { detached } from '../text/detached';
import { decodeXmlText } from './xml-text';

const KEYS_KEPT = 4096;
const keyStrings = new Map<string, string>();

/** For each key, the one that followed it last (see keyAt); keys are interned, so both are few. */
const keyAfter = new Map<string, string>();

/** Longer ones are half-typed markup taken for a key (an unclosed `<![CDATA[` in `<key>`), not worth keeping. */
const LONGEST_KEY_KEPT = 200;

/**
 * The key whose raw content is text[start, end), interned. Keys come in the
 * same order in every channel of a kind (in every file): the key that
 * followed `previous` last time is checked in place first, which spares
 * copying and hashing the key's text for almost every property.
 */
export function keyAt(text: string, start: number, end: number, previous: string | undefined): string {
  const expected = previous === undefined ? undefined : keyAfter.get(previous);
  const key =
    expected !== undefined && expected.length === end - start && text.startsWith(expected, start)
      ? expected
      : internedKey(decodeXmlText(text, start, end));
  if (previous !== undefined && key !== expected && isKeptKey(previous) && isKeptKey(key)) keyAfter.set(previous, key);
  return key;
}

/**
 * An interned key whose raw text is the key itself: nothing decoding would
 * change, so a match in place is exact.
 */
function isKeptKey(key: string): boolean {
  return key.length <= LONGEST_KEY_KEPT && key.indexOf('&') < 0 && key.indexOf('<') < 0 && key.indexOf('\r') < 0;
}

function internedKey(key: string): string {
  if (key.length > LONGEST_KEY_KEPT) return detached(key);
  let known = keyStrings.get(key);
  if (known === undefined) {
    if (keyStrings.size >= KEYS_KEPT) {
      keyStrings.clear();
      keyAfter.clear();
    }
    known = detached(key);
    keyStrings.set(known, known);
  }
  return known;
}
