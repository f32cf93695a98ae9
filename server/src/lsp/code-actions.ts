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
import type { FileEdit, Finding, Fix, TextEdit } from '@cpi/common/findings';
import { compareRanges, isBefore, type Range } from '@cpi/common/text/range';
import { Commands, type SuppressFindingArgs } from '@cpi/common/protocol';
import { sameDiagnostic, toDiagnostic } from './diagnostics';
import { isScriptUri } from '../core/analysis/script-layout';
import { isIflowUri, isParametersUri } from '../core/analysis/artifact-layout';
import { isCertificateUri } from '../core/analysis/analyse-certificate';
import { suppressionCommentLine } from '../core/analysis/script-suppressions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cpiSecurity`;

export interface SuppressionTarget {
  readonly configUri: string;
  /** Glob of the file relative to the configuration's folder. */
  fileGlob(uri: string): string;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * The same menu for every finding: its quick fixes, then "explain" and
 * "suppress"; plus one source action that applies every safe fix of the file.
 * Edits carry the version of each open document, so a stale fix is refused.
 */
export function codeActionsFor(
  params: CodeActionParams,
  findings: readonly Finding[],
  documents: TextDocuments<TextDocument>,
  suppression: SuppressionTarget,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findings.find((candidate) => sameDiagnostic(diagnostic, candidate));
      if (!finding) continue;
      const diagnostics = [toDiagnostic(finding)];
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(fix.edits, documents),
        });
      }
      const args: SuppressFindingArgs = {
        ruleId: finding.ruleId,
        uri: finding.uri,
        configUri: suppression.configUri,
        fileGlob: suppression.fileGlob(finding.uri),
      };
      const comment = commentSuppression(finding, documents);
      if (comment) {
        actions.push({
          title: `Suppress ${finding.ruleId} on this line with a comment…`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          command: {
            title: 'Suppress finding',
            command: Commands.suppressFinding,
            arguments: [{ ...args, comment } satisfies SuppressFindingArgs],
          },
        });
      }
      for (const narrowed of narrowedSuppressions(finding, args, suppression)) {
        actions.push({
          title: narrowed.title,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          command: { title: 'Suppress finding', command: Commands.suppressFinding, arguments: [narrowed.args] },
        });
      }
      actions.push({
        title: `Suppress ${finding.ruleId} for this file in .cpisecurity.json…`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: 'Suppress finding', command: Commands.suppressFinding, arguments: [args] },
      });
      actions.push({
        title: `Explain rule ${finding.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: 'Explain rule', command: Commands.explainRule, arguments: [finding.ruleId] },
      });
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(findings, documents);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * Suppressions finer than the file: for the finding's channel, and for its
 * subject where that names one thing (a parameter, a certificate, the key
 * of an iFlow finding that belongs to no channel).
 */
function narrowedSuppressions(
  finding: Finding,
  args: SuppressFindingArgs,
  suppression: SuppressionTarget,
): { title: string; args: SuppressFindingArgs }[] {
  const narrowed: { title: string; args: SuppressFindingArgs }[] = [];
  if (finding.channel) {
    // the channel's finding sits on its iFlow value and on each parameter behind it: one suppression covers those files
    const files = [...new Set([finding.uri, ...finding.related.map((related) => related.uri)])].map((uri) => suppression.fileGlob(uri));
    const fileGlob = files.length === 1 ? files[0] : `{${files.map((glob) => glob.replace(/[\\{},]/g, '\\$&')).join(',')}}`;
    narrowed.push({
      title: `Suppress ${finding.ruleId} for channel "${finding.channel}" in .cpisecurity.json…`,
      args: { ...args, fileGlob, channel: finding.channel },
    });
  }
  if (finding.subject && (!finding.channel || !isIflowUri(finding.uri))) {
    const what = isParametersUri(finding.uri) ? 'parameter' : isCertificateUri(finding.uri) ? 'certificate' : 'key';
    narrowed.push({
      title: `Suppress ${finding.ruleId} for ${what} "${finding.subject}" in .cpisecurity.json…`,
      args: { ...args, subject: finding.subject },
    });
  }
  return narrowed;
}

/** For a finding in a script: the comment line that suppresses it, indented like the line it stands on, up to the reason. */
function commentSuppression(finding: Finding, documents: TextDocuments<TextDocument>): SuppressFindingArgs['comment'] {
  if (!isScriptUri(finding.uri)) return undefined;
  const document = documents.get(finding.uri);
  if (!document) return undefined;
  const line = finding.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)![0];
  return { line, prefix: suppressionCommentLine(finding.ruleId, '', indent).replace(/\s+$/, ' ') };
}

/** Every preferred fix among `findings` whose edits do not overlap an earlier one: what "Fix all" applies. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const taken = new Map<string, Range[]>();
  const chosen: Fix[] = [];
  const overlaps = (a: Range, b: Range) => isBefore(a.start, b.end) && isBefore(b.start, a.end);
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.preferred);
    if (!fix || fix.edits.some((change) => change.create)) continue;
    const clash = fix.edits.some((change) =>
      change.edits.some((edit) =>
        (taken.get(change.uri) ?? []).some((range) => overlaps(range, edit.range) || compareRanges(range, edit.range) === 0),
      ),
    );
    if (clash || chosen.includes(fix)) continue;
    chosen.push(fix);
    for (const change of fix.edits) taken.set(change.uri, [...(taken.get(change.uri) ?? []), ...change.edits.map((edit) => edit.range)]);
  }
  return chosen;
}

/** The safe fixes merged, per file. */
export function mergedEdits(fixes: readonly Fix[]): FileEdit[] {
  const merged = new Map<string, TextEdit[]>();
  for (const fix of fixes) for (const change of fix.edits) merged.set(change.uri, [...(merged.get(change.uri) ?? []), ...change.edits]);
  return [...merged].map(([uri, edits]) => ({ uri, edits }));
}

/** One source action applying every safe fix of the file. */
export function fixAllAction(findings: readonly Finding[], documents: TextDocuments<TextDocument>): CodeAction | undefined {
  const chosen = safeFixes(findings);
  if (chosen.length === 0) return undefined;
  return {
    title: `Fix all CPI security findings with a safe fix (${chosen.length})`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(mergedEdits(chosen), documents),
  };
}

export function workspaceEdit(changes: Fix['edits'], documents: TextDocuments<TextDocument>): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const change of changes) {
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
