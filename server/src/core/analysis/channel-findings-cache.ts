import type { Config } from '../config/model';
import type { ConfigTarget } from '../config/target';
import type { Finding } from '@cpi/common/findings';
import { ChannelRecord, type ChannelFacts } from '../iflow/channel-record';
import type { Channel } from '../iflow/model';
import type { LineIndex, Range } from '@cpi/common/text/range';
import type { ParsedParameters } from './parsed';
import type { SecurityMaterial } from '../tenant/material';

// After an edit inside one channel, every other channel of the iFlow keeps
// its ChannelFacts (iflow/incremental.ts). Their findings are then the same
// as before except for where they sit, so they are kept here by those facts
// and moved instead of running the channel rules again: on a 5 MB iFlow
// that is most of the cost of re-analysing after a keystroke.

/** Everything besides the channel's own text that its findings depend on. */
export interface ChannelFindingsContext {
  readonly uri: string;
  readonly config: Config;
  readonly parameters?: ParsedParameters;
  readonly configTarget?: ConfigTarget;
  /** Channel rules look names up in it, and compare its dates with `now`. */
  readonly securityMaterial?: SecurityMaterial;
  readonly now?: Date;
}

/** A context reduced to what can be compared cheaply, once per analysis of an iFlow. */
export interface ChannelFindingsKey {
  readonly uri: string;
  readonly config: string;
  readonly parameters?: ParsedParameters;
  readonly target?: string;
  readonly material?: SecurityMaterial;
  /** The day of the analysis, only where material is present (its expiry findings change with it). */
  readonly day?: string;
}

interface Entry {
  readonly key: ChannelFindingsKey;
  /** Where the channel was when `findings` were made or last moved (updated in place). */
  lines: LineIndex;
  start: number;
  findings: Buckets;
}

/** A channel's findings in groups the caller keeps apart (to put them back in order). */
export type Buckets = readonly (readonly Finding[])[];

const entries = new WeakMap<ChannelFacts, Entry>();

export function channelFindingsKey(context: ChannelFindingsContext): ChannelFindingsKey {
  const material = context.securityMaterial;
  const day = material && context.now ? context.now.toISOString().slice(0, 10) : undefined;
  return {
    uri: context.uri,
    config: configKey(context.config),
    parameters: context.parameters,
    target: targetKey(context.configTarget),
    material,
    day,
  };
}

const sameKey = (a: ChannelFindingsKey, b: ChannelFindingsKey) =>
  a === b ||
  (a.uri === b.uri &&
    a.config === b.config &&
    a.parameters === b.parameters &&
    a.target === b.target &&
    a.material === b.material &&
    a.day === b.day);

/**
 * The findings of one channel of the iFlow indexed by `lines`: from the
 * cache when the channel's text and everything in `key` are unchanged,
 * else from `check`, which says whether its result may be kept (not when a
 * rule looked beyond the channel, nor when one threw: kept, its failure
 * would be hidden behind the cached findings instead of reported again).
 */
export function channelFindings(
  channel: Channel,
  lines: LineIndex,
  key: ChannelFindingsKey,
  check: () => { findings: Buckets; keep: boolean },
): Buckets {
  if (!(channel instanceof ChannelRecord) || channel.end < 0) return check().findings;
  const cached = entries.get(channel.facts);
  if (cached && sameKey(cached.key, key)) {
    if (cached.lines !== lines || cached.start !== channel.start) {
      // most edits move a channel within its lines or not at all: its findings stay as they are
      const before = cached.lines.positionAt(cached.start);
      const after = lines.positionAt(channel.start);
      if (before.line !== after.line || before.character !== after.character) {
        const moved = cached.findings.map((bucket) => movedFindings(bucket, key.uri, cached.lines, cached.start, lines, channel.start));
        if (moved.some((bucket, i) => bucket !== cached.findings[i])) cached.findings = moved;
      }
      cached.lines = lines;
      cached.start = channel.start;
    }
    return cached.findings;
  }
  const { findings, keep } = check();
  if (
    keep &&
    findings.every((bucket) =>
      bucket.every((finding) => iflowRanges(finding, key.uri).every((range) => within(range, lines, channel.start, channel.end))),
    )
  ) {
    entries.set(channel.facts, { key, lines, start: channel.start, findings });
  } else {
    entries.delete(channel.facts);
  }
  return findings;
}

/**
 * Findings of a channel that moved from `oldStart` to `newStart`. Its text
 * is unchanged, so when its first line starts the same way, every position
 * in it just moves by whole lines; otherwise each goes through its offset.
 */
function movedFindings(
  findings: readonly Finding[],
  uri: string,
  oldLines: LineIndex,
  oldStart: number,
  newLines: LineIndex,
  newStart: number,
): readonly Finding[] {
  if (findings.length === 0) return findings;
  const before = oldLines.positionAt(oldStart);
  const after = newLines.positionAt(newStart);
  if (before.character === after.character) {
    const lineDelta = after.line - before.line;
    if (lineDelta === 0) return findings;
    const move = (range: Range): Range => ({
      start: { line: range.start.line + lineDelta, character: range.start.character },
      end: { line: range.end.line + lineDelta, character: range.end.character },
    });
    return findings.map((finding) => moveFinding(finding, uri, move));
  }
  const delta = newStart - oldStart;
  const move = (range: Range): Range => newLines.rangeOf(oldLines.offsetAt(range.start) + delta, oldLines.offsetAt(range.end) + delta);
  return findings.map((finding) => moveFinding(finding, uri, move));
}

/** The finding with every range in the iFlow `uri` passed through `move`; ranges in other files stay. */
function moveFinding(finding: Finding, uri: string, move: (range: Range) => Range): Finding {
  return {
    ...finding,
    range: finding.uri === uri ? move(finding.range) : finding.range,
    related: finding.related.map((related) => (related.uri === uri ? { ...related, range: move(related.range) } : related)),
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) =>
        edit.uri === uri && !edit.create ? { ...edit, edits: edit.edits.map((text) => ({ ...text, range: move(text.range) })) } : edit,
      ),
    })),
  };
}

/** Every range of the finding in the iFlow `uri` (where moveFinding moves them). */
function iflowRanges(finding: Finding, uri: string): Range[] {
  const ranges: Range[] = finding.uri === uri ? [finding.range] : [];
  for (const related of finding.related) if (related.uri === uri) ranges.push(related.range);
  for (const fix of finding.fixes) {
    for (const edit of fix.edits) if (edit.uri === uri && !edit.create) for (const text of edit.edits) ranges.push(text.range);
  }
  return ranges;
}

/** Whether a range lies inside the channel's element: only then does it move with the channel. */
function within(range: Range, lines: LineIndex, start: number, end: number): boolean {
  return lines.offsetAt(range.start) >= start && lines.offsetAt(range.end) <= end;
}

// The language server resolves the configuration afresh for every run, so
// identity says nothing; its content does. Configurations are small.
const configKeys = new WeakMap<Config, string>();

function configKey(config: Config): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    key = JSON.stringify(config, (_, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value));
    configKeys.set(config, key);
  }
  return key;
}

function targetKey(target: ConfigTarget | undefined): string | undefined {
  return target && JSON.stringify([target.uri, target.text]);
}
