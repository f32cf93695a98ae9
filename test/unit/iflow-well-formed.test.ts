import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { ChannelRecord } from '../../server/src/core/iflow/channel-record';
import { readIflowWith, type IflowReading } from '../../server/src/core/iflow/reader';
import { scanWellFormed, type WellFormedHandler } from '../../server/src/core/iflow/well-formed';
import { LineIndex } from '@cpi/common/text/range';
import { CORPUS, filesUnder } from '../support/files';
import { iflowSnapshot } from '../support/iflow-snapshot';

type Event = [kind: 'open' | 'close', name: string, start: number, end: number, extra: unknown];

function events(text: string): Event[] | undefined {
  const seen: Event[] = [];
  const handler: WellFormedHandler = {
    open: (name, start, end, selfClosing, attributes) =>
      seen.push(['open', name, start, end, { selfClosing, attributes: { ...attributes() } }]),
    close: (name, start, end, openedAt) => seen.push(['close', name, start, end, openedAt]),
  };
  return scanWellFormed(text, handler) ? seen : undefined;
}

/** The attributes saxes gives each start tag, in document order. */
function saxesAttributes(text: string): Record<string, string>[] {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const all: Record<string, string>[] = [];
  parser.on('opentag', (tag) => all.push({ ...tag.attributes }));
  parser.write(text).close();
  return all;
}

const saxesProblems = (text: string) => readIflowWith('saxes', text, new LineIndex(text))!.model.problems.map((problem) => problem.message);

const snapshot = (reading: IflowReading) => ({
  model: iflowSnapshot(reading.model),
  facts: reading.model.channels.map((channel) => (channel as ChannelRecord).facts),
  layout: { ...reading.layout, namespaces: [...reading.layout.namespaces] },
});

describe('fast XML reader', () => {
  it('reports start and end tags at their offsets, with the start tag of each end tag', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1">\r\n  <b/>\t<c >t&amp;</c ><!-- note -->\n</a>\n';
    assert.deepEqual(events(text), [
      ['open', 'a', 39, 48, { selfClosing: false, attributes: { x: '1' } }],
      ['open', 'b', 52, 56, { selfClosing: true, attributes: {} }],
      ['open', 'c', 57, 61, { selfClosing: false, attributes: {} }],
      ['close', 'c', 67, 72, 57],
      ['close', 'a', 86, 90, 39],
    ]);
  });

  it('decodes attribute values as saxes does: references replaced, each line end or tab one space', () => {
    const text = `<a x="a&amp;b&#x41;&#66;&lt;&quot;&apos;" y="l1\r\nl2\tl3\nl4\rl5" z='q"q' w="&#10;&#x9;" constructor="c"/>`;
    const fast = events(text)!;
    assert.deepEqual([(fast[0][4] as { attributes: Record<string, string> }).attributes], saxesAttributes(text));
    assert.equal((fast[0][4] as { attributes: Record<string, string> }).attributes.y, 'l1 l2 l3 l4 l5');
  });

  it('gives up on XML errors, which saxes reports', () => {
    const errors = [
      '',
      '  ',
      '<a b="1" b="2"/>',
      '<a b="x<y"/>',
      '<a>&nbsp;</a>',
      '<a b="&x;"/>',
      '<a>&amp</a>',
      '<a>&#0;</a>',
      '<a>&#X41;</a>',
      '<a>]]></a>',
      '<a>',
      '<a><b></a>',
      '<a/><b/>',
      'x<a/>',
      '<a/>x',
      '<a/>&amp;',
      '<a>\u0001</a>',
      '<a>\uFFFE</a>',
      '<a>\uD800</a>',
      '<!-- a -- b --><a/>',
      '<!-- a ---><a/>',
      '<a b="1"c="2"/>',
      '<a/ >',
      '<a></b>',
      '<a></a b="1">',
      '<a b=1/>',
      '<a b/>',
      '<a b="1/>',
      '</a>',
      '<a><',
      '<1a/>',
      '<a>< b/></a>',
    ];
    for (const text of errors) {
      assert.equal(events(text), undefined, JSON.stringify(text));
      assert.notDeepEqual(saxesProblems(text), [], `saxes finds a problem in ${JSON.stringify(text)}`);
    }
  });

  it('leaves XML beyond plain iFlows to saxes', () => {
    const beyond = [
      '<?xml version="1.1"?><a/>',
      '<?xml version="1.0" ?><a/>',
      ' <?xml version="1.0"?><a/>',
      '\uFEFF<a/>',
      '<!DOCTYPE a><a/>',
      '<a><![CDATA[x]]></a>',
      '<a><?pi x?></a>',
      '<é/>',
      '<a é="1"/>',
      '<a>\uD83D\uDE00</a>',
    ];
    for (const text of beyond) assert.equal(events(text), undefined, JSON.stringify(text));
  });

  it('leaves an element with very many attributes to saxes (checking them for repeats would be quadratic)', () => {
    const attributes = (count: number) => Array.from({ length: count }, (_, i) => ` a${i}="${i}"`).join('');
    assert.ok(events(`<a${attributes(64)}/>`));
    assert.equal(events(`<a${attributes(65)}/>`), undefined);
  });

  it('takes every real iFlow of the corpus, and reads it exactly as saxes does', function () {
    if (!existsSync(CORPUS)) this.skip();
    const files = filesUnder(CORPUS).filter((path) => path.endsWith('.iflw'));
    assert.ok(files.length > 50);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const lines = new LineIndex(text);
      const fast = readIflowWith('fast', text, lines);
      assert.ok(fast, `the fast reader gave up on ${path}`);
      assert.deepEqual(snapshot(fast), snapshot(readIflowWith('saxes', text, lines)!), path);
    }
  });
});
