import type { LineIndex } from '@cpi/common/text/range';
import { ChannelRecord, ParticipantRecord } from './channel-record';
import type { IflowModel, IflowProperty, Participant } from './model';
import { PropertyRecord } from './property-record';
import { readIflowWithLayout, type IflowLayout, type IflowReading } from './reader';
import { detached } from '../text/detached';

// Re-reading a 5 MB iFlow after every keystroke costs about 100 ms, most of
// it in the XML parser. Channels are independent `bpmn2:messageFlow`
// elements, so an edit inside one of them is handled by reading just that
// element's text again and moving everything after it by the change in
// length. Whenever that could differ from reading the whole file (syntax
// problems outside the channel, the edit touching more than one channel,
// namespace declarations or participants inside the channel, ...), the
// caller reads the whole file instead: the shortcut must never change a
// result.
//
// Typing often breaks the XML for a moment (a half-typed `<` or `&` in a
// value). Problems inside the edited channel are allowed, before and after
// the edit, when the XML reader closed the channel's own element at its close tag
// with nothing pending (ChannelFacts.selfContained): it then reads the
// channel's text the same within the file as on its own (a close tag it
// cannot match inside the channel unwinds past the channel and fails that
// test), and reads everything after it as it did before.

/** Versions of the file whose line index (and text) channels of one model may keep alive. */
const MAX_LINE_INDEXES = 3;

/** What changed between two versions of a text: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The previous version of a file as read. */
export interface IflowSnapshot {
  readonly text: string;
  readonly model: IflowModel;
  readonly layout: IflowLayout;
}

/**
 * The one stretch in which two versions differ (after their common prefix
 * and before their common suffix); undefined when they are equal.
 */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const start = commonLength(
    shorter,
    (from, to) => before.slice(from, to) === after.slice(from, to),
    (i) => before.charCodeAt(i) === after.charCodeAt(i),
  );
  // The suffix may not reach into the prefix: "aa" → "aaa" is one "a" inserted at 2.
  const room = shorter - start;
  const b = before.length;
  const a = after.length;
  const suffix = commonLength(
    room,
    (from, to) => before.slice(b - to, b - from) === after.slice(a - to, a - from),
    (i) => before.charCodeAt(b - 1 - i) === after.charCodeAt(a - 1 - i),
  );
  return { start, oldEnd: b - suffix, newEnd: a - suffix };
}

/**
 * Length of the common run from one end, up to `limit`. Slices are compared
 * in growing chunks (a native comparison) and only the last, differing chunk
 * character by character: about 0.2 ms instead of 5 ms on 5 MB.
 */
function commonLength(limit: number, sameChunk: (from: number, to: number) => boolean, sameChar: (i: number) => boolean): number {
  let done = 0;
  let step = 1024;
  while (done < limit) {
    const to = Math.min(limit, done + step);
    if (sameChunk(done, to)) {
      done = to;
      step *= 2;
    } else if (to - done <= 64) {
      break;
    } else {
      step = (to - done) >> 2;
    }
  }
  while (done < limit && sameChar(done)) done++;
  return done;
}

/**
 * The reading of `text` derived from `previous` when the change lies
 * strictly inside one channel, or one property outside channels (a flow
 * step's setting), that can be read on its own; undefined when only reading
 * the whole file is sure to give the same result. `lines` indexes `text`;
 * `change` is textChange(previous.text, text) or a stretch that covers it;
 * `read` gives text[from, to) and `readBefore` the same of previous.text
 * (the edited element's text is all that is read of either).
 */
export function rereadIflow(
  previous: IflowSnapshot,
  text: string,
  lines: LineIndex,
  change = textChange(previous.text, text),
  read: Read = (from, to) => text.slice(from, to),
  readBefore: Read = (from, to) => previous.text.slice(from, to),
): IflowReading | undefined {
  if (!change) return undefined;
  const index = channelAround(previous.model.channels, change);
  if (index >= 0) return rereadChannel(previous, read, lines, change, index);
  return rereadLooseProperty(previous, read, readBefore, lines, change);
}

/** Reads [from, to) of the new text. */
type Read = (from: number, to: number) => string;

