import { LineIndex } from '../text/range';
import { ChannelRecord, ParticipantRecord, type ChannelFacts } from './channel-record';
import type { ChannelDirection, IflowModel, IflowProperty, Participant, ParticipantType, XmlProblem } from './model';
import { BPMN_NS, IFL_NS } from './namespaces';
import { PropertyRecord, type PropertyOffsets } from './property-record';
import { detached } from '../text/detached';
import { readWithSaxes, type CleanClose } from './saxes-source';
import { scanWellFormed } from './well-formed';
import { decodeXmlText, xmlSourceText } from './xml-text';

/** Enough to show what is wrong without letting a garbage file flood the editor. */
const MAX_PROBLEMS = 100;

/** Consequences of one earlier mistake, repeated for every later element. */
const ONCE_PER_DOCUMENT = new Set(['documents may contain only one root.', 'text data outside of root node.']);

interface FlowDraft {
  readonly id: string;
  readonly nameAttribute?: string;
  readonly sourceRef?: string;
  readonly targetRef?: string;
  readonly start: number;
  readonly startTagEnd: number;
  readonly properties: Map<string, PropertyRecord>;
  /** Nothing (property, other channel) was open when it started. */
  readonly clean: boolean;
  /** `landmarks` just after its start tag: unchanged at its close means nothing flow-level inside. */
  readonly landmarksAtStart: number;
  /** Past its own close tag; -1 until then (and for good when it never closes). */
  end: number;
  selfContained: boolean;
  /** Its element as the XML reader knows it: its close must pop exactly this (see closeElement). */
  readonly element: unknown;
  /**
   * The XML reader popped `element` at the channel's own close tag with
   * nothing pending (no stray text kept for later): whatever went wrong inside left
   * the parser as a clean channel would, so the rest of the file reads the same.
   */
  closedCleanly: boolean;
}

/**
 * The one `ifl:property` being read, reused for every property (a large
 * iFlow has tens of thousands; an object per property and part would be
 * garbage to collect). Offsets are in the text being read.
 */
class PropertyDraft implements PropertyOffsets {
  open = false;
  start = 0;
  end = 0;
  flow: FlowDraft | undefined;
  key: string | undefined;
  keyStart = 0;
  keyEnd = 0;
  keyElementStart = 0;
  keyElementEnd = 0;
  valueStart = -1;
  valueEnd = -1;
  valueElementStart = -1;
  valueElementEnd = -1;
  /** The open `<key>` or `<value>` child, if any, and where its element and content start. */
  part: 'key' | 'value' | undefined;
  partElementStart = 0;
  partContentStart = 0;

  begin(start: number, flow: FlowDraft | undefined): void {
    this.open = true;
    this.start = start;
    this.flow = flow;
    this.key = undefined;
    this.valueStart = -1;
    this.valueEnd = -1;
    this.valueElementStart = -1;
    this.valueElementEnd = -1;
    this.part = undefined;
  }
}

/** For reading one channel's element text on its own (an incremental update). */
export interface FragmentContext {
  /** Namespace bindings in force where the fragment sits in the file. */
  readonly namespaces: ReadonlyMap<string, string>;
  /** The file's participants, which decide the direction of channels that state none. */
  readonly participants: ReadonlyMap<string, Participant>;
  /** File offset of the fragment's first character (offsets in the model are file offsets). */
  readonly offset: number;
}

/** What an incremental update needs to know about the file beyond the model. */
export interface IflowLayout {
  /** Namespace bindings at the end of the file. */
  readonly namespaces: ReadonlyMap<string, string>;
  /** Just past the last tag declaring a namespace (0 when none): channels after it all see `namespaces`. */
  readonly namespacesSettledAt: number;
  /** Participants, collaborations, processes, definitions and namespace declarations seen. */
  readonly landmarks: number;
  /** File offsets covering every XML problem found (also those left out of the model); absent when there are none. */
  readonly problemSpan?: { readonly start: number; readonly end: number };
  /**
   * Just past the last `ifl:property` that the XML reader closed at its own
   * close tag with nothing pending (-1 when none): read on its own, such a property
   * leaves the parser as it would within the file (see incremental.ts).
   */
  readonly cleanPropertyEnd: number;
}

export interface IflowReading {
  readonly model: IflowModel;
  readonly layout: IflowLayout;
}

