import type { ParameterEntry } from './model';
import type { ResolvedValue, ValueSegment } from './resolved-value';

/**
 * Where a slice of a resolved value is written: decoded indices into the
 * iFlow property's value text, or into one parameter entry's value text.
 * A fix turns these into raw edits with `value.sourceOffsetAt(start/end)`.
 */
export type SliceLocation =
  | { readonly kind: 'iflow'; readonly start: number; readonly end: number }
  | { readonly kind: 'parameter'; readonly entry: ParameterEntry; readonly start: number; readonly end: number };

/**
 * The one place that holds resolved.text[textStart, textEnd); undefined when
 * the slice spans several segments or touches an unknown part, since no
 * single edit could then change it. An empty slice (an insertion point) on
 * the border of two segments goes to the one before it when that one is known.
 */
export function locateSlice(resolved: ResolvedValue, textStart: number, textEnd: number): SliceLocation | undefined {
  if (!(textStart >= 0 && textStart <= textEnd && textEnd <= resolved.text.length)) return undefined;
  if (resolved.segments.length === 0) return emptyValueLocation(resolved);
  const segment =
    textStart === textEnd ? insertionSegment(resolved.segments, textStart) : enclosingSegment(resolved.segments, textStart, textEnd);
  if (!segment) return undefined;
  const start = segment.sourceStart + (textStart - segment.textStart);
  const end = segment.sourceStart + (textEnd - segment.textStart);
  const { origin } = segment;
  if (origin.kind === 'iflow') return { kind: 'iflow', start, end };
  if (origin.kind === 'parameter') return { kind: 'parameter', entry: origin.entry, start, end };
  return undefined;
}

/** An empty value still has a place where text can go: the iFlow value, or the one empty parameter it names. */
function emptyValueLocation(resolved: ResolvedValue): SliceLocation | undefined {
  const source = resolved.property.value?.text;
  if (source === undefined) return undefined;
  if (source === '') return { kind: 'iflow', start: 0, end: 0 };
  const [entry] = resolved.parameters;
  const onlyReferences = source.replace(/\{\{[^}\r\n]+\}\}/g, '') === '';
  return entry && resolved.parameters.length === 1 && onlyReferences ? { kind: 'parameter', entry, start: 0, end: 0 } : undefined;
}

function enclosingSegment(segments: readonly ValueSegment[], textStart: number, textEnd: number): ValueSegment | undefined {
  const segment = segments.find((s) => s.textStart <= textStart && textStart < s.textEnd);
  return segment && textEnd <= segment.textEnd && segment.origin.kind !== 'unknown' ? segment : undefined;
}

function insertionSegment(segments: readonly ValueSegment[], index: number): ValueSegment | undefined {
  const isKnown = (s: ValueSegment): boolean => s.origin.kind !== 'unknown';
  const before = segments.find((s) => s.textStart < index && index <= s.textEnd && isKnown(s));
  if (before) return before;
  return segments.find((s) => s.textStart <= index && index < s.textEnd && isKnown(s));
}
