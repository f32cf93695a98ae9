import type { IflowProperty } from '../iflow/model';
import type { ParameterFile } from '../params/model';
import { resolveValue } from '../params/resolve';
import type { ResolvedValue } from '../params/resolved-value';

// A table value (`clientCertificates`, ...) decodes to flat XML:
// `<row><cell id='..'>CN=..</cell></row>`. Plain resolution would read
// `<row>` and `<cell id='..'>` as template placeholders and turn the markup
// into UNKNOWN. In a decoded table every bare `<`/`>` is markup (text inside
// a cell is escaped once more, so a real `<placeholder>` there reads
// `&lt;placeholder&gt;`), so the brackets are masked during resolution and
// restored afterwards. Lengths never change, so every segment keeps mapping
// to the right source characters for findings and fixes.

const OPEN = '\uE000';
const CLOSE = '\uE001';

const mask = (text: string) => text.replace(/</g, OPEN).replace(/>/g, CLOSE);
const unmask = (text: string) => text.replace(/\uE000/g, '<').replace(/\uE001/g, '>');

export function resolveTableValue(property: IflowProperty, params: ParameterFile | undefined): ResolvedValue {
  const value = property.value;
  if (!value) return resolveValue(property, params);
  const maskedValue = {
    text: mask(value.text),
    range: value.range,
    startOffset: value.startOffset,
    endOffset: value.endOffset,
    sourceOffsetAt: (i: number) => value.sourceOffsetAt(i),
  };
  const resolved = resolveValue({ ...property, value: maskedValue }, params);
  return {
    ...resolved,
    property,
    text: unmask(resolved.text),
    segments: resolved.segments.map((segment) => (segment.origin.kind === 'iflow' ? { ...segment, raw: unmask(segment.raw) } : segment)),
  };
}