type ElementKind = 'messageFlow' | 'participant' | 'collaboration' | 'process' | 'property' | 'key' | 'value' | 'extensionElements' | 'definitions' | 'other';

/**
 * Reads an iFlow (.iflw) into channels, participants and loose properties.
 * Total: malformed or half-typed XML yields problems, never an exception,
 * and everything that still parses is kept. Entities are never expanded.
 *
 * An XML reader (the fast one, else saxes: see readIflowWithLayout) reports
 * the elements, but which element is open is tracked here from the close
 * tags actually present in the text: after a stray or mismatched close tag
 * saxes unwinds its whole stack, and following it would orphan the rest of
 * the channel being edited.
 */
export function readIflow(text: string, lines: LineIndex = new LineIndex(text)): IflowModel {
  return readIflowWithLayout(text, lines).model;
}

/**
 * readIflow, plus the layout an incremental update needs. With `fragment`,
 * `text` is one element taken out of a file whose `lines` are given, and
 * the result is in that file's offsets.
 */
export function readIflowWithLayout(text: string, lines: LineIndex, fragment?: FragmentContext): IflowReading {
  // Most files are plain well-formed XML, which the fast reader takes; it
  // gives up on anything else, which saxes then reads, reporting problems.
  return readIflowWith('fast', text, lines, fragment) ?? readIflowWith('saxes', text, lines, fragment)!;
}

/**
 * readIflowWithLayout with one XML reader: the fast one (scanWellFormed),
 * undefined when it gives up, or saxes, which reads anything. For the
 * tests that hold both to the same result.
 */
