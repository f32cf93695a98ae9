import type { Config } from '../config/model';
import type { ConfigTarget } from '../config/target';
import type { Finding } from '../findings';
import { ChannelRecord, type ChannelFacts } from '../iflow/channel-record';
import type { Channel } from '../iflow/model';
import type { LineIndex, Range } from '../text/range';
import type { ParsedParameters } from './parsed';

// After an edit inside one channel, every other channel of the iFlow keeps
// its ChannelFacts (iflow/incremental.ts). Their findings are then the same
// as before except for where they sit, so they are kept here by those facts
// and moved instead of running the channel rules again: on a 5 MB iFlow
// that is most of the cost of re-analysing after a keystroke.

/** Everything besides the channel's own text that its findings depend on. */
export interface ChannelFindingsContext {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly config: Config;
  readonly parameters?: ParsedParameters;
  readonly configTarget?: ConfigTarget;
}

interface Entry {
  readonly uri: string;
  readonly config: string;
  readonly parameters?: ParsedParameters;
  readonly target?: string;
  /** Where the channel was when `findings` were made. */
  readonly lines: LineIndex;
  readonly start: number;
  readonly findings: readonly Finding[];
}

const entries = new WeakMap<ChannelFacts, Entry>();

/**
 * The findings of one channel: from the cache when its text, the iFlow's
 * URI, the configuration, the parameters and the configuration file are
 * unchanged, else from `check`. `check` says whether its result may be
 * kept (not when a rule looked beyond the channel).
 */
export function channelFindings(channel: Channel, context: ChannelFindingsContext, check: () => { findings: Finding[]; keep: boolean }): readonly Finding[] {
  if (!(channel instanceof ChannelRecord) || channel.end < 0) return check().findings;
  const key = { uri: context.uri, config: configKey(context.config), parameters: context.parameters, target: targetKey(context.configTarget) };
  const cached = entries.get(channel.facts);
  if (cached && cached.uri === key.uri && cached.config === key.config && cached.parameters === key.parameters && cached.target === key.target) {
    if (cached.lines === context.lines && cached.start === channel.start) return cached.findings;
    const findings = cached.findings.map((finding) => moveFinding(finding, context.uri, (range) => moveRange(range, cached.lines, cached.start, context.lines, channel.start)));
    entries.set(channel.facts, { ...key, lines: context.lines, start: channel.start, findings });
    return findings;
  }
  const { findings, keep } = check();
  if (keep && findings.every((finding) => iflowRanges(finding, context.uri).every((range) => within(range, context.lines, channel.start, channel.end)))) {
    entries.set(channel.facts, { ...key, lines: context.lines, start: channel.start, findings });
  } else {
    entries.delete(channel.facts);
  }
  return findings;
}

/** A range inside a channel that now starts at `newStart` instead of `oldStart`. */
function moveRange(range: Range, oldLines: LineIndex, oldStart: number, newLines: LineIndex, newStart: number): Range {
  const delta = newStart - oldStart;
  return newLines.rangeOf(oldLines.offsetAt(range.start) + delta, oldLines.offsetAt(range.end) + delta);
}

/** The finding with every range in the iFlow `uri` passed through `move`; ranges in other files stay. */
function moveFinding(finding: Finding, uri: string, move: (range: Range) => Range): Finding {
  return {
    ...finding,
    range: finding.uri === uri ? move(finding.range) : finding.range,
    related: finding.related.map((related) => (related.uri === uri ? { ...related, range: move(related.range) } : related)),
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => (edit.uri === uri && !edit.create ? { ...edit, edits: edit.edits.map((text) => ({ ...text, range: move(text.range) })) } : edit)),
    })),
  };
}

function iflowRanges(finding: Finding, uri: string): Range[] {
  const ranges: Range[] = [];
  moveFinding(finding, uri, (range) => {
    ranges.push(range);
    return range;
  });
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
