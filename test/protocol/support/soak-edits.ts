import type { SoakKind } from './soak-workspace';

// Random edits the way an editor sends them while someone types, pastes,
// undoes and converts line endings. Pure: a splice says what to change in a
// text; the caller turns it into an LSP content change.

/** Seeded PRNG (mulberry32): the same seed gives the same sequence of edits. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Replace [start, end) of the text at that moment; `whole` sends it as a full-text change (no range). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly whole?: boolean;
}

/** What the generator knows about the document it edits. */
export interface EditTarget {
  readonly kind: SoakKind;
  readonly text: string;
  /** The text when the soak began: where "undo everything" returns to. */
  readonly pristine: string;
  /** Where the user is typing; the generator moves it. */
  cursor: number;
}

/** Parameter names of the whole workspace, for references and new parameter lines. */
export interface EditContext {
  readonly names: readonly string[];
  /** Texts of other documents of the same kind, to paste from. */
  readonly siblings: readonly string[];
}

const PORTS = ['25', '80', '443', '444', '465', '587', '993', '2222', '8080', '8443'];
const AUTH = ['Basic', 'None', 'Client Certificate', 'OAuth2 Client Credentials', 'Principal Propagation'];
const TYPED: Record<SoakKind, string> = {
  iflow: 'abcxyzHTTPS019 ._-:/<>="{}&;\n\t\u00e9\ud834\udd1e',
  parameters: 'abcxyzHTTPS019 ._-:/=\\#{}\n\u00e9\ud834\udd1e',
  certificate: 'ABCxyz019+/=-\n ',
};
const BREAKERS = ['<', '</', '<ifl:property>', '<value>', '&bad;', '&amp', '"', ']]>', '<!--', '<![CDATA[', '/>'];

/** Never between \r and \n nor inside a surrogate pair: no editor puts a cursor there. */
export function snap(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  if (at > 0 && at < text.length) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    if ((before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)) at--;
  }
  return at;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Where people edit: mostly close to the cursor, now and then anywhere. */
const NEAR = 1500;

/** A stretch of whole lines starting near `around` (anywhere when undefined): [start of line a, start of line b). */
function lineSpan(random: Random, text: string, maxLines: number, around?: number): { start: number; end: number } {
  const starts = lineStarts(text);
  let first = random.int(0, starts.length - 1);
  if (around !== undefined) {
    const line = Math.max(0, starts.findIndex((start) => start > around) - 1);
    first = Math.max(0, Math.min(starts.length - 1, line + random.int(-10, 10)));
  }
  const last = Math.min(starts.length, first + random.int(1, maxLines));
  return { start: starts[first], end: last < starts.length ? starts[last] : text.length };
}

function typed(random: Random, kind: SoakKind, count: number): string {
  // the alphabet holds one surrogate pair: pick it whole
  const units = [...TYPED[kind]];
  let text = '';
  for (let i = 0; i < count; i++) text += random.pick(units);
  return text;
}