export function readIflowWith(xmlReader: 'fast' | 'saxes', text: string, lines: LineIndex, fragment?: FragmentContext): IflowReading | undefined {
  const fast = xmlReader === 'fast';
  const shift = fragment?.offset ?? 0;
  const prefixes = new Map<string, string>(fragment?.namespaces);
  const participants = new Map<string, Participant>(fragment?.participants);
  const flows: FlowDraft[] = [];
  const otherProperties: IflowProperty[] = [];
  let landmarks = 0;
  let namespacesSettledAt = 0;
  let collaborationName: string | undefined;
  let processName: string | undefined;

  let flow: FlowDraft | undefined;
  const property = new PropertyDraft();
  let propertyElement: unknown; // the XML reader's element of the open property
  let cleanPropertyEnd = -1;
  let lastKey: string | undefined;
  let nextXmlns = text.indexOf('xmlns');

  // Element names repeat thousands of times; classify each distinct name once
  // per set of namespace bindings. A name is a new string for every element,
  // so even a map lookup (hashing it) is worth avoiding: the length of the
  // local name rules out most, `key` and `value` need no namespace, and the
  // last name looked up (mostly `ifl:property`) is remembered.
  let kinds = new Map<string, ElementKind>();
  let bindings = 0; // namespace declarations so far: a change may reclassify names
  let lastName = '';
  let lastKind: ElementKind = 'other';
  const kindOf = (qname: string): ElementKind => {
    const localLength = qname.length - qname.indexOf(':') - 1;
    if (localLength === 3) return qname.endsWith('key') ? 'key' : 'other';
    if (localLength === 5) return qname.endsWith('value') ? 'value' : 'other';
    if (localLength > 30 || ((CLASSIFIED_LENGTHS >> localLength) & 1) === 0) return 'other';
    if (qname === lastName) return lastKind;
    let kind = kinds.get(qname);
    if (kind === undefined) {
      kind = classify(qname, prefixes);
      kinds.set(qname, kind);
    }
    lastName = qname;
    lastKind = kind;
    return kind;
  };

  const finishPart = (contentEnd: number, elementEnd: number): void => {
    const kind = property.part;
    property.part = undefined;
    if (!kind || !property.open) return;
    const contentStart = property.partContentStart;
    const end = Math.max(contentStart, contentEnd);
    if (kind === 'key') {
      // Keys come in the same order in every channel of a kind: the key that
      // followed the previous one last time is checked in place first, which
      // spares copying and hashing the key's text for almost every property.
      const expected = lastKey === undefined ? undefined : keyAfter.get(lastKey);
      const key = expected !== undefined && expected.length === end - contentStart && text.startsWith(expected, contentStart) ? expected : internedKey(decodeXmlText(text, contentStart, end));
      if (lastKey !== undefined && key !== expected && isKeptKey(lastKey) && isKeptKey(key)) keyAfter.set(lastKey, key);
      lastKey = key;
      property.key = key;
      property.keyStart = contentStart;
      property.keyEnd = end;
      property.keyElementStart = property.partElementStart;
      property.keyElementEnd = elementEnd;
    } else {
      // decoded when a rule first reads it (PropertyRecord.value)
      property.valueStart = contentStart;
      property.valueEnd = end;
      property.valueElementStart = property.partElementStart;
      property.valueElementEnd = elementEnd;
    }
  };

  const finishProperty = (end: number): void => {
    if (!property.open) return;
    property.open = false;
    const key = property.key;
    if (key === undefined) return;
    property.end = end;
    // A fragment's values are decoded now, from the fragment (see PropertyRecord.decoded).
    const value = fragment && property.valueStart >= 0 ? xmlSourceText(text, property.valueStart, property.valueEnd, lines, shift) : undefined;
    const result = new PropertyRecord(key, property, shift, lines, value);
    if (property.flow) property.flow.properties.set(key, result);
    else otherProperties.push(result);
  };

  /**
   * Ends what a close tag (or a new sibling) at [start, end) implies. Only
   * the element's own close tag ends it cleanly; an outer close or a new
   * sibling ends it at `start`, and a channel ended so stays incomplete.
   */
  const closeUpTo = (level: 'part' | 'property' | 'flow', start: number, end: number, own: boolean): void => {
    if (property.part) finishPart(start, own && level === 'part' ? end : start);
    if (level === 'part') return;
    if (property.open) finishProperty(own && level === 'property' ? end : start);
    if (level === 'property') return;
    if (flow && own) {
      flow.end = end;
      flow.selfContained = flow.clean && landmarks === flow.landmarksAtStart && flow.closedCleanly;
    }
    flow = undefined;
  };

  const onClose = (kind: ElementKind, start: number, end: number): void => {
    switch (kind) {
      case 'key':
      case 'value':
        closeUpTo('part', start, end, true);
        break;
      case 'property':
        closeUpTo('property', start, end, true);
        break;
      case 'extensionElements':
        closeUpTo('property', start, end, false);
        break;
      case 'messageFlow':
        closeUpTo('flow', start, end, true);
        break;
      case 'collaboration':
      case 'process':
      case 'definitions':
        closeUpTo('flow', start, end, false);
        break;
      default:
        // Unknown elements (also stray markup inside a value) end nothing.
        break;
    }
  };

  // The kind of each element the XML reader has open, pushed and popped with
  // its own stack (saxes also while it unwinds after an error), so a close
  // needs no second lookup unless namespace declarations came in between.
  const openKinds: ElementKind[] = [];
  const openBindings: number[] = [];

  /** The kind of the element a close tag ends, taken off the stack. */
  const poppedKind = (name: string): ElementKind => {
    const opened = openBindings.pop();
    const known = openKinds.pop();
    return known !== undefined && opened === bindings ? known : kindOf(name);
  };

  /** The last channel closed cleanly (see ElementSink.revokeCleanClose). */
  let cleanlyClosed: FlowDraft | undefined;

  /**
   * A start tag at [start, end). `element` identifies it until its close;
   * `nothingPending`: the XML reader holds no stray text from an earlier mistake.
   */
  const openElement = (name: string, start: number, end: number, selfClosing: boolean, element: unknown, attributesOf: () => Record<string, string>, nothingPending: boolean): void => {
    // Namespace declarations sit on the root in practice; look only where the
    // tag text has one (the next occurrence is searched once, not per element).
    if (nextXmlns >= 0 && nextXmlns < start) nextXmlns = text.indexOf('xmlns', start);
    if (nextXmlns >= 0 && nextXmlns < end) {
      const attributes = attributesOf();
      for (const attribute in attributes) {
        if (attribute === 'xmlns') prefixes.set('', attributes[attribute]);
        else if (attribute.startsWith('xmlns:')) prefixes.set(attribute.slice(6), attributes[attribute]);
        else continue;
        kinds = new Map();
        lastName = '';
        bindings++;
        landmarks++;
        namespacesSettledAt = end + shift;
      }
    }
    const kind = kindOf(name);
    if (!selfClosing) {
      openKinds.push(kind);
      openBindings.push(bindings);
    }
    switch (kind) {
      case 'messageFlow': {
        const attributes = attributesOf();
        const clean = !flow && !property.open;
        if (flow) closeUpTo('flow', start, start, false);
        // Another channel inside this one is flow-level content too.
        landmarks++;
        const draft: FlowDraft = {
          id: attributes.id ?? '',
          nameAttribute: attributes.name,
          sourceRef: attributes.sourceRef,
          targetRef: attributes.targetRef,
          start,
          startTagEnd: end,
          properties: new Map(),
          clean,
          landmarksAtStart: landmarks,
          end: selfClosing ? end : -1,
          selfContained: selfClosing && clean && nothingPending,
          element,
          closedCleanly: false,
        };
        flows.push(draft);
        flow = selfClosing ? undefined : draft;
        break;
      }
      case 'participant':
        if (property.open) closeUpTo('property', start, start, false);
        landmarks++;
        addParticipant(participants, attributesOf(), prefixes, start + shift, end + shift, lines);
        break;
      case 'collaboration':
        landmarks++;
        collaborationName ??= attributesOf().name;
        break;
      case 'process':
        landmarks++;
        processName ??= attributesOf().name;
        break;
      case 'definitions':
        landmarks++;
        break;
      case 'property':
        if (property.open) closeUpTo('property', start, start, false);
        property.begin(start, flow);
        propertyElement = element;
        if (selfClosing) closeUpTo('property', end, end, true);
        break;
      case 'key':
      case 'value':
        if (!property.open) break;
        if (property.part) closeUpTo('part', start, start, false);
        if (kind === 'key' && (property.key !== undefined || property.valueElementStart >= 0)) {
          // A second key: the previous property lost its close tag.
          closeUpTo('property', start, start, false);
          property.begin(start, flow);
        }
        property.part = kind;
        property.partElementStart = start;
        if (selfClosing) {
          // `<value/>`: empty content located where the content would go, before "/>".
          const at = Math.max(start, end - 2);
          property.partContentStart = at;
          finishPart(at, end);
        } else {
          property.partContentStart = end;
        }
        break;
      default:
        break;
    }
  };

  /** The end tag at [start, end) of `element`; what it closed cleanly (see ElementSink.close). */
  const closeElement = (name: string, start: number, end: number, element: unknown, nothingPending: boolean, ownTag: boolean): CleanClose | undefined => {
    const kind = poppedKind(name);
    if (kind === 'other' || !ownTag) return undefined;
    let clean: CleanClose | undefined;
    if (kind === 'messageFlow' && flow && flow.element === element && nothingPending) {
      flow.closedCleanly = true;
      cleanlyClosed = flow;
      clean = 'channel';
    } else if (kind === 'property' && element === propertyElement && nothingPending) {
      cleanPropertyEnd = end + shift;
      clean = 'property';
    }
    onClose(kind, start, end);
    return clean;
  };

  // After one mistake saxes often reports the same thing at every following
  // character or element; one problem per stretch is what a reader needs.
  const found: { message: string; start: number; end: number }[] = [];
  // Where problems were found, also those merged or left out: an update may
  // skip re-reading only where there were none.
  let problemsFrom = Infinity;
  let problemsTo = -Infinity;
  const addProblem = (message: string, start: number, end: number): void => {
    problemsFrom = Math.min(problemsFrom, start);
    problemsTo = Math.max(problemsTo, end);
    const last = found.length > 0 ? found[found.length - 1] : undefined;
    if (last && last.message === message && start <= last.end) {
      last.end = Math.max(last.end, end);
      return;
    }
    if (found.length >= MAX_PROBLEMS) return;
    if (ONCE_PER_DOCUMENT.has(message) && found.some((problem) => problem.message === message)) return;
    found.push({ message, start, end });
  };

  if (fast) {
    const read = scanWellFormed(text, {
      open: (name, start, end, selfClosing, attributes) => openElement(name, start, end, selfClosing, start, attributes, true),
      close: (name, start, end, openedAt) => void closeElement(name, start, end, openedAt, true, true),
    });
    if (!read) return undefined;
  } else {
    readWithSaxes(text, {
      open: openElement,
      close: closeElement,
      revokeCleanClose: (what) => {
        if (what === 'property') cleanPropertyEnd = -1;
        else if (cleanlyClosed) {
          cleanlyClosed.closedCleanly = false;
          cleanlyClosed.selfContained = false;
        }
      },
      strayClose: (name, start, end) => onClose(kindOf(name), start, end),
      problem: addProblem,
    });
  }

  // The document ended inside a property or channel (truncated or half-typed).
  if (property.part) finishPart(text.length, text.length);
  if (property.open) finishProperty(text.length);

  const model: IflowModel = {
    name: collaborationName ?? processName ?? '',
    participants,
    channels: flows.map((draft) => toChannel(draft, participants, lines, shift)),
    otherProperties,
    problems: found.map((problem): XmlProblem => ({ message: problem.message, range: lines.rangeOf(problem.start + shift, problem.end + shift) })),
  };
  const problemSpan = problemsTo < problemsFrom ? undefined : { start: problemsFrom + shift, end: problemsTo + shift };
  return { model, layout: { namespaces: prefixes, namespacesSettledAt, landmarks, problemSpan, cleanPropertyEnd } };
}

