import type { FlowDraft } from './flow-draft';
import type { PropertyOffsets } from './property-record';

/**
 * The one `ifl:property` being read, reused for every property (a large
 * iFlow has tens of thousands; an object per property and part would be
 * garbage to collect). Offsets are in the text being read.
 */
export class PropertyDraft implements PropertyOffsets {
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
