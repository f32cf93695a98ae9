// Serves FAQ answers and rule explanations as read-only markdown documents
// and opens them in VS Code's markdown preview (rendered, offline).
import * as vscode from 'vscode';
import { docMarkdown, docTitle } from './doc-content';
import { DOCS_SCHEME, docPath, parseDocPath, type DocRef } from './doc-uri';

class DocsContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const ref = parseDocPath(uri.path);
    return ref === undefined ? vscode.l10n.t('This page does not exist.') : docMarkdown(ref);
  }
}

export function registerDocsProvider(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new DocsContentProvider());
}

export function docUri(ref: DocRef): vscode.Uri {
  const title = ref.kind === 'faq' ? docTitle(ref) : undefined;
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: docPath(ref, title) });
}

/** Opens the rendered page; falls back to the markdown source when the markdown extension is disabled. */
export async function openDoc(ref: DocRef, log: vscode.LogOutputChannel): Promise<void> {
  const uri = docUri(ref);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch (error) {
    log.warn('Markdown preview not available, showing the page source', error);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