// The same few hundred keys repeat in every channel of every file: one
// string each, shared by all files (also less to hold, and lookups keyed by
// them, like the rules' "is this a secret name?", compare by identity).
// Copies, since a slice would keep its file's text alive; bounded, since
// keys can be anything.
const KEYS_KEPT = 4096;
const keyStrings = new Map<string, string>();

/** For each key, the one that followed it last (see finishPart); keys are interned, so both are few. */
const keyAfter = new Map<string, string>();

/**
 * An interned key (see internedKey) whose raw text is the key itself:
 * nothing decoding would change, so a match in place is exact.
 */
function isKeptKey(key: string): boolean {
  return key.length <= LONGEST_KEY_KEPT && key.indexOf('&') < 0 && key.indexOf('<') < 0 && key.indexOf('\r') < 0;
}

/** Longer ones are half-typed markup taken for a key (an unclosed `<![CDATA[` in `<key>`), not worth keeping. */
const LONGEST_KEY_KEPT = 200;

function internedKey(key: string): string {
  if (key.length > LONGEST_KEY_KEPT) return detached(key);
  let known = keyStrings.get(key);
  if (known === undefined) {
    if (keyStrings.size >= KEYS_KEPT) {
      keyStrings.clear();
      keyAfter.clear();
    }
    known = detached(key);
    keyStrings.set(known, known);
  }
  return known;
}

