import type { Range } from '@cpi/common/text/range';
import type { SourceText } from '../text/source-text';

/** One `ifl:property` with its `key` and optional `value` child. */
export interface IflowProperty {
  readonly key: string;
  readonly keyRange: Range;
  /** Absent when the property has no `<value>` element. */
  readonly value?: SourceText;
  /** Range of the whole `<ifl:property>` element. */
  readonly range: Range;
  /** Range of the whole `<key>` element (a missing `<value>` is inserted after it). */
  readonly keyElementRange?: Range;
  /**
   * Range of the whole `<value>` element. A self-closing `<value/>` has an
   * empty `value.range`; a fix must replace this element instead.
   */
  readonly valueElementRange?: Range;
}

export type ParticipantType = 'EndpointSender' | 'EndpointReceiver' | 'Other';

export interface Participant {
  readonly id: string;
  readonly name?: string;
  /** From `ifl:type`; SAP spells the receiver `EndpointRecevier`, normalised here. */
  readonly type: ParticipantType;
  readonly range: Range;
}

export type ChannelDirection = 'Sender' | 'Receiver' | 'Unknown';

/** A `bpmn2:messageFlow`: one configured adapter between a participant and the flow. */
export interface Channel {
  readonly id: string;
  /** The `Name` property, else the `name` attribute, else the id. */
  readonly name: string;
  /** `ComponentType` (HTTP, HTTPS, SFTP, Mail, ...); '' when missing. */
  readonly adapter: string;
  /** From `direction`, else inferred from the connected participant's type. */
  readonly direction: ChannelDirection;
  readonly sourceRef?: string;
  readonly targetRef?: string;
  /** Properties by key; a later duplicate key replaces an earlier one. */
  readonly properties: ReadonlyMap<string, IflowProperty>;
  /** Range of the `bpmn2:messageFlow` start tag (for messages about the whole channel). */
  readonly range: Range;
  /** True when the document ended before `</bpmn2:messageFlow>`: properties may be missing. */
  readonly incomplete?: boolean;
}

export interface XmlProblem {
  readonly message: string;
  readonly range: Range;
}

export interface IflowModel {
  /** Display name of the process/collaboration when known, else ''. */
  readonly name: string;
  readonly participants: ReadonlyMap<string, Participant>;
  readonly channels: readonly Channel[];
  /**
   * Every `ifl:property` in the file that is not part of a channel (flow
   * steps, the collaboration, ...), for checks that apply anywhere.
   */
  readonly otherProperties: readonly IflowProperty[];
  /** Syntax problems; the model holds whatever still parsed. */
  readonly problems: readonly XmlProblem[];
}
