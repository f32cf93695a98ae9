import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../core/findings';
import { sameDiagnostic, toDiagnostic } from './diagnostics';

/**
 * Quick fixes for the findings under the cursor. Edits carry the version of
 * each open document, so a fix computed before a later edit is refused.
 */
export function codeActionsFor(params: CodeActionParams, findings: readonly Finding[], documents: TextDocuments<TextDocument>): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const finding = findings.find((candidate) => sameDiagnostic(diagnostic, candidate));
    if (!finding) continue;
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding)],
        isPreferred: fix.preferred === true,
        edit: workspaceEdit(fix, documents),
      });
    }
  }
  return actions;
}

export function workspaceEdit(fix: Fix, documents: TextDocuments<TextDocument>): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const change of fix.edits) {
    if (change.create) {
      documentChanges.push(CreateFile.create(change.uri, { ignoreIfExists: true }));
      documentChanges.push(TextDocumentEdit.create({ uri: change.uri, version: null }, [...change.edits]));
      continue;
    }
    const open = documents.get(change.uri);
    documentChanges.push(TextDocumentEdit.create({ uri: change.uri, version: open ? open.version : null }, [...change.edits]));
  }
  return { documentChanges };
}