function rereadChannel(previous: IflowSnapshot, read: Read, lines: LineIndex, change: TextChange, index: number): IflowReading | undefined {
  const edited = previous.model.channels[index] as ChannelRecord;
  if (!edited.facts.selfContained || !readableAlone(previous, edited.start, edited.end)) return undefined;

  const { from, to, delta, reading } = readEdited(previous, read, lines, change, edited);
  const reread = reading.model.channels[0];
  // The fragment's own problems are then the new file's only ones.
  const fits =
    reading.model.channels.length === 1 &&
    reading.model.otherProperties.length === 0 &&
    reading.layout.landmarks === 1 && // the channel itself: nothing flow-level inside
    reread instanceof ChannelRecord &&
    reread.facts.selfContained &&
    reread.start === from &&
    reread.end === to;
  if (!fits) return undefined;
  return rebuilt(previous, lines, reading, { from, delta, channel: reread });
}

/**
 * A property outside channels (flow steps, the collaboration, participants)
 * holds nothing the rest of the model depends on: an edit strictly inside
 * one is read like a channel's, when the XML reader closed it cleanly on its own.
 */
function rereadLooseProperty(
  previous: IflowSnapshot,
  read: Read,
  readBefore: Read,
  lines: LineIndex,
  change: TextChange,
): IflowReading | undefined {
  const edited = propertyAround(previous.model.otherProperties, change);
  if (!edited || !readableAlone(previous, edited.start, edited.end)) return undefined;
  // No channel may hold the property (it would be in the channel's properties then), nor overlap it.
  // And it must have read the same way before the edit: nothing
  // flow-level inside (a channel or participant started in a value, which
  // the model would keep), and closed cleanly (a close tag inside it that
  // unwound the parser's stack changed how the rest of the file read).
  const before = readFragment(previous, readBefore(edited.start, edited.end), edited.start, lines, new Map());
  if (before.layout.landmarks !== 0 || before.model.channels.length !== 0 || before.layout.cleanPropertyEnd !== edited.end)
    return undefined;
  const { from, to, delta, reading } = readEdited(previous, read, lines, change, edited);
  const reread = reading.model.otherProperties[0];
  const fits =
    reading.model.channels.length === 0 &&
    reading.model.otherProperties.length === 1 &&
    reading.layout.landmarks === 0 &&
    reading.layout.cleanPropertyEnd === to &&
    reread instanceof PropertyRecord &&
    reread.start === from &&
    reread.end === to;
  if (!fits) return undefined;
  return rebuilt(previous, lines, reading, { from, delta, property: edited, reread });
}

/** Whether the element at [start, end) of the previous reading may be read again on its own. */
function readableAlone(previous: IflowSnapshot, start: number, end: number): boolean {
  const { layout, model } = previous;
  if (layout.namespacesSettledAt > start) return false;
  // Elements left open at the end of a truncated file are reported there,
  // which is also the end of an element that ends the file.
  if (layout.problemSpan && layout.problemSpan.end >= previous.text.length) return false;
  return !((model.problems.length > 0 || layout.problemSpan) && !within(layout.problemSpan, start, end));
}

/** The edited element, [start, end) before the change, read again from the new text on its own: at [from, to), `delta` longer. */
function readEdited(
  previous: IflowSnapshot,
  read: Read,
  lines: LineIndex,
  change: TextChange,
  edited: { readonly start: number; readonly end: number },
): { from: number; to: number; delta: number; reading: IflowReading } {
  const delta = change.newEnd - change.oldEnd;
  const from = edited.start;
  const to = edited.end + delta;
  return { from, to, delta, reading: readFragment(previous, read(from, to), from, lines) };
}

/** `element`, the file's text at `from`, read on its own where it sits in the file: under the file's namespace bindings, in its offsets. */
function readFragment(
  previous: IflowSnapshot,
  element: string,
  from: number,
  lines: LineIndex,
  participants = previous.model.participants,
): IflowReading {
  // A copy, not a slice: the element's strings would otherwise keep this whole version of the file alive after later edits elsewhere.
  const fragment = detached(element);
  return readIflowWithLayout(fragment, lines, { namespaces: previous.layout.namespaces, participants, offset: from });
}

type Replacement = { readonly from: number; readonly delta: number } & (
  { readonly channel: ChannelRecord } | { readonly property: PropertyRecord; readonly reread: PropertyRecord }
);

