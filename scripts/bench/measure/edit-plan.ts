// The one-character edits typed into the large iFlow, planned on its text:
// a character typed into a value and deleted again, an address toggled
// https -> http and back (or http -> https and back), and a "<" typed and
// removed (the XML breaks for a moment). Every pair restores the text, so
// the planned offsets stay valid. Sites rotate through the start, middle and
// end of the file and random places in between.
import { lineAt } from '@cpi/common/text/range';
import type { Random } from '../workload/prng';

export interface PlannedEdit {
  /** Offset in the text as it is before this edit. */
  readonly offset: number;
  /** Characters removed at the offset (0 or 1). */
  readonly remove: number;
  readonly insert: string;
  readonly kind: 'type' | 'delete' | 'scheme' | 'scheme back' | 'lt' | 'lt removed';
}

interface Sites {
  /** Ends of non-empty values (typing appends there). */
  readonly values: number[];
  /** Offsets of "http" in literal http(s):// values, with whether the s is there. */
  readonly schemes: { offset: number; secure: boolean }[];
}

function findSites(text: string): Sites {
  const values: number[] = [];
  for (const match of text.matchAll(/<value>([^<]+)<\/value>/g)) values.push(match.index! + 7 + match[1].length);
  const schemes: { offset: number; secure: boolean }[] = [];
  for (const match of text.matchAll(/<value>(https?):\/\//g)) schemes.push({ offset: match.index! + 7, secure: match[1] === 'https' });
  return { values, schemes };
}

/** One of the sites in the region: the first, middle or last tenth of them, or anywhere. */
function pick<T>(sites: readonly T[], region: number, random: Random): T {
  const tenth = Math.max(1, Math.floor(sites.length / 10));
  const starts = [0, Math.floor(sites.length / 2 - tenth / 2), sites.length - tenth];
  if (region === 3) return random.pick(sites);
  return sites[starts[region] + random.int(0, tenth - 1)];
}

export function planEdits(text: string, count: number, random: Random): PlannedEdit[] {
  const sites = findSites(text);
  if (sites.values.length === 0 || sites.schemes.length === 0) throw new Error('the large iFlow has no values or addresses to edit');
  const edits: PlannedEdit[] = [];
  for (let cycle = 0; edits.length < count; cycle++) {
    const region = cycle % 4;
    const value = pick(sites.values, region, random);
    const typed = random.pick(['a', 'e', '1', '_', 'x']);
    edits.push({ offset: value, remove: 0, insert: typed, kind: 'type' }, { offset: value, remove: 1, insert: '', kind: 'delete' });
    const scheme = pick(sites.schemes, region, random);
    const at = scheme.offset + 4; // after "http"
    if (scheme.secure)
      edits.push({ offset: at, remove: 1, insert: '', kind: 'scheme' }, { offset: at, remove: 0, insert: 's', kind: 'scheme back' });
    else edits.push({ offset: at, remove: 0, insert: 's', kind: 'scheme' }, { offset: at, remove: 1, insert: '', kind: 'scheme back' });
    if (cycle % 3 === 2) {
      const broken = pick(sites.values, (region + 1) % 4, random) - 1;
      edits.push({ offset: broken, remove: 0, insert: '<', kind: 'lt' }, { offset: broken, remove: 1, insert: '', kind: 'lt removed' });
    }
  }
  return edits.slice(0, count - (count % 2)); // whole pairs only, so the text ends as it began
}

/** Line starts of a text, kept up to date for edits that add or remove one character (never a line break). */
export class LineStarts {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    const line = lineAt(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }

  /** After `delta` characters were inserted (positive) or removed (negative) at `offset`. */
  shift(offset: number, delta: number): void {
    for (let i = this.position(offset).line + 1; i < this.starts.length; i++) this.starts[i] += delta;
  }
}
