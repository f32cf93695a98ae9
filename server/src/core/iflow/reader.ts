import { LineIndex } from '@cpi/common/text/range';
import type { CleanClose, ElementSink, EndTag, StartTag } from './element-sink';
import { ElementKinds, type ElementKind } from './element-kind';
import { channelOf, type FlowDraft } from './flow-draft';
import { keyAt } from './key-interning';
import type { IflowModel, IflowProperty, Participant } from './model';
import { participantOf } from './participant-element';
import { PropertyDraft } from './property-draft';
import { PropertyRecord } from './property-record';
import { ReadProblems } from './read-problems';
import { readWithSaxes } from './saxes-source';
import { readWellFormed } from './well-formed-source';
import { xmlSourceText } from './xml-text';

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

/**
 * Reads an iFlow (.iflw) into channels, participants and loose properties.
 * Total: malformed or half-typed XML yields problems, never an exception,
 * and everything that still parses is kept. Entities are never expanded.
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
 * readIflowWithLayout with one XML reader: the fast one (well-formed.ts),
 * undefined when it gives up, or saxes, which reads anything. For the
 * tests that hold both to the same result.
 */
export function readIflowWith(
  xmlReader: 'fast' | 'saxes',
  text: string,
  lines: LineIndex,
  fragment?: FragmentContext,
): IflowReading | undefined {
  const reader = new IflowReader(text, lines, fragment);
  if (xmlReader === 'saxes') readWithSaxes(text, reader);
  else if (!readWellFormed(text, reader)) return undefined;
  return reader.finish();
}

/**
 * Builds the model from the elements an XML reader reports. Which element
 * is open is tracked here from the close tags actually present in the
 * text: after a stray or mismatched close tag saxes unwinds its whole
 * stack, and following it would orphan the rest of the channel being edited.
 */
