// Opens one of the sample files shipped with the extension (iFlows, their
// parameters and scripts, the configuration), so a first-time user sees
// findings without content of their own (walkthrough step 2).
import * as vscode from 'vscode';
import { noteFor, readExampleNotes, type ExampleNote } from './example-notes';

const EXAMPLE_FILE = /(\.iflw|parameters\.prop|\.cpisecurity\.json|\.groovy|\.gsh|\.js)$/;
const MAX_DEPTH = 8;

export async function openExample(extensionUri: vscode.Uri): Promise<boolean> {
  const root = vscode.Uri.joinPath(extensionUri, 'examples');
  const files = await listFiles(root, 0);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This installation ships no examples. Open an iFlow of your own instead.'));
    return false;
  }
  const notes = await readNotes(root);
  const items = files
    .map((uri) => {
      const label = uri.path.slice(root.path.length + 1);
      const note = noteFor(label, notes);
      return { label, uri, ...(note ? { description: note.description, detail: note.detail } : {}) };
    })
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const picked =
    items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open an example'), matchOnDescription: true, matchOnDetail: true });
  if (picked === undefined) return false;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(picked.uri), { preview: false });
  return true;
}

/** What each example shows, from examples/README.md; none when it cannot be read. */
async function readNotes(root: vscode.Uri): Promise<Map<string, ExampleNote>> {
  try {
    return readExampleNotes(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'README.md'))));
  } catch {
    return new Map();
  }
}

async function listFiles(folder: vscode.Uri, depth: number): Promise<vscode.Uri[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const found: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      if (depth < MAX_DEPTH) found.push(...(await listFiles(uri, depth + 1)));
    } else if (EXAMPLE_FILE.test(name)) {
      found.push(uri);
    }
  }
  return found;
}
