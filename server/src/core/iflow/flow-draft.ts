// A `bpmn2:messageFlow` element while the reader reads it, and the channel
// made of it once the document is read (its direction may depend on
// participants declared after it).
import type { LineIndex } from '@cpi/common/text/range';
import { ChannelRecord, type ChannelFacts } from './channel-record';
import type { ChannelDirection, Participant } from './model';
import type { PropertyRecord } from './property-record';

export interface FlowDraft {
  readonly id: string;
  readonly nameAttribute?: string;
  readonly sourceRef?: string;
  readonly targetRef?: string;
  readonly start: number;
  readonly startTagEnd: number;
  readonly properties: Map<string, PropertyRecord>;
  /** Nothing (property, other channel) was open when it started. */
  readonly clean: boolean;
  /** The reader's landmark count just after its start tag: unchanged at its close means nothing flow-level inside. */
  readonly landmarksAtStart: number;
  /** Past its own close tag; -1 until then (and for good when it never closes). */
  end: number;
  selfContained: boolean;
  /** Its element as the XML reader knows it: its close must end exactly this. */
  readonly element: unknown;
  /**
   * The XML reader popped `element` at the channel's own close tag with
   * nothing pending (no stray text kept for later): whatever went wrong inside left
   * the parser as a clean channel would, so the rest of the file reads the same.
   */
  closedCleanly: boolean;
}

export function channelOf(
  draft: FlowDraft,
  participants: ReadonlyMap<string, Participant>,
  lines: LineIndex,
  shift: number,
): ChannelRecord {
  const props = draft.properties;
  const nameValue = props.get('Name')?.value?.text.trim();
  const facts: ChannelFacts = {
    id: draft.id,
    name: nameValue || draft.nameAttribute || draft.id,
    adapter: props.get('ComponentType')?.value?.text.trim() ?? '',
    direction: directionOf(draft, participants),
    sourceRef: draft.sourceRef,
    targetRef: draft.targetRef,
    start: draft.start,
    startTagEnd: draft.startTagEnd,
    end: draft.end,
    selfContained: draft.selfContained,
  };
  return new ChannelRecord(facts, props, lines, shift);
}

function directionOf(draft: FlowDraft, participants: ReadonlyMap<string, Participant>): ChannelDirection {
  const stated = draft.properties.get('direction')?.value?.text.trim().toLowerCase();
  if (stated === 'sender') return 'Sender';
  if (stated === 'receiver') return 'Receiver';
  // Old (HCI-era) files carry no direction: the connected participant tells.
  if (draft.sourceRef !== undefined && participants.get(draft.sourceRef)?.type === 'EndpointSender') return 'Sender';
  if (draft.targetRef !== undefined && participants.get(draft.targetRef)?.type === 'EndpointReceiver') return 'Receiver';
  return 'Unknown';
}
