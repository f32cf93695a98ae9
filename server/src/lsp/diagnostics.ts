import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../core/config/model';
import type { Finding, Severity } from '@cpi/common/findings';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { DIAGNOSTIC_SOURCE } from '@cpi/common/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The parts of a finding a diagnostic shows (the command line's reported findings have them too). */
export type DiagnosticSource = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range' | 'subject' | 'channel'> & {
  readonly related: readonly { readonly uri: string; readonly range: Finding['range']; readonly message?: string }[];
};

export function toDiagnostic(finding: DiagnosticSource): Diagnostic {
  const meta = ruleMeta(finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: meta ? { href: meta.helpUrl } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    relatedInformation: finding.related.length
      ? finding.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message ?? '' }))
      : undefined,
    // what the Findings view shows as a row's label, instead of the whole message
    ...(finding.subject !== undefined || finding.channel !== undefined
      ? { data: { subject: finding.subject, channel: finding.channel } }
      : {}),
  };
}

/**
 * toDiagnostic, once per finding: after an edit, every finding outside the
 * edited channel is the same object as before (analysis keeps them), so its
 * diagnostic is too. Findings are never changed once made.
 */
const diagnostics = new WeakMap<DiagnosticSource, Diagnostic>();

export function diagnosticOf(finding: DiagnosticSource): Diagnostic {
  let diagnostic = diagnostics.get(finding);
  if (!diagnostic) {
    diagnostic = toDiagnostic(finding);
    diagnostics.set(finding, diagnostic);
  }
  return diagnostic;
}

export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: problem.range,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/** Same rule at the same place: how a code-action request finds the finding behind a diagnostic. */
export function sameDiagnostic(diagnostic: Diagnostic, finding: Finding): boolean {
  const a = diagnostic.range;
  const b = finding.range;
  return (
    diagnostic.code === finding.ruleId &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** A notice about the file as a whole (e.g. not analysed because of its size): information at its start. */
export function fileNoticeDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}
