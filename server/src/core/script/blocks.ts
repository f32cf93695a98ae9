// Every code block of a script: the script itself and each interpolation
// inside its strings, however deep, walked with an explicit stack.

import type { ScriptCode, ScriptModel, ScriptToken } from './model';

export interface CodeBlock {
  readonly code: ScriptCode;
  /** The string token whose interpolation this is, absent for the script itself. */
  readonly inString?: ScriptToken;
}

export function* codeBlocks(model: ScriptModel): Generator<CodeBlock> {
  const pending: CodeBlock[] = [{ code: model.code }];
  while (pending.length > 0) {
    const block = pending.pop()!;
    yield block;
    // Pushed in reverse so blocks come out in source order.
    const tokens = block.code.tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const string = tokens[i].string;
      if (!string?.interpolated) continue;
      for (let p = string.parts.length - 1; p >= 0; p--) {
        const part = string.parts[p];
        if (part.kind === 'code') pending.push({ code: part.code, inString: tokens[i] });
      }
    }
  }
}

/** The code blocks of one string's interpolations (`${…}`, `$name`), directly inside it. */
export function interpolations(token: ScriptToken): ScriptCode[] {
  const codes: ScriptCode[] = [];
  for (const part of token.string?.parts ?? []) if (part.kind === 'code') codes.push(part.code);
  return codes;
}