class IflowReader implements ElementSink {
  /** Added to offsets in the text to make file offsets (a fragment's place in its file). */
  private readonly shift: number;
  private readonly kinds: ElementKinds;
  private readonly participants: Map<string, Participant>;
  private readonly flows: FlowDraft[] = [];
  private readonly otherProperties: IflowProperty[] = [];
  private readonly problems = new ReadProblems();
  /** See IflowLayout.landmarks; channels count too, as flow-level content inside a channel. */
  private landmarks = 0;
  private namespacesSettledAt = 0;
  private cleanPropertyEnd = -1;
  private collaborationName: string | undefined;
  private processName: string | undefined;
  /** The open channel. */
  private flow: FlowDraft | undefined;
  /** The last channel closed cleanly (see revokeCleanClose). */
  private cleanlyClosed: FlowDraft | undefined;
  private readonly property = new PropertyDraft();
  /** The XML reader's element of the open property. */
  private propertyElement: unknown;
  /** The key of the property before (see keyAt). */
  private lastKey: string | undefined;
  /** The next `xmlns` in the text from the current tag on (-1: none left); searched once, not per element. */
  private nextXmlns: number;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly fragment: FragmentContext | undefined,
  ) {
    this.shift = fragment?.offset ?? 0;
    this.kinds = new ElementKinds(fragment?.namespaces);
    this.participants = new Map(fragment?.participants);
    this.nextXmlns = text.indexOf('xmlns');
  }

  open(tag: StartTag): void {
    const { start, end } = tag;
    this.declareNamespaces(tag);
    const kind = this.kinds.of(tag.name);
    if (!tag.selfClosing) this.kinds.opened(kind);
    switch (kind) {
      case 'messageFlow':
        this.openChannel(tag);
        break;
      case 'participant': {
        if (this.property.open) this.closeUpTo('property', start, start, false);
        this.landmarks++;
        const participant = participantOf(tag.attributes(), this.kinds.namespaces, start + this.shift, end + this.shift, this.lines);
        this.participants.set(participant.id, participant);
        break;
      }
      case 'collaboration':
        this.landmarks++;
        this.collaborationName ??= tag.attributes().name;
        break;
      case 'process':
        this.landmarks++;
        this.processName ??= tag.attributes().name;
        break;
      case 'definitions':
        this.landmarks++;
        break;
      case 'property':
        if (this.property.open) this.closeUpTo('property', start, start, false);
        this.property.begin(start, this.flow);
        this.propertyElement = tag.element;
        if (tag.selfClosing) this.closeUpTo('property', end, end, true);
        break;
      case 'key':
      case 'value':
        this.openPart(kind, tag);
        break;
      default:
        break;
    }
  }

  close(tag: EndTag): CleanClose | undefined {
    const kind = this.kinds.closed(tag.name);
    if (kind === 'other' || !tag.ownTag) return undefined;
    let clean: CleanClose | undefined;
    const flow = this.flow;
    if (kind === 'messageFlow' && flow && flow.element === tag.element && tag.nothingPending) {
      flow.closedCleanly = true;
      this.cleanlyClosed = flow;
      clean = 'channel';
    } else if (kind === 'property' && tag.element === this.propertyElement && tag.nothingPending) {
      this.cleanPropertyEnd = tag.end + this.shift;
      clean = 'property';
    }
    this.closeKind(kind, tag.start, tag.end);
    return clean;
  }

  revokeCleanClose(what: CleanClose): void {
    if (what === 'property') this.cleanPropertyEnd = -1;
    else if (this.cleanlyClosed) {
      this.cleanlyClosed.closedCleanly = false;
      this.cleanlyClosed.selfContained = false;
    }
  }

  strayClose(name: string, start: number, end: number): void {
    this.closeKind(this.kinds.of(name), start, end);
  }

  problem(message: string, start: number, end: number): void {
    this.problems.add(message, start, end);
  }

  finish(): IflowReading {
    // The document ended inside a property or channel (truncated or half-typed).
    const length = this.text.length;
    if (this.property.part) this.finishPart(length, length);
    if (this.property.open) this.finishProperty(length);
    const { participants, lines, shift } = this;
    const model: IflowModel = {
      name: this.collaborationName ?? this.processName ?? '',
      participants,
      channels: this.flows.map((draft) => channelOf(draft, participants, lines, shift)),
      otherProperties: this.otherProperties,
      problems: this.problems.located(lines, shift),
    };
    const layout: IflowLayout = {
      namespaces: this.kinds.namespaces,
      namespacesSettledAt: this.namespacesSettledAt,
      landmarks: this.landmarks,
      problemSpan: this.problems.span(shift),
      cleanPropertyEnd: this.cleanPropertyEnd,
    };
    return { model, layout };
  }

  /** Namespace declarations sit on the root in practice: only a tag whose text holds `xmlns` is looked at. */
  private declareNamespaces(tag: StartTag): void {
    if (this.nextXmlns >= 0 && this.nextXmlns < tag.start) this.nextXmlns = this.text.indexOf('xmlns', tag.start);
    if (this.nextXmlns < 0 || this.nextXmlns >= tag.end) return;
    const attributes = tag.attributes();
    for (const attribute in attributes) {
      if (attribute === 'xmlns') this.kinds.bind('', attributes[attribute]);
      else if (attribute.startsWith('xmlns:')) this.kinds.bind(attribute.slice(6), attributes[attribute]);
      else continue;
      this.landmarks++;
      this.namespacesSettledAt = tag.end + this.shift;
    }
  }

  private openChannel(tag: StartTag): void {
    const attributes = tag.attributes();
    const clean = !this.flow && !this.property.open;
    if (this.flow) this.closeUpTo('flow', tag.start, tag.start, false);
    // Another channel inside this one is flow-level content too.
    this.landmarks++;
    const draft: FlowDraft = {
      id: attributes.id ?? '',
      nameAttribute: attributes.name,
      sourceRef: attributes.sourceRef,
      targetRef: attributes.targetRef,
      start: tag.start,
      startTagEnd: tag.end,
      properties: new Map(),
      clean,
      landmarksAtStart: this.landmarks,
      end: tag.selfClosing ? tag.end : -1,
      selfContained: tag.selfClosing && clean && tag.nothingPending,
      element: tag.element,
      closedCleanly: false,
    };
    this.flows.push(draft);
    this.flow = tag.selfClosing ? undefined : draft;
  }

  /** A `<key>` or `<value>` start tag: a part of the open property, if any. */
  private openPart(kind: 'key' | 'value', tag: StartTag): void {
    const property = this.property;
    if (!property.open) return;
    const { start, end } = tag;
    if (property.part) this.closeUpTo('part', start, start, false);
    if (kind === 'key' && (property.key !== undefined || property.valueElementStart >= 0)) {
      // A second key: the previous property lost its close tag.
      this.closeUpTo('property', start, start, false);
      property.begin(start, this.flow);
    }
    property.part = kind;
    property.partElementStart = start;
    if (tag.selfClosing) {
      // `<value/>`: empty content located where the content would go, before "/>".
      const at = Math.max(start, end - 2);
      property.partContentStart = at;
      this.finishPart(at, end);
    } else {
      property.partContentStart = end;
    }
  }

  /** Ends what the close of an element of `kind` at [start, end) ends (also a stray close tag). */
  private closeKind(kind: ElementKind, start: number, end: number): void {
    switch (kind) {
      case 'key':
      case 'value':
        this.closeUpTo('part', start, end, true);
        break;
      case 'property':
        this.closeUpTo('property', start, end, true);
        break;
      case 'extensionElements':
        this.closeUpTo('property', start, end, false);
        break;
      case 'messageFlow':
        this.closeUpTo('flow', start, end, true);
        break;
      case 'collaboration':
      case 'process':
      case 'definitions':
        this.closeUpTo('flow', start, end, false);
        break;
      default:
        // Unknown elements (also stray markup inside a value) end nothing.
        break;
    }
  }

  /**
   * Ends what a close tag (or a new sibling) at [start, end) implies. Only
   * the element's own close tag (`own`) ends it cleanly; an outer close or a
   * new sibling ends it at `start`, and a channel ended so stays incomplete.
   */
  private closeUpTo(level: 'part' | 'property' | 'flow', start: number, end: number, own: boolean): void {
    if (this.property.part) this.finishPart(start, own && level === 'part' ? end : start);
    if (level === 'part') return;
    if (this.property.open) this.finishProperty(own && level === 'property' ? end : start);
    if (level === 'property') return;
    const flow = this.flow;
    if (flow && own) {
      flow.end = end;
      flow.selfContained = flow.clean && this.landmarks === flow.landmarksAtStart && flow.closedCleanly;
    }
    this.flow = undefined;
  }

  private finishPart(contentEnd: number, elementEnd: number): void {
    const property = this.property;
    const kind = property.part;
    property.part = undefined;
    if (!kind || !property.open) return;
    const contentStart = property.partContentStart;
    const end = Math.max(contentStart, contentEnd);
    if (kind === 'key') {
      const key = keyAt(this.text, contentStart, end, this.lastKey);
      this.lastKey = key;
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
  }

  private finishProperty(end: number): void {
    const property = this.property;
    if (!property.open) return;
    property.open = false;
    const key = property.key;
    if (key === undefined) return;
    property.end = end;
    // A fragment's values are decoded now, from the fragment (see PropertyRecord.decoded).
    const value =
      this.fragment && property.valueStart >= 0
        ? xmlSourceText(this.text, property.valueStart, property.valueEnd, this.lines, this.shift)
        : undefined;
    const record = new PropertyRecord(key, property, this.shift, this.lines, value);
    if (property.flow) property.flow.properties.set(key, record);
    else this.otherProperties.push(record);
  }
}
