import * as assert from 'node:assert/strict';
import type { ScriptCode, ScriptComment, ScriptModel } from '../../../server/src/core/script/model';

// What every script model must satisfy, whatever the input: each token's
// text is the text at its range; tokens of a block come in order without
// overlapping, and what lies between them is white space, comments or a
// backslash line continuation; string parts tile their literal inside its
// delimiters; bracket pairs point at each other.

const SPACE = /[\s\uFEFF]/;

export function checkScriptModel(model: ScriptModel): void {
  const { text } = model;
  const comments = new Map<number, ScriptComment>();
  let lastComment = -1;
  for (const comment of model.comments) {
    assert.ok(comment.start >= lastComment, `comments out of order at ${comment.start}`);
    assert.equal(comment.text, text.slice(comment.start, comment.end), `comment text at ${comment.start}`);
    comments.set(comment.start, comment);
    lastComment = comment.end;
  }
  const used = new Set<number>();
  // Blocks to check: [code, from, to]; an explicit stack, as deep inputs are the point.
  const pending: [ScriptCode, number, number][] = [[model.code, 0, text.length]];
  while (pending.length > 0) {
    const [code, from, to] = pending.pop()!;
    let at = from;
    code.tokens.forEach((token, i) => {
      assert.ok(
        token.start >= at && token.end <= to && token.end > token.start,
        `token ${i} '${token.text}' at ${token.start}-${token.end} outside ${at}-${to}`,
      );
      assertGap(text, at, token.start, comments, used);
      assert.equal(token.text, text.slice(token.start, token.end), `token text at ${token.start}`);
      const partner = code.pair[i];
      if (partner >= 0) assert.equal(code.pair[partner], i, `bracket pair of token ${i}`);
      at = token.end;
      const string = token.string;
      assert.equal(token.kind === 'string', string !== undefined, `string details on token ${i}`);
      if (!string) return;
      let partAt = token.start;
      for (const part of string.parts) {
        assert.ok(
          part.start >= partAt && part.end <= token.end && part.end >= part.start,
          `string part ${part.start}-${part.end} in token ${token.start}-${token.end}`,
        );
        partAt = part.end;
        if (part.kind === 'code') pending.push([part.code, part.start, part.end]);
      }
      assert.equal(
        string.interpolated,
        string.parts.some((part) => part.kind === 'code'),
      );
      if (!string.interpolated) assert.equal(typeof string.value, 'string');
    });
    assertGap(text, at, to, comments, used);
  }
  assert.equal(used.size, model.comments.length, 'every comment lies between tokens');
}

function assertGap(text: string, from: number, to: number, comments: Map<number, ScriptComment>, used: Set<number>): void {
  let p = from;
  while (p < to) {
    const comment = comments.get(p);
    if (comment) {
      assert.ok(comment.end <= to, `comment at ${p} runs into a token`);
      used.add(p);
      p = comment.end;
    } else if (SPACE.test(text[p])) p++;
    else if (text[p] === '\\' && (text[p + 1] === '\n' || text[p + 1] === '\r')) p += 2;
    else assert.fail(`uncovered ${JSON.stringify(text.slice(p, p + 10))} at ${p} (between ${from} and ${to})`);
  }
}
