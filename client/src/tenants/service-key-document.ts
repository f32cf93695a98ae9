// The editor a service key is pasted into: an untitled JSONC document opened
// with a comment saying what to paste, a "Save as Tenant" code lens on it,
// and, once the tenant accepted the key (kept in secret storage), the
// document closed without being saved. Only documents opened here get the
// lens: any other JSON stays as it is.
import * as vscode from 'vscode';
import { ViewCommands } from '../command-ids';
import { KEY_DOCUMENT_TEMPLATE } from './service-key-text';

export class ServiceKeyDocuments implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly documents = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.documents.delete(document.uri.toString())),
    ];
  }

  /** Opens a new editor for a key; the user pastes, then saves it through the lens or the command. */
  async open(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: KEY_DOCUMENT_TEMPLATE });
    this.documents.add(document.uri.toString());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return editor;
  }

  /** The key document to save: the one named, else the active editor's when it is one. */
  find(uri: vscode.Uri | undefined): vscode.TextDocument | undefined {
    const document = uri
      ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    return document && this.documents.has(document.uri.toString()) ? document : undefined;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.documents.has(document.uri.toString())) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: '$(key) Save as Tenant', command: ViewCommands.saveServiceKey, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: 'Discard', command: ViewCommands.discardServiceKey, arguments: [document.uri] }),
    ];
  }

  /** Closes the document without saving it (the key is in secret storage, or the user gave up). */
  async close(document: vscode.TextDocument): Promise<void> {
    this.documents.delete(document.uri.toString());
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
