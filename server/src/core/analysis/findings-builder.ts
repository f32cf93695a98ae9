import type { FileEdit, Finding, Fix, RelatedLocation, Severity, TextEdit } from '@cpi/common/findings';
import type { ConfigTarget } from '../config/target';
import { escapeXmlText } from '../iflow/escape';
import { valueEdit } from '../iflow/value-edit';
import type { IflowProperty } from '../iflow/model';
import type { ParameterEntry } from '../params/model';
import { escapePropertyValue } from '../params/properties';
import { locateSlice } from '../params/resolve';
import type { ResolvedValue, ValueSegment } from '../params/resolved-value';
import type { FixAction, FixSpec, Report } from '../rules/rule';
import type { Range } from '@cpi/common/text/range';
import type { ParsedIflow, ParsedParameters } from './parsed';

export interface BuildContext {
  readonly iflow: ParsedIflow;
  readonly parameters?: ParsedParameters;
  readonly configTarget?: ConfigTarget;
  readonly iflowName: string;
  /** The channel the report is about, when a channel rule made it. */
  readonly channel?: string;
}

function isResolved(on: ResolvedValue | IflowProperty): on is ResolvedValue {
  return 'segments' in on;
}

function iflowRange(on: ResolvedValue | IflowProperty): Range {
  const property = isResolved(on) ? on.property : on;
  return property.value?.range ?? property.keyRange;
}

/** Parameter entries behind the faulty slice (all of the value's parameters without a slice). */
function entriesBehind(value: ResolvedValue, slice: readonly [number, number] | undefined): ParameterEntry[] {
  if (!slice) return [...value.parameters];
  const [start, end] = slice;
  const overlaps = (segment: ValueSegment) =>
    start === end ? segment.textStart <= start && start <= segment.textEnd : segment.textStart < end && segment.textEnd > start;
  const entries: ParameterEntry[] = [];
  for (const segment of value.segments) {
    const entry = segment.origin.kind === 'parameter' ? segment.origin.entry : segment.entry;
    if (entry && overlaps(segment) && !entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

/**
 * Turns one rule report into findings: one on the iFlow value and one on
 * each parameters.prop value behind it, each pointing at the other.
 */
export function buildFindings(ruleId: string, severity: Severity, report: Report, context: BuildContext): Finding[] {
  const { iflow, parameters } = context;
  const range = iflowRange(report.on);
  const behind = parameters && isResolved(report.on) ? entriesBehind(report.on, report.slice) : [];
  // A value configured on the tenant is written in no file: the finding on the iFlow names it instead.
  const entries = behind.filter((entry) => !entry.configured);
  const configured = behind.filter((entry) => entry.configured).map((entry) => `"${entry.key}"`);
  const fixes = (report.fixes ?? []).map((spec) => buildFix(spec, context)).filter((fix): fix is Fix => fix !== undefined);
  const key = (isResolved(report.on) ? report.on.property : report.on).key;
  const about = context.channel === undefined ? {} : { channel: context.channel };
  const configuredNote =
    configured.length === 0
      ? ''
      : ` The value comes from parameter${configured.length > 1 ? 's' : ''} ${configured.join(', ')} as configured on the tenant.`;

  const findings: Finding[] = [
    {
      ruleId,
      severity,
      message: report.message + configuredNote,
      uri: iflow.uri,
      range,
      related: entries.map((entry) => ({ uri: parameters!.uri, range: entry.value.range, message: `Value of parameter "${entry.key}"` })),
      fixes,
      subject: key,
      ...about,
    },
  ];
  for (const entry of entries) {
    const back: RelatedLocation = { uri: iflow.uri, range, message: `Used as "${key}" in iFlow "${context.iflowName}"` };
    findings.push({
      ruleId,
      severity,
      message: `${report.message} The value comes from parameter "${entry.key}", used as "${key}" in iFlow "${context.iflowName}".`,
      uri: parameters!.uri,
      range: entry.value.range,
      related: [back],
      fixes,
      subject: entry.key,
      ...about,
    });
  }
  return findings;
}

function buildFix(spec: FixSpec, context: BuildContext): Fix | undefined {
  const byUri = new Map<string, TextEdit[]>();
  const created: FileEdit[] = [];
  for (const action of spec.actions) {
    const edit = buildEdit(action, context);
    if (!edit) return undefined; // a fix that cannot do all it says is not offered
    if (edit.create) {
      created.push(edit);
      continue;
    }
    const list = byUri.get(edit.uri) ?? [];
    list.push(...edit.edits);
    byUri.set(edit.uri, list);
  }
  const edits: FileEdit[] = [...created, ...[...byUri].map(([uri, list]) => ({ uri, edits: list }))];
  return edits.length === 0 ? undefined : { title: spec.title, preferred: spec.preferred, edits };
}

function buildEdit(action: FixAction, context: BuildContext): FileEdit | undefined {
  if (action.kind === 'openPort') return context.configTarget?.addOpenedPort(action.port);
  const place = locateSlice(action.target, action.textStart, action.textEnd);
  if (!place) return undefined;
  if (place.kind === 'iflow') {
    const property = action.target.property;
    const value = property.value!;
    if (value.text === '') {
      // `<value/>` has no content to replace: the element itself is rewritten
      const edit = valueEdit(property, action.newText);
      return edit && { uri: context.iflow.uri, edits: [edit] };
    }
    const range = context.iflow.lines.rangeOf(value.sourceOffsetAt(place.start), value.sourceOffsetAt(place.end));
    return { uri: context.iflow.uri, edits: [{ range, newText: escapeXmlText(action.newText) }] };
  }
  const parameters = context.parameters;
  // a configured value is changed on the tenant, not by editing a file
  if (!parameters || place.entry.configured) return undefined;
  const value = place.entry.value;
  const range = parameters.lines.rangeOf(value.sourceOffsetAt(place.start), value.sourceOffsetAt(place.end));
  return { uri: parameters.uri, edits: [{ range, newText: escapePropertyValue(action.newText) }] };
}
