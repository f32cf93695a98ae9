import type { LineIndex, Range } from '@cpi/common/text/range';
import type { Channel, ChannelDirection, Participant, ParticipantType } from './model';
import type { PropertyRecord } from './property-record';
import { PropertyTable } from './property-table';

/**
 * What the reader found in one `bpmn2:messageFlow` element, with offsets in
 * the text it read. Every copy of the channel that an edit elsewhere moves
 * shares this object, so its identity means "this channel's text has not
 * changed" (analysis keeps rule results by it).
 */
export interface ChannelFacts {
  readonly id: string;
  readonly name: string;
  readonly adapter: string;
  readonly direction: ChannelDirection;
  readonly sourceRef?: string;
  readonly targetRef?: string;
  /** The `<` of the start tag. */
  readonly start: number;
  readonly startTagEnd: number;
  /** Just past the element's own close tag (or self-closing start tag); -1 when it never closed. */
  readonly end: number;
  /**
   * Read with nothing else open around it and nothing flow-level inside
   * (participants, namespace declarations, other channels), and closed by
   * the XML reader at its own close tag with nothing pending (XML problems inside
   * left no trace for what follows): reading the element's text on its own
   * gives the same channel and problems.
   */
  readonly selfContained: boolean;
}

/**
 * A Channel bound to one version of the file: facts plus where they now sit.
 * A channel that an edit elsewhere moves keeps its properties as a table of
 * offsets (property-table.ts), bound to no version of the file, and makes
 * records of them only when they are first asked for: with its findings
 * kept (channel-findings-cache.ts) nothing reads them, and copying tens of
 * thousands of records per keystroke was most of the garbage an edit of a
 * large file left.
 */
export class ChannelRecord implements Channel {
  readonly id: string;
  readonly name: string;
  readonly adapter: string;
  readonly direction: ChannelDirection;
  readonly sourceRef?: string;
  readonly targetRef?: string;
  readonly incomplete?: boolean;
  private cachedRange: Range | undefined;
  private ownProperties: ReadonlyMap<string, PropertyRecord> | undefined;
  private table: PropertyTable | undefined;

  constructor(
    readonly facts: ChannelFacts,
    properties: ReadonlyMap<string, PropertyRecord> | PropertyTable,
    /** The line index its ranges (and its properties') are computed with. */
    readonly lines: LineIndex,
    private readonly shift = 0,
  ) {
    if (properties instanceof PropertyTable) this.table = properties;
    else this.ownProperties = properties;
    this.id = facts.id;
    this.name = facts.name;
    this.adapter = facts.adapter;
    this.direction = facts.direction;
    this.sourceRef = facts.sourceRef;
    this.targetRef = facts.targetRef;
    if (facts.end < 0) this.incomplete = true;
  }

  get properties(): ReadonlyMap<string, PropertyRecord> {
    return (this.ownProperties ??= this.table!.records(this.start, this.lines));
  }

  /** Whether its property records were made (they are, once asked for): the rest of the time it holds only a table. */
  get hasRecords(): boolean {
    return this.ownProperties !== undefined;
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.facts.start + this.shift, this.facts.startTagEnd + this.shift));
  }

  /** Offset of the start tag's `<` in the file. */
  get start(): number {
    return this.facts.start + this.shift;
  }

  /** Offset just past the element in the file; -1 when it never closed. */
  get end(): number {
    return this.facts.end < 0 ? -1 : this.facts.end + this.shift;
  }

  /**
   * The same channel `delta` characters further on in a new version of the
   * file (indexed by `lines`), bound to nothing of this version: its
   * properties pass on as a table, made once and shared by every later copy.
   */
  moved(delta: number, lines: LineIndex): ChannelRecord {
    this.table ??= PropertyTable.of(this.ownProperties!, this.start);
    return new ChannelRecord(this.facts, this.table, lines, this.shift + delta);
  }

  /** Plain data for logs and snapshots (getters are not own properties). */
  toJSON(): object {
    const { id, name, adapter, direction, sourceRef, targetRef, incomplete } = this;
    return { id, name, adapter, direction, sourceRef, targetRef, properties: [...this.properties.values()], range: this.range, incomplete };
  }
}

/** A participant whose range is computed on first use. */
export class ParticipantRecord implements Participant {
  private cachedRange: Range | undefined;

  constructor(
    readonly id: string,
    readonly name: string | undefined,
    readonly type: ParticipantType,
    /** Offsets of the start tag in the file. */
    readonly start: number,
    readonly end: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }

  /** The line index its range is computed with: it keeps that version of the text alive. */
  get boundTo(): LineIndex {
    return this.lines;
  }

  moved(delta: number, lines: LineIndex): ParticipantRecord {
    return new ParticipantRecord(this.id, this.name, this.type, this.start + delta, this.end + delta, lines);
  }

  toJSON(): object {
    return { id: this.id, name: this.name, type: this.type, range: this.range };
  }
}