/** Lengths of the local names classify() tells apart besides `key` and `value`, as bits (a set lookup per element shows in profiles). */
const CLASSIFIED_LENGTHS = ['property', 'messageFlow', 'participant', 'collaboration', 'process', 'extensionElements', 'definitions'].reduce((bits, name) => bits | (1 << name.length), 0);

function classify(qname: string, prefixes: ReadonlyMap<string, string>): ElementKind {
  const colon = qname.indexOf(':');
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  // A prefix nobody declared (half-typed document) falls back to the local name.
  const uri = prefixes.get(colon < 0 ? '' : qname.slice(0, colon));
  switch (local) {
    case 'key':
    case 'value':
      return local;
    case 'property':
      return uri === undefined || uri === IFL_NS ? 'property' : 'other';
    case 'messageFlow':
    case 'participant':
    case 'collaboration':
    case 'process':
    case 'extensionElements':
    case 'definitions':
      return uri === undefined || uri === BPMN_NS ? local : 'other';
    default:
      return 'other';
  }
}

function addParticipant(participants: Map<string, Participant>, attributes: Record<string, string>, prefixes: Map<string, string>, start: number, end: number, lines: LineIndex): void {
  const id = attributes.id ?? '';
  participants.set(id, new ParticipantRecord(id, attributes.name, participantType(iflTypeAttribute(attributes, prefixes)), start, end, lines));
}

/** `ifl:type`, also under another prefix bound to the ifl namespace or an undeclared one. */
function iflTypeAttribute(attributes: Record<string, string>, prefixes: Map<string, string>): string | undefined {
  if (attributes['ifl:type'] !== undefined && (prefixes.get('ifl') ?? IFL_NS) === IFL_NS) return attributes['ifl:type'];
  for (const name in attributes) {
    const colon = name.indexOf(':');
    if (colon < 0 || name.slice(colon + 1) !== 'type' || name.startsWith('xmlns:')) continue;
    const uri = prefixes.get(name.slice(0, colon));
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

function toChannel(draft: FlowDraft, participants: ReadonlyMap<string, Participant>, lines: LineIndex, shift: number): ChannelRecord {
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
