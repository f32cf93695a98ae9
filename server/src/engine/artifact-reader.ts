// Reads the files of one unit from a source within the size limit of their
// configuration, the same for a scan and for the editor's live analysis: a
// file over the limit is not even read, and is named so a notice can say so.
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../core/analysis/parsed';
import { maxFileBytes, type SizeLimitedKind } from '../core/config/file-size';
import { isIgnored } from '../core/config/globs';
import type { Config } from '../core/config/model';
import { reason } from './discover';
import type { SourceRead, ContentSource } from './source';
import { decodeText } from './text-decode';
import type { ArtifactFile } from './units';

/** The size limit in force for some files, with the configuration it came from. */
export interface SizeLimit {
  readonly mb: number;
  readonly bytes: number;
  readonly config: Config;
}

/** The limit of `config`, unless `overrideMB` (the command line's --max-file-size) says otherwise. */
export function sizeLimit(config: Config, overrideMB?: number): SizeLimit {
  const mb = overrideMB ?? config.maxFileSizeMB;
  return { mb, bytes: maxFileBytes({ maxFileSizeMB: mb }), config };
}

/** A file not read because of its size; an ignored one gets no notice. */
export interface TooLargeFile {
  readonly uri: string;
  readonly kind: SizeLimitedKind;
  readonly bytes: number;
  readonly ignored: boolean;
}

/** A file that could not be used, and why (unreadable, not text). */
export interface FileProblem {
  readonly uri: string;
  readonly message: string;
}

/** What reading one file gave: its content, or why there is none. Undefined: no such file. */
export type LimitedRead =
  | { readonly content: Exclude<SourceRead, { tooLarge: number }> }
  | { readonly tooLarge: TooLargeFile }
  | { readonly problem: FileProblem }
  | undefined;

export function readWithinLimit(source: ContentSource, uri: string, kind: SizeLimitedKind, limit: SizeLimit): LimitedRead {
  let read;
  try {
    read = source.read(uri, limit.bytes);
  } catch (error) {
    return { problem: { uri, message: `cannot be read (${reason(error)})` } };
  }
  if (read === undefined) return undefined;
  if ('tooLarge' in read) return { tooLarge: { uri, kind, bytes: read.tooLarge, ignored: isIgnored(limit.config, uri) } };
  return { content: read };
}

/** The bytes of some content: an editor's text as UTF-8. */
export function bytesOf(content: { text: string } | { bytes: Uint8Array }): Uint8Array {
  return 'bytes' in content ? content.bytes : Buffer.from(content.text, 'utf8');
}

/** How iFlows and parameters are parsed: the editor keeps the last readings and updates them for an edit. */
export interface Parser {
  iflow(uri: string, text: string): ParsedIflow;
  parameters(uri: string, text: string): ParsedParameters;
}

const PARSER: Parser = { iflow: parseIflow, parameters: parseParameters };

export interface ArtifactRead {
  readonly iflows: ParsedIflow[];
  readonly parameters?: ParsedParameters;
  readonly tooLarge: TooLargeFile[];
  /** Files that are absent (listed, then gone), unreadable or not text. */
  readonly problems: FileProblem[];
}

/** The iFlows and parameters.prop of an artifact, in URI order, read within `limit` and parsed. */
export function readArtifact(source: ContentSource, files: readonly ArtifactFile[], limit: SizeLimit, parser = PARSER): ArtifactRead {
  const read: ArtifactRead & { parameters?: ParsedParameters } = { iflows: [], tooLarge: [], problems: [] };
  for (const { uri, kind } of [...files].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const file = readWithinLimit(source, uri, kind, limit);
    if (file === undefined) read.problems.push({ uri, message: 'cannot be read (no such file)' });
    else if ('tooLarge' in file) read.tooLarge.push(file.tooLarge);
    else if ('problem' in file) read.problems.push(file.problem);
    else {
      const decoded = 'text' in file.content ? file.content : decodeText(file.content.bytes, kind);
      if ('error' in decoded) read.problems.push({ uri, message: decoded.error });
      else if (kind === 'iflow') read.iflows.push(parser.iflow(uri, decoded.text));
      else read.parameters = parser.parameters(uri, decoded.text);
    }
  }
  return read;
}
