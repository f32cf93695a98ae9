import type { IflowModel, IflowProperty } from '../../server/src/core/iflow/model';

// Comparing two readings of an iFlow (incremental against full, in unit and
// fuzz tests) means comparing what a consumer can see, as plain data.

/** Everything a consumer can observe in an iFlow model, as plain data (ranges are lazy getters). */
export function iflowSnapshot(model: IflowModel): unknown {
  const property = (p: IflowProperty) => {
    const value = p.value;
    const offsets = value ? Array.from({ length: Math.min(value.text.length, 200) + 1 }, (_, i) => value.sourceOffsetAt(i)) : [];
    return {
      key: p.key,
      keyRange: p.keyRange,
      range: p.range,
      keyElementRange: p.keyElementRange,
      valueElementRange: p.valueElementRange,
      value: value && {
        text: value.text,
        range: value.range,
        startOffset: value.startOffset,
        endOffset: value.endOffset,
        end: value.sourceOffsetAt(value.text.length),
        offsets,
      },
    };
  };
  return {
    name: model.name,
    problems: model.problems.map((p) => ({ message: p.message, range: p.range })),
    participants: [...model.participants].map(([key, p]) => ({ key, id: p.id, name: p.name, type: p.type, range: p.range })),
    channels: model.channels.map((c) => ({
      id: c.id,
      name: c.name,
      adapter: c.adapter,
      direction: c.direction,
      sourceRef: c.sourceRef,
      targetRef: c.targetRef,
      incomplete: c.incomplete,
      range: c.range,
      properties: [...c.properties].map(([key, p]) => ({ mapKey: key, ...property(p) })),
    })),
    otherProperties: model.otherProperties.map(property),
  };
}
