// Every code block of a script: the script itself and each interpolation
// inside its strings, however deep, walked with an explicit stack.

import type { ScriptCode, ScriptModel, ScriptToken } from './model';
import { stringIndices } from './token-index';
import { Memo } from './memo';

export interface CodeBlock {
  readonly code: ScriptCode;
  /** The string token whose interpolation this is, absent for the script itself. */
  readonly inString?: ScriptToken;
}

/** Blocks found per script: every rule walks them, the walk is done once. */
const FOUND = new Memo<ScriptModel, readonly CodeBlock[]>('code blocks');

/** Every code block of the script in source order (found once per script, then shared). */
export function codeBlocks(model: ScriptModel): readonly CodeBlock[] {
  let blocks = FOUND.get(model);
  if (!blocks) {
    blocks = findCodeBlocks(model);
    FOUND.set(model, blocks);
  }
  return blocks;
}

function findCodeBlocks(model: ScriptModel): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const pending: CodeBlock[] = [{ code: model.code }];
  while (pending.length > 0) {
    const block = pending.pop()!;
    blocks.push(block);
    // Pushed in reverse so blocks come out in source order.
    const tokens = block.code.tokens;
    const interpolated = stringIndices(block.code, true);
    for (let s = interpolated.length - 1; s >= 0; s--) {
      const i = interpolated[s];
      const string = tokens[i].string;
      if (!string?.interpolated) continue;
      for (let p = string.parts.length - 1; p >= 0; p--) {
        const part = string.parts[p];
        if (part.kind === 'code') pending.push({ code: part.code, inString: tokens[i] });
      }
    }
  }
  return blocks;
}

/** The code blocks of one string's interpolations (`${…}`, `$name`), directly inside it. */
export function interpolations(token: ScriptToken): ScriptCode[] {
  const codes: ScriptCode[] = [];
  for (const part of token.string?.parts ?? []) if (part.kind === 'code') codes.push(part.code);
  return codes;
}
