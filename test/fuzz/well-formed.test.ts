import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ChannelRecord } from '../../server/src/core/iflow/channel-record';
import { readIflowWith, type FragmentContext, type IflowReading } from '../../server/src/core/iflow/reader';
import { LineIndex } from '@cpi/common/text/range';
import { anyIflowText, generatedIflow, mutatedIflow, realisticIflow } from './support/iflow-arbitraries';
import { iflowSnapshot } from './support/invariants';
import { fuzzParameters, suiteTimeout } from './support/settings';

// The iFlow reader first tries its own fast XML reader and falls back to
// saxes when that gives up. Whatever the fast reader accepts must read
// exactly as saxes reads it: the same model, no problem saxes would have
// reported, the same layout for incremental updates, and the same readings
// of each channel's text on its own.

/** Everything a reading gives its users, as plain data. */
function readingSnapshot(reading: IflowReading): unknown {
  const { layout, model } = reading;
  return {
    model: iflowSnapshot(model),
    facts: model.channels.map((channel) => (channel as ChannelRecord).facts),
    layout: { ...layout, namespaces: [...layout.namespaces] },
  };
}

/** Compares both readers on `text` (and on its channels read alone); whether the fast one accepted it. */
function sameAsSaxes(text: string): boolean {
  const lines = new LineIndex(text);
  const fast = readIflowWith('fast', text, lines);
  if (!fast) return false;
  const saxes = readIflowWith('saxes', text, lines)!;
  assert.deepEqual(readingSnapshot(fast), readingSnapshot(saxes));
  for (const channel of fast.model.channels as ChannelRecord[]) {
    const { start, end } = channel.facts;
    if (end < 0) continue;
    const context: FragmentContext = { namespaces: fast.layout.namespaces, participants: fast.model.participants, offset: start };
    const fragment = text.slice(start, end);
    const fastFragment = readIflowWith('fast', fragment, lines, context);
    if (fastFragment) assert.deepEqual(readingSnapshot(fastFragment), readingSnapshot(readIflowWith('saxes', fragment, lines, context)!));
  }
  return true;
}

/** Rewrites markup in ways XML allows: other quotes, white space in tags, comments, references, line ends in attribute values. */
const MARKUP_VARIANTS: readonly ((text: string, seed: number) => string)[] = [
  (text) => text.replace(/(\s[\w:.-]+)="([^"'<]*)"/g, "$1='$2'"),
  (text) => text.replace(/(\s[\w:.-]+)=("[^"]*")/g, '$1 =\t$2'),
  (text) => text.replace(/<\/([\w:.-]+)>/g, '</$1 \n>'),
  (text) => text.replace(/"\s*\/>/g, '"  />'),
  (text) => text.replace(/<(key|value)>/g, '<!-- before --><$1>'),
  (text) => text.replace(/ id="([^"]*)"/g, ' id="$1&amp;&#x41;&#66;&lt;&quot;&apos;"'),
  (text) => text.replace(/ name="([^"]*)"/g, ' name="$1\r\n\tline&#10;"'),
  (text) => (text.includes('data-x.y_z') ? text : text.replace(/<(\w+:)?definitions /, '<!-- head --> <$1definitions data-x.y_z="1" ')),
  (text, seed) =>
    text.replace(/<value>([^<]*)<\/value>/g, (all, value: string) => (seed % 3 === 0 ? `<value>${value}&#x20AC;&gt;</value>` : all)),
];

/** Generated iFlows without what the fast reader leaves to saxes (CDATA, processing instructions, surrogates) in their values. */
const plainIflow = generatedIflow.filter((text) => !/<!\[CDATA\[|<\?pi|[\uD800-\uDFFF]/.test(text));

const variedIflow: fc.Arbitrary<string> = fc
  .tuple(plainIflow, fc.array(fc.tuple(fc.integer({ min: 0, max: MARKUP_VARIANTS.length - 1 }), fc.nat()), { minLength: 1, maxLength: 4 }))
  .map(([text, variants]) => {
    // the XML declaration stays as tools write it (the fast reader leaves other forms to saxes)
    const declaration = /^<\?xml[^>]*\?>/.exec(text)?.[0] ?? '';
    return declaration + variants.reduce((varied, [which, seed]) => MARKUP_VARIANTS[which](varied, seed), text.slice(declaration.length));
  });

describe('fuzz: fast XML reader against saxes', function () {
  this.timeout(suiteTimeout(120_000));

  /** Runs sameAsSaxes on `shortRuns` cases (in the short run) of `texts`; the share the fast reader took. */
  function acceptedShare(texts: fc.Arbitrary<string>, shortRuns: number): { accepted: number; cases: number; share: number } {
    let accepted = 0;
    let cases = 0;
    fc.assert(
      fc.property(texts, (text) => {
        cases++;
        if (sameAsSaxes(text)) accepted++;
      }),
      fuzzParameters(shortRuns),
    );
    return { accepted, cases, share: accepted / cases };
  }

  it('reads realistic iFlows as saxes does, and takes most of them', () => {
    const { accepted, cases, share } = acceptedShare(realisticIflow, 300);
    // CDATA, processing instructions and emoji in generated values are left to saxes.
    assert.ok(share > 0.3, `the fast reader took ${accepted} of ${cases}`);
  });

  it('reads markup written in every way XML allows as saxes does', () => {
    const { accepted, cases, share } = acceptedShare(variedIflow, 300);
    assert.ok(share > 0.9, `the fast reader took ${accepted} of ${cases}`);
  });

  it('takes a damaged iFlow only when saxes finds nothing wrong with it, and then reads it the same', () => {
    const { accepted, cases, share } = acceptedShare(mutatedIflow, 1500);
    // Much damage leaves the XML well-formed (a changed letter, a space, a moved value): the boundary is exercised.
    assert.ok(share > 0.05, `the fast reader took ${accepted} of ${cases}`);
  });

  it('gives up on anything else without an exception', () => {
    fc.assert(
      fc.property(anyIflowText, (text) => {
        sameAsSaxes(text);
      }),
      fuzzParameters(1000),
    );
  });
});