/** Kind-specific value changes: the edits that turn findings on and off. */
function valueChange(random: Random, target: EditTarget, context: EditContext): Splice | undefined {
  const { text, kind } = target;
  const candidates: { pattern: RegExp; replace: (match: string) => string }[] = [
    { pattern: /https?(?=:\/\/|\\:\/\/)/g, replace: (m) => (m === 'http' ? 'https' : 'http') },
    { pattern: /(?<=(?:\\)?:)\d{2,5}\b/g, replace: () => random.pick(PORTS) },
  ];
  if (kind === 'iflow') {
    candidates.push(
      {
        pattern: /(?<=<value>)(?:Basic|None|Client Certificate|OAuth2 Client Credentials|Principal Propagation)(?=<\/value>)/g,
        replace: () => random.pick(AUTH),
      },
      {
        pattern: /\{\{[^{}<]*\}\}/g,
        replace: () =>
          random.pick([
            `{{${random.pick(context.names)}}}`,
            `{{${random.pick(context.names)}x}}`,
            'http://legacy.example.com:8080/in',
            '{{',
          ]),
      },
      {
        pattern: /(?<=<value>)(?:true|false|0|1|sapcc|default|Internet|OnPremise)(?=<\/value>)/g,
        replace: (m) => random.pick(['true', 'false', '0', '1', 'sapcc', 'default', m]),
      },
    );
  } else if (kind === 'parameters') {
    candidates.push(
      // a parameter line: new, removed, commented out, renamed, continued on the next line
      {
        pattern: /^[^#\r\n][^\r\n]*$/gm,
        replace: (m) =>
          random.pick([
            `${m}\n${random.pick(context.names).replace(/ /g, '\\ ')}=${random.pick(['http\\://new.example.com\\:8080', 'secret123', 'smtp.example.com\\:25', '{{x}}'])}`,
            '',
            `#${m}`,
            `${m}\\`,
            m.replace(/^\w/, 'Z'),
          ]),
      },
    );
  } else {
    candidates.push(
      { pattern: /-----(?:BEGIN|END) CERTIFICATE-----/g, replace: (m) => random.pick([m.replace('CERTIFICATE', 'CERTIFICAT'), m]) },
      { pattern: /[A-Za-z0-9+/]{8}/g, replace: (m) => [...m].reverse().join('') },
    );
  }
  const candidate = random.pick(candidates);
  const matches = [...text.matchAll(candidate.pattern)];
  const near = matches.filter((m) => Math.abs(m.index! - target.cursor) < NEAR);
  if (matches.length === 0) return undefined;
  const match = random.pick(near.length > 0 && random.chance(0.9) ? near : matches);
  return { start: match.index!, end: match.index! + match[0].length, text: candidate.replace(match[0]) };
}

/**
 * One user action on the document, as the splices an editor would send in
 * one notification (several for multi-cursor typing), each against the text
 * left by the ones before it.
 */
export function randomEdit(random: Random, target: EditTarget, context: EditContext): { label: string; splices: Splice[] } {
  const { text, kind, pristine } = target;
  const at = (offset: number) => snap(text, offset);
  // sizes stay in a band around the start, so the server's memory should too
  if (text.length > pristine.length * 1.5 || text.length < pristine.length * 0.5) {
    return { label: 'undo all', splices: [{ start: 0, end: text.length, text: pristine, whole: random.chance(0.5) }] };
  }
  // the soak moves the cursor between bursts of edits; within one, it mostly stays
  if (random.chance(0.03)) target.cursor = random.int(0, text.length);
  const cursor = (target.cursor = at(target.cursor));
  const near = () => at(cursor + random.int(-NEAR, NEAR));
  const around = random.chance(0.9) ? cursor : undefined;
  const roll = random.next();
  if (roll < 0.32) {
    const insert = typed(random, kind, random.int(1, 3));
    target.cursor = cursor + insert.length;
    return { label: 'type', splices: [{ start: cursor, end: cursor, text: insert }] };
  }
  if (roll < 0.45) {
    const from = at(cursor - random.int(1, 3));
    target.cursor = from;
    return { label: 'backspace', splices: [{ start: from, end: cursor, text: '' }] };
  }
  if (roll < 0.67) {
    const change = valueChange(random, target, context);
    if (change) return { label: 'value', splices: [change] };
  }
  if (roll < 0.74) {
    const span = lineSpan(random, text, 1, around);
    return {
      label: random.chance(0.5) ? 'delete line' : 'duplicate line',
      splices: [
        {
          start: span.start,
          end: random.chance(0.5) ? span.end : span.start,
          text: random.chance(0.5) ? '' : text.slice(span.start, span.end),
        },
      ],
    };
  }
  if (roll < 0.79) {
    // paste whole lines, from this document or another of its kind
    const source = random.chance(0.7) || context.siblings.length === 0 ? text : random.pick(context.siblings);
    const block = lineSpan(random, source, 20, source === text ? around : undefined);
    const into = lineSpan(random, text, 1, around).start;
    return { label: 'paste block', splices: [{ start: into, end: into, text: source.slice(block.start, block.end) }] };
  }
  if (roll < 0.83) {
    const span = lineSpan(random, text, 20, around);
    return { label: 'cut block', splices: [{ start: span.start, end: span.end, text: '' }] };
  }
  if (roll < 0.89) {
    // break the syntax: a stray fragment or a lost stretch
    const where = near();
    if (random.chance(0.5)) return { label: 'break', splices: [{ start: where, end: where, text: random.pick(BREAKERS) }] };
    return { label: 'break', splices: [{ start: where, end: at(where + random.int(1, 60)), text: '' }] };
  }
  if (roll < 0.9) {
    // repair: back to how it began (undo all, or reverting the file); rare,
    // as it also wipes out what an incremental reading got wrong so far
    return { label: 'undo all', splices: [{ start: 0, end: text.length, text: pristine, whole: random.chance(0.5) }] };
  }
  if (roll < 0.93) {
    if (random.chance(0.3)) {
      const converted = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
      return { label: 'line endings', splices: [{ start: 0, end: text.length, text: converted, whole: random.chance(0.3) }] };
    }
    const newline = text.indexOf('\n', near());
    if (newline > 0 && text[newline - 1] !== '\r') return { label: 'crlf', splices: [{ start: newline, end: newline + 1, text: '\r\n' }] };
  }
  // multi-cursor typing: the same characters at several places, last place first
  const insert = typed(random, kind, random.int(1, 2));
  const places = [...new Set([cursor, near(), near()])].sort((a, b) => b - a);
  return { label: 'multi-cursor', splices: places.map((place) => ({ start: place, end: place, text: insert })) };
}
