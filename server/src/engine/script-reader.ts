// Reads one script within its size limit, for a scan and for the editor
// alike: bytes to UTF-8 text (binary or other encodings are refused with a
// reason), then the script reader of its language.
import { scriptLanguage } from '../core/analysis/script-layout';
import type { ScriptModel } from '../core/script/model';
import { readScript } from '../core/script/read';
import { readWithinLimit, type FileProblem, type SizeLimit, type TooLargeFile } from './artifact-reader';
import type { ContentSource } from './source';
import { decodeText } from './text-decode';

export type ScriptRead = { readonly script: ScriptModel } | { readonly tooLarge: TooLargeFile } | { readonly problem: FileProblem };

/** `previous`: the last reading of the same script (the editor's), read again only around what changed. */
export function readScriptFile(source: ContentSource, uri: string, limit: SizeLimit, previous?: ScriptModel): ScriptRead {
  const language = scriptLanguage(uri);
  if (language === undefined) return { problem: { uri, message: 'is not a Groovy (.groovy, .gsh) or JavaScript (.js) file' } };
  const file = readWithinLimit(source, uri, 'script', limit);
  if (file === undefined) return { problem: { uri, message: 'cannot be read (no such file)' } };
  if ('tooLarge' in file || 'problem' in file) return file;
  const decoded = 'text' in file.content ? file.content : decodeText(file.content.bytes, 'script');
  if ('error' in decoded) return { problem: { uri, message: decoded.error } };
  return { script: readScript(decoded.text, language, undefined, previous?.language === language ? previous : undefined) };
}
