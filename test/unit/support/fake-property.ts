import type { IflowProperty } from '../../../server/src/core/iflow/model';
import type { Range } from '@cpi/common/text/range';
import type { SourceText } from '../../../server/src/core/text/source-text';

// Builds an IflowProperty by hand, so parameter tests need no iFlow reader.
// The value is given as it would be written in the .iflw (XML-escaped) and
// decoded here with a per-character map to its raw offsets.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class FakeSourceText implements SourceText {
  constructor(
    readonly text: string,
    readonly range: Range,
    readonly startOffset: number,
    readonly endOffset: number,
    private readonly offsets: number[],
  ) {}

  sourceOffsetAt(index: number): number {
    return index >= this.text.length ? this.endOffset : this.offsets[Math.max(0, index)];
  }
}

/** Decodes XML character and entity references, remembering where each character came from. */
export function fakeSourceText(raw: string, startOffset = 0): SourceText {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length;) {
    const match = raw[i] === '&' ? /^&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/.exec(raw.slice(i)) : null;
    offsets.push(startOffset + i);
    if (!match) {
      text += raw[i++];
      continue;
    }
    const name = match[1];
    text += name.startsWith('#x')
      ? String.fromCharCode(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCharCode(Number(name.slice(1)))
        : ENTITIES[name];
    i += match[0].length;
  }
  const endOffset = startOffset + raw.length;
  const range = { start: { line: 0, character: startOffset }, end: { line: 0, character: endOffset } };
  return new FakeSourceText(text, range, startOffset, endOffset, offsets);
}

/** An `ifl:property`; `rawValue` undefined means no `<value>` element. */
export function fakeProperty(key: string, rawValue?: string, valueStartOffset = 100): IflowProperty {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const property: IflowProperty = { key, keyRange: range, range };
  return rawValue === undefined ? property : { ...property, value: fakeSourceText(rawValue, valueStartOffset) };
}
