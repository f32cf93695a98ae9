// JUnit XML for CI systems that show test reports: one test suite per
// scanned file, one test case per finding (a failure when it is at or above
// the --fail-on severity), a passing case for a clean file, an error case for
// a file that could not be scanned or on which a rule failed, a skipped case
// for a file over the size limit.
import { severityRank } from '@cpi/common/findings';
import { EXECUTION_NOTE_KINDS, noteWhere, type ReportedFinding } from '../../engine/report';
import { TOOL_NAME } from '../version';
import type { FormatInput } from './format-input';

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface Suite {
  readonly cases: string[];
  failures: number;
  errors: number;
}

export function formatJunit({ report, failOn }: FormatInput): string {
  const suites = new Map<string, Suite>();
  const suite = (path: string) => {
    let found = suites.get(path);
    if (!found) suites.set(path, (found = { cases: [], failures: 0, errors: 0 }));
    return found;
  };
  for (const path of report.scanned) suite(path);
  for (const finding of report.findings) {
    const target = suite(finding.path);
    const fails = severityRank(finding.severity) >= severityRank(failOn);
    if (fails) target.failures++;
    target.cases.push(findingCase(finding, fails));
  }
  for (const note of report.fileErrors) {
    const target = suite(note.path);
    target.errors++;
    target.cases.push(
      `    <testcase classname="${xml(note.path)}" name="read file">\n      <error type="${note.kind}" message="${xml(note.message)}"/>\n    </testcase>`,
    );
  }
  for (const note of report.notes) {
    if (note.kind === 'too-large') {
      suite(note.path).cases.push(
        `    <testcase classname="${xml(note.path)}" name="size limit">\n      <skipped message="${xml(note.message)}"/>\n    </testcase>`,
      );
    } else if (note.kind === 'rule-failure') {
      const target = suite(note.path);
      target.errors++;
      target.cases.push(
        `    <testcase classname="${xml(note.path)}" name="${xml(`rule ${note.ruleId ?? ''}`)}">\n      <error type="rule-failure" message="${xml(note.message)}"/>\n    </testcase>`,
      );
    }
  }

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = [...suites.values()].reduce((sum, s) => sum + Math.max(1, s.cases.length), 0);
  const failures = [...suites.values()].reduce((sum, s) => sum + s.failures, 0);
  const errors = [...suites.values()].reduce((sum, s) => sum + s.errors, 0);
  out.push(`<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="${errors}">`);
  for (const [path, { cases, failures: f, errors: e }] of [...suites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const body = cases.length > 0 ? cases : [`    <testcase classname="${xml(path)}" name="no findings"/>`];
    out.push(`  <testsuite name="${xml(path)}" tests="${body.length}" failures="${f}" errors="${e}">`, ...body, '  </testsuite>');
  }
  const warnings = report.notes.filter((note) => !EXECUTION_NOTE_KINDS.has(note.kind)).map((note) => `${noteWhere(note)}: ${note.message}`);
  if (warnings.length > 0) out.push(`  <system-err>${xml(warnings.join('\n'))}</system-err>`);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function findingCase(finding: ReportedFinding, fails: boolean): string {
  const name = `${finding.ruleId} at ${finding.line}:${finding.column}`;
  const detail = `${finding.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}\n${finding.message}`;
  const open = `    <testcase classname="${xml(finding.path)}" name="${xml(name)}">`;
  if (fails)
    return `${open}\n      <failure type="${finding.ruleId}" message="${xml(finding.message)}">${xml(detail)}</failure>\n    </testcase>`;
  return `${open}\n      <system-out>${xml(detail)}</system-out>\n    </testcase>`;
}
