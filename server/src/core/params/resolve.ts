import type { IflowProperty } from '../iflow/model';
import type { ParameterEntry, ParameterFile } from './model';
import { UNKNOWN, type ResolvedValue, type SegmentOrigin, type ValueSegment } from './resolved-value';
import { splitValue, type ValuePart } from './value-parts';

export { locateSlice, type SliceLocation } from './locate';

const IFLOW: SegmentOrigin = { kind: 'iflow' };

/**
 * Substitutes the `{{name}}` references of an iFlow property from
 * parameters.prop, the way the runtime does at deployment. What cannot be
 * known statically (a name without a value, a `${...}` expression, a
 * `<placeholder>` from a package template) becomes one UNKNOWN character.
 */
export function resolveValue(property: IflowProperty, params: ParameterFile | undefined): ResolvedValue {
  const source = property.value?.text ?? '';
  const builder = new Builder();
  const referencedNames: string[] = [];
  for (const part of splitValue(source, true)) {
    if (part.kind !== 'reference') {
      builder.add(part, source, IFLOW);
      continue;
    }
    referencedNames.push(part.name);
    const entry = lookUp(params, part.name);
    if (!entry) {
      builder.unknown(
        { kind: 'unknown', reason: 'missing-parameter', name: part.name },
        source.slice(part.start, part.end),
        part.start,
        part.end,
      );
      continue;
    }
    builder.use(entry);
    const value = entry.value.text;
    for (const inner of splitValue(value, false)) builder.add(inner, value, { kind: 'parameter', entry }, entry);
  }
  return builder.finish(property, referencedNames);
}

/** The entry for a name as written, else for the name without surrounding spaces. */
function lookUp(params: ParameterFile | undefined, name: string): ParameterEntry | undefined {
  if (!params) return undefined;
  return params.entries.get(name) ?? params.entries.get(name.trim());
}

class Builder {
  private text = '';
  private readonly segments: ValueSegment[] = [];
  private readonly parameters: ParameterEntry[] = [];
  private known = true;

  use(entry: ParameterEntry): void {
    if (!this.parameters.includes(entry)) this.parameters.push(entry);
  }

  /** A literal, expression or placeholder part of `source` (the iFlow value, or `entry`'s value). */
  add(part: ValuePart, source: string, origin: SegmentOrigin, entry?: ParameterEntry): void {
    const raw = source.slice(part.start, part.end);
    if (part.kind === 'literal') {
      const textStart = this.text.length;
      this.text += raw;
      this.segments.push({ origin, raw, textStart, textEnd: this.text.length, sourceStart: part.start, sourceEnd: part.end });
    } else if (part.kind === 'expression' || part.kind === 'placeholder') {
      const reason = part.kind === 'expression' ? 'expression' : 'placeholder';
      this.unknown({ kind: 'unknown', reason, name: part.inner }, raw, part.start, part.end, entry);
    }
  }

  unknown(origin: SegmentOrigin, raw: string, sourceStart: number, sourceEnd: number, entry?: ParameterEntry): void {
    const textStart = this.text.length;
    this.text += UNKNOWN;
    this.known = false;
    const segment: ValueSegment = { origin, raw, textStart, textEnd: textStart + 1, sourceStart, sourceEnd };
    this.segments.push(entry ? { ...segment, entry } : segment);
  }

  finish(property: IflowProperty, referencedNames: string[]): ResolvedValue {
    return { property, text: this.text, segments: this.segments, known: this.known, parameters: this.parameters, referencedNames };
  }
}
