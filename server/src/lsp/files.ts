import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Text of workspace files: the editor's copy when the document is open,
 * else the file on disk. The server runs without a client that sends every
 * file, so parameters, configuration and sibling iFlows come from disk.
 */
export class WorkspaceFiles {
  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  async read(uri: string): Promise<string | undefined> {
    const open = this.documents.get(uri);
    if (open) return open.getText();
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Like read, but a file over `maxBytes` (UTF-8) is not read: its size
   * comes back instead (from the file system for a file that is not open).
   */
  async readWithin(uri: string, maxBytes: number): Promise<{ text: string } | { tooLarge: number } | undefined> {
    const open = this.documents.get(uri);
    if (open) {
      const text = open.getText();
      const size = sizeOver(text, maxBytes);
      return size === undefined ? { text } : { tooLarge: size };
    }
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      const { size } = await fs.stat(path);
      return size > maxBytes ? { tooLarge: size } : { text: await fs.readFile(path, 'utf8') };
    } catch {
      return undefined;
    }
  }

  async isFolder(uri: string): Promise<boolean> {
    const path = toPath(uri);
    try {
      return path !== undefined && (await fs.stat(path)).isDirectory();
    } catch {
      return false;
    }
  }

  /** `.iflw` files directly in a folder and in its scenarioflows/integrationflow subfolder, open ones included. */
  async iflowsOf(artifactFolderUri: string): Promise<string[]> {
    // keyed by canonical URI: the editor and pathToFileURL may encode differently
    const found = new Map<string, string>();
    const folders = [artifactFolderUri, `${artifactFolderUri}/scenarioflows/integrationflow`].map(canonicalUri);
    for (const folder of folders) {
      const path = toPath(folder);
      if (!path) continue;
      try {
        for (const name of await fs.readdir(path)) {
          if (name.toLowerCase().endsWith('.iflw')) {
            const uri = pathToFileURL(`${path}/${name}`).href;
            found.set(uri, uri);
          }
        }
      } catch {
        // a folder that does not exist holds no iFlows
      }
    }
    for (const document of this.documents.all()) {
      const canonical = canonicalUri(document.uri);
      if (canonical.toLowerCase().endsWith('.iflw') && folders.includes(canonical.slice(0, canonical.lastIndexOf('/')))) {
        found.set(canonical, document.uri);
      }
    }
    return [...found.values()].sort();
  }
}

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** One spelling per file URI, whatever percent-encoding the sender chose. */
export function canonicalUri(uri: string): string {
  const path = toPath(uri);
  return path ? pathToFileURL(path).href : uri;
}

/**
 * The UTF-8 size of `text` when it is over `maxBytes`, else undefined. A
 * UTF-16 code unit takes 1 to 3 bytes, so most texts are decided by their
 * length alone and only those in between are measured.
 */
export function sizeOver(text: string, maxBytes: number): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxBytes ? size : undefined;
}