/** The previous model with the re-read element in place and everything after it moved by `delta`. */
function rebuilt(previous: IflowSnapshot, lines: LineIndex, reading: IflowReading, replacement: Replacement): IflowReading | undefined {
  const { model, layout } = previous;
  const { from, delta } = replacement;
  // Everything after the element moves by delta and is bound to the new line
  // index; a moved channel is a small object whose properties stay a table
  // of offsets until asked for (ChannelRecord.moved), so no property record
  // of a channel is moved. Channels and loose properties before the element
  // keep their offsets and positions, so they are shared with the previous
  // model as they are (a kept channel also spares analysis work:
  // channel-view.ts, channel-findings-cache.ts), still bound to an older
  // line index; that keeps the text of that version alive, so once they are
  // bound to too many versions, they are copied onto the new one.
  const versions = new Set<LineIndex>([lines]);
  for (const channel of model.channels) {
    if (!(channel instanceof ChannelRecord)) return undefined;
    if (channel.start < from) versions.add(channel.lines);
  }
  for (const property of model.otherProperties) {
    if (!(property instanceof PropertyRecord)) return undefined;
    if (property.start < from) versions.add(property.boundTo);
  }
  let participantsBehind = false;
  for (const participant of model.participants.values()) {
    if (!(participant instanceof ParticipantRecord)) return undefined;
    if (participant.start < from) versions.add(participant.boundTo);
    else participantsBehind = true;
  }
  const rebind = versions.size > MAX_LINE_INDEXES;
  const channels: ChannelRecord[] = [];
  for (const channel of model.channels as readonly ChannelRecord[]) {
    if (channel.start === from && 'channel' in replacement) channels.push(replacement.channel);
    else if (channel.start > from) channels.push(channel.moved(delta, lines));
    else channels.push(rebind ? channel.moved(0, lines) : channel);
  }
  const otherProperties: IflowProperty[] = [];
  for (const property of model.otherProperties as readonly PropertyRecord[]) {
    if ('property' in replacement && property === replacement.property) otherProperties.push(replacement.reread);
    else if (property.start >= from) otherProperties.push(property.moved(delta, lines));
    else otherProperties.push(rebind ? property.moved(0, lines) : property);
  }
  // Participants likewise; when none lies behind the element, the previous model's map serves as it is.
  let participants = model.participants;
  if (participantsBehind || rebind) {
    const moved = new Map<string, Participant>();
    for (const [id, participant] of model.participants as ReadonlyMap<string, ParticipantRecord>) {
      if (participant.start >= from) moved.set(id, participant.moved(delta, lines));
      else moved.set(id, rebind ? participant.moved(0, lines) : participant);
    }
    participants = moved;
  }
  return {
    model: { name: model.name, participants, channels, otherProperties, problems: reading.model.problems },
    layout: { ...layout, problemSpan: reading.layout.problemSpan },
  };
}

/** The loose property whose element strictly contains the change (its first and last character unchanged). */
function propertyAround(properties: readonly IflowProperty[], change: TextChange): PropertyRecord | undefined {
  // In document order: find the last one starting before the change.
  let low = 0;
  let high = properties.length - 1;
  let found: IflowProperty | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const property = properties[mid];
    if (!(property instanceof PropertyRecord)) return undefined;
    if (property.start < change.start) {
      found = property;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found instanceof PropertyRecord && change.oldEnd < found.end ? found : undefined;
}

/** Whether `span` (of the problems) is known and lies in [start, end). */
function within(span: IflowLayout['problemSpan'], start: number, end: number): boolean {
  return span !== undefined && span.start >= start && span.end <= end;
}

/** Index of the channel whose element strictly contains the change (its first and last character unchanged), else -1. */
function channelAround(channels: IflowModel['channels'], change: TextChange): number {
  // Channels are in document order; find the last one starting before the change.
  let low = 0;
  let high = channels.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const channel = channels[mid];
    if (!(channel instanceof ChannelRecord)) return -1;
    if (channel.start < change.start) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) return -1;
  const channel = channels[found] as ChannelRecord;
  return channel.end >= 0 && change.oldEnd < channel.end ? found : -1;
}
