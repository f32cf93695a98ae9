// Readers for the simple keys of `.cpisecurity.json`. Each reports what is
// wrong on the offending node and returns only the valid part, so one bad
// entry never takes its neighbours down with it.
import type { Node } from 'jsonc-parser';
import type { CertificateUsage } from '../certs/model';
import type { SeveritySetting } from '@cpi/common/findings';
import { isRuleId } from '@cpi/common/rules/catalogue';
import { CERTIFICATE_USAGES, DEFAULT_MAX_FILE_SIZE_MB, type CertificateUsageGlobs } from './model';
import { describe, propertiesOf, stringValue, type ProblemSink } from './json-node';
import { isSeveritySetting, SEVERITY_SETTINGS, suggestRuleId } from '@cpi/common/config/rule-ids';

const SEVERITY_LIST = SEVERITY_SETTINGS.map((s) => `"${s}"`).join(', ');

export function readRules(node: Node, sink: ProblemSink): Map<string, SeveritySetting> | undefined {
  if (node.type !== 'object') {
    sink.error(node, `"rules" must be an object mapping rule ids to severities, e.g. { "smtp-port-25": "off" }; found ${describe(node)}.`);
    return undefined;
  }
  const rules = new Map<string, SeveritySetting>();
  for (const { name, key, value } of propertiesOf(node, sink)) {
    if (!isRuleId(name)) {
      sink.warning(key, `Unknown rule id "${name}"; the entry is ignored.${suggestRuleId(name)}`);
      continue;
    }
    if (!value) continue;
    if (!isSeveritySetting(value.value) || value.type !== 'string') {
      sink.error(value, `Severity of "${name}" must be one of ${SEVERITY_LIST}; found ${describe(value)}.`);
      continue;
    }
    rules.set(name, value.value);
  }
  return rules;
}

export function readPorts(node: Node, sink: ProblemSink): Set<number> | undefined {
  if (node.type !== 'array') {
    sink.error(node, `"openedPorts" must be an array of port numbers (1 to 65535), e.g. [2222]; found ${describe(node)}.`);
    return undefined;
  }
  const ports = new Set<number>();
  for (const item of node.children ?? []) {
    const port: unknown = item.value;
    if (item.type === 'number' && isPortNumber(port)) ports.add(port);
    else sink.error(item, `A port must be a whole number from 1 to 65535; found ${describe(item)}.`);
  }
  return ports;
}

/** A whole number from 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function readGlobs(node: Node, sink: ProblemSink, name: string): string[] | undefined {
  if (node.type !== 'array') {
    sink.error(
      node,
      `"${name}" must be an array of glob patterns relative to the configuration's folder, e.g. ["**/test-data/**"]; found ${describe(node)}.`,
    );
    return undefined;
  }
  const globs: string[] = [];
  for (const item of node.children ?? []) {
    const glob = readGlob(item, sink);
    if (glob !== undefined) globs.push(glob);
  }
  return globs;
}

/** One glob pattern: a non-empty string. */
export function readGlob(node: Node, sink: ProblemSink): string | undefined {
  const glob = stringValue(node);
  if (glob === undefined) {
    sink.error(node, `A glob pattern must be a string such as "certificates/inbound/**"; found ${describe(node)}.`);
    return undefined;
  }
  if (glob.trim() === '') {
    sink.error(node, 'A glob pattern must not be empty; it would match no file.');
    return undefined;
  }
  return glob;
}

export function readCertificates(node: Node, sink: ProblemSink): CertificateUsageGlobs | undefined {
  if (node.type !== 'object') {
    sink.error(node, `"certificates" must be an object with glob lists "inbound", "outbound" and "messageLevel"; found ${describe(node)}.`);
    return undefined;
  }
  const usage: Record<CertificateUsage, string[]> = { inbound: [], outbound: [], messageLevel: [] };
  for (const { name, key, value } of propertiesOf(node, sink)) {
    if (!(CERTIFICATE_USAGES as readonly string[]).includes(name)) {
      sink.warning(key, `Unknown certificate usage "${name}"; expected "inbound", "outbound" or "messageLevel". The entry is ignored.`);
      continue;
    }
    if (!value) continue;
    usage[name as CertificateUsage] = readGlobs(value, sink, `certificates.${name}`) ?? [];
  }
  return usage;
}

export function readExpiryWarningDays(node: Node, sink: ProblemSink): number | undefined {
  const days: unknown = node.value;
  if (node.type === 'number' && typeof days === 'number' && Number.isInteger(days) && days >= 0) return days;
  sink.error(node, `"expiryWarningDays" must be a whole number of days, 0 or more (default 60); found ${describe(node)}.`);
  return undefined;
}

export function readMaxFileSizeMB(node: Node, sink: ProblemSink): number | undefined {
  const size: unknown = node.value;
  if (node.type === 'number' && isFileSizeMB(size)) return size;
  sink.error(
    node,
    `"maxFileSizeMB" must be a number of megabytes greater than 0, e.g. 50 (default ${DEFAULT_MAX_FILE_SIZE_MB}); found ${describe(node)}.`,
  );
  return undefined;
}

/** A size limit in MB: a finite number above 0 (fractions allowed). */
export function isFileSizeMB(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
