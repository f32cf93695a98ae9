import type { Channel, IflowModel, IflowProperty } from '../iflow/model';
import type { ParameterEntry, ParameterFile } from '../params/model';
import { containsPosition, type Position } from '@cpi/common/text/range';

export interface PropertyAt {
  readonly property: IflowProperty;
  readonly channel?: Channel;
}

function under(property: IflowProperty, position: Position): boolean {
  return (
    containsPosition(property.keyRange, position) || (property.value !== undefined && containsPosition(property.value.range, position))
  );
}

/** The `ifl:property` whose key or value is under the cursor. */
export function propertyAt(model: IflowModel, position: Position): PropertyAt | undefined {
  for (const channel of model.channels) {
    for (const property of channel.properties.values()) if (under(property, position)) return { property, channel };
  }
  const other = model.otherProperties.find((property) => under(property, position));
  return other ? { property: other } : undefined;
}

/** The parameters.prop entry whose key or value is under the cursor. */
export function entryAt(file: ParameterFile, position: Position): ParameterEntry | undefined {
  return file.all.find((entry) => containsPosition(entry.keyRange, position) || containsPosition(entry.value.range, position));
}
