// A `bpmn2:participant` element: the endpoints that tell the direction of
// channels that state none.
import type { LineIndex } from '@cpi/common/text/range';
import { ParticipantRecord } from './channel-record';
import type { ParticipantType } from './model';
import { IFL_NS } from './namespaces';

/** The participant of a start tag at [start, end) (file offsets) with these attributes, under these namespace bindings. */
export function participantOf(
  attributes: Record<string, string>,
  namespaces: ReadonlyMap<string, string>,
  start: number,
  end: number,
  lines: LineIndex,
): ParticipantRecord {
  const id = attributes.id ?? '';
  return new ParticipantRecord(id, attributes.name, participantType(iflTypeAttribute(attributes, namespaces)), start, end, lines);
}

/** `ifl:type`, also under another prefix bound to the ifl namespace or an undeclared one. */
function iflTypeAttribute(attributes: Record<string, string>, namespaces: ReadonlyMap<string, string>): string | undefined {
  if (attributes['ifl:type'] !== undefined && (namespaces.get('ifl') ?? IFL_NS) === IFL_NS) return attributes['ifl:type'];
  for (const name in attributes) {
    const colon = name.indexOf(':');
    if (colon < 0 || name.slice(colon + 1) !== 'type' || name.startsWith('xmlns:')) continue;
    const uri = namespaces.get(name.slice(0, colon));
    if (uri === undefined || uri === IFL_NS) return attributes[name];
  }
  return undefined;
}

function participantType(type: string | undefined): ParticipantType {
  if (type === 'EndpointSender') return 'EndpointSender';
  // SAP writes "EndpointRecevier"; accept the correct spelling too.
  if (type === 'EndpointRecevier' || type === 'EndpointReceiver') return 'EndpointReceiver';
  return 'Other';
}
