// Where the engine's content comes from. The engine only ever names files by
// URI and asks a source for them, so the disk (with or without the editor's
// open documents on top) and the entries of a zip are read the same way.
import type { FileKind } from './file-kind';
import type { ArtifactFile } from './units';

/** A file the engine reads: by URI, with the kind its name gives. */
export interface ContentFile {
  readonly uri: string;
  readonly kind: FileKind;
  /** Named by the user (on the command line) rather than found in a folder. */
  readonly explicit?: boolean;
}

/**
 * A file's content as a source holds it: text when it already is text (an
 * editor document), else bytes; or only its size when it is over the limit
 * asked for, so a file that is not analysed is not read either.
 */
export type SourceRead = { readonly text: string } | { readonly bytes: Uint8Array } | { readonly tooLarge: number };

/**
 * Content for the engine: files by URI. Reads are synchronous because the
 * analysis is; a remote source (a tenant read over HTTP, URIs
 * `cpi-tenant://...`) fetches a unit, such as a package zip, before the
 * engine scans it and serves it from memory, as ArchiveSource serves a zip's
 * entries. New kinds of file (scripts) need no change here: they are
 * ContentFiles of another kind, listed and read like the others.
 */
export interface ContentSource {
  /**
   * The content of the file at `uri` unless it is over `maxBytes` (then its
   * size). Undefined when there is no such file; throws when there is one
   * that cannot be read.
   */
  read(uri: string, maxBytes: number): SourceRead | undefined;
  /** The iFlows and the parameters.prop (when there is one) of the artifact in `folder` (see artifactFolder), sorted by URI. */
  artifactFiles(folder: string): ArtifactFile[];
  /**
   * Values the artifact in `folder` is configured with where it runs (a
   * tenant's Configurations), by parameter name: they win over its
   * parameters.prop. Files on disk have none.
   */
  configuredParameters?(folder: string): ReadonlyMap<string, string> | undefined;
}
