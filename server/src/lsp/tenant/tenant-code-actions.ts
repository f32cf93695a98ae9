// Code actions on a tenant file: the file is read-only (the linter never
// changes a tenant), so nothing edits it. Each finding offers its explanation
// and, disabled with the reason, the way to a fix: download the artifact to
// the workspace, where fixes and suppressions work as for any local file.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { Commands, DIAGNOSTIC_SOURCE } from '@cpi/common/protocol';
import { DOWNLOAD_ARTIFACT_COMMAND } from '@cpi/common/tenant-protocol';
import type { ReportedFinding } from '../../engine/report';

export const READ_ONLY_REASON = 'Tenant files are read-only: download the artifact to the workspace to fix or suppress findings there.';

/** `artifactUri`: the artifact of the file (cpi-tenant://host/Package/Artifact). */
export function tenantCodeActions(
  params: CodeActionParams,
  findings: readonly ReportedFinding[],
  artifactUri: string | undefined,
): CodeAction[] {
  const only = params.context.only;
  if (
    only &&
    !only.some(
      (kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty,
    )
  )
    return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findings.find((candidate) => candidate.ruleId === diagnostic.code && sameRange(candidate.range, diagnostic.range));
    if (!finding) continue;
    actions.push({
      title: `Fix ${finding.ruleId}: download the artifact first`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      disabled: { reason: READ_ONLY_REASON },
    });
    if (artifactUri) {
      actions.push({
        title: 'Download the artifact to the workspace…',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Download to workspace', command: DOWNLOAD_ARTIFACT_COMMAND, arguments: [artifactUri] },
      });
    }
    actions.push({
      title: `Explain rule ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Explain rule', command: Commands.explainRule, arguments: [finding.ruleId] },
    });
  }
  return actions;
}

function sameRange(a: ReportedFinding['range'], b: ReportedFinding['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
