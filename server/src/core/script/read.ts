// The one entry point: a script's text in, its model out. Never throws.

import { LineIndex } from '@cpi/common/text/range';
import { lexGroovy } from './groovy/lexer';
import { readJavaScript } from './javascript/reader';
import type { ScriptLanguage, ScriptModel } from './model';

export function readScript(text: string, language: ScriptLanguage, lines: LineIndex = new LineIndex(text)): ScriptModel {
  if (language === 'javascript') return { language, text, lines, ...readJavaScript(text) };
  return { language, text, lines, ...lexGroovy(text) };
}
