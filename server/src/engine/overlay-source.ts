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
export interface OpenDocuments<D extends { getText(): string } = { getText(): string }> {
  get(uri: string): D | undefined;
  all(): readonly (D & { readonly uri: string })[];
}

/** What the editor may know of a document's UTF-8 size without measuring it (lsp/document-sizes.ts). */
export interface KnownSizes<D> {
  utf8Size(document: D, text: string): number;
}

export class OverlaySource<D extends { getText(): string } = { getText(): string }> implements ContentSource {
  constructor(
    private readonly documents: OpenDocuments<D>,
    private readonly disk: ContentSource,
    private readonly sizes?: KnownSizes<D>,
  ) {}

  read(uri: string, maxBytes: number): SourceRead | undefined {
    const document = this.documents.get(uri);
    if (document === undefined) return this.disk.read(uri, maxBytes);
    const text = document.getText();
    if (isCertificateUri(uri) && text.includes('\uFFFD')) {
      // a binary certificate (DER) shows as lossy text: its bytes are the file's, when they can be read
      try {
        return this.disk.read(uri, maxBytes) ?? within(text, maxBytes);
      } catch {
        return within(text, maxBytes);
      }
    }
    return within(text, maxBytes, this.sizes && ((text) => this.sizes!.utf8Size(document, text)));
  }

  artifactFiles(folder: string): ArtifactFile[] {
    // keyed by canonical URI: the editor and pathToFileURL may encode differently; the editor's spelling is kept
    const found = new Map(this.disk.artifactFiles(folder).map((file) => [file.uri, file]));
    for (const document of this.documents.all()) {
      const canonical = canonicalUri(document.uri);
      const parent = canonical.slice(0, canonical.lastIndexOf('/'));
      if (isIflowUri(canonical) && (parent === folder || parent === `${folder}/scenarioflows/integrationflow`))
        found.set(canonical, { uri: document.uri, kind: 'iflow' });
      else if (isParametersUri(canonical) && parent === folder) found.set(canonical, { uri: document.uri, kind: 'parameters' });
    }
    return [...found.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}

/** The text, unless its UTF-8 size is over `maxBytes`. */
function within(text: string, maxBytes: number, utf8Size?: (text: string) => number): SourceRead {
  const size = sizeOver(text, maxBytes, utf8Size);
  return size === undefined ? { text } : { tooLarge: size };
}

/**
 * The UTF-8 size of `text` when it is over `maxBytes`, else undefined. A
 * UTF-16 code unit takes 1 to 3 bytes, so most texts are decided by their
 * length alone and only those in between are measured (by `utf8Size`,
 * which may know the size of an open document without measuring).
 */
export function sizeOver(text: string, maxBytes: number, utf8Size = (text: string) => Buffer.byteLength(text, 'utf8')): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const size = utf8Size(text);
  return size > maxBytes ? size : undefined;
}
