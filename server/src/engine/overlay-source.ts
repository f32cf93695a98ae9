// The editor's view of the workspace: an open document's text wins over the
// file on disk, since the user sees (and types into) the document. The
// server runs without a client that sends every file, so parameters,
// configuration and sibling iFlows that are not open come from disk.
import { isCertificateUri } from '../core/analysis/analyse-certificate';
import { isIflowUri, isParametersUri } from '../core/analysis/artifact-layout';
import type { ContentSource, SourceRead } from './source';
import type { ArtifactFile } from './units';
import { canonicalUri } from './uri';

/** What the overlay needs of the editor's open documents (vscode-languageserver's TextDocuments has it). */
export interface OpenDocuments {
  get(uri: string): { getText(): string } | undefined;
  all(): readonly { readonly uri: string; getText(): string }[];
}

export class OverlaySource implements ContentSource {
  constructor(
    private readonly documents: OpenDocuments,
    private readonly disk: ContentSource,
  ) {}

  read(uri: string, maxBytes: number): SourceRead | undefined {
    const text = this.documents.get(uri)?.getText();
    if (text === undefined) return this.disk.read(uri, maxBytes);
    if (isCertificateUri(uri) && text.includes('\uFFFD')) {
      // a binary certificate (DER) shows as lossy text: its bytes are the file's, when they can be read
      try {
        return this.disk.read(uri, maxBytes) ?? within(text, maxBytes);
      } catch {
        return within(text, maxBytes);
      }
    }
    return within(text, maxBytes);
  }

  artifactFiles(folder: string): ArtifactFile[] {
    // keyed by canonical URI: the editor and pathToFileURL may encode differently; the editor's spelling is kept
    const found = new Map(this.disk.artifactFiles(folder).map((file) => [file.uri, file]));
    for (const document of this.documents.all()) {
      const canonical = canonicalUri(document.uri);
      const parent = canonical.slice(0, canonical.lastIndexOf('/'));
      if (isIflowUri(canonical) && (parent === folder || parent === `${folder}/scenarioflows/integrationflow`)) found.set(canonical, { uri: document.uri, kind: 'iflow' });
      else if (isParametersUri(canonical) && parent === folder) found.set(canonical, { uri: document.uri, kind: 'parameters' });
    }
    return [...found.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}

/** The text, unless its UTF-8 size is over `maxBytes`. */
function within(text: string, maxBytes: number): SourceRead {
  const size = sizeOver(text, maxBytes);
  return size === undefined ? { text } : { tooLarge: size };
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
