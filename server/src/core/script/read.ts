// The one entry point: a script's text in, its model out. Never throws.
// Given the reading of an earlier version of the same script (the editor's
// last one), a Groovy script is read again only around what changed
// (groovy/relex.ts); the model is the same as a full reading's.

import { LineIndex } from '@cpi/common/text/range';
import { lexGroovy } from './groovy/lexer';
import { relexGroovy } from './groovy/relex';
import { readJavaScript } from './javascript/reader';
import type { ScriptLanguage, ScriptModel } from './model';

export function readScript(
  text: string,
  language: ScriptLanguage,
  lines: LineIndex = new LineIndex(text),
  previous?: ScriptModel,
): ScriptModel {
  if (language === 'javascript') return { language, text, lines, ...readJavaScript(text) };
  if (previous?.language === 'groovy') return { language, text, lines, ...relexGroovy(previous, text) };
  return { language, text, lines, ...lexGroovy(text) };
}
