'use strict';
// Preload (node --require) for a language server or command line whose tenant work fails in
// ways nothing expects, with errors whose words quote CRASH_TEXT (a test puts
// the client secret there, in the forms sent): reading a text that holds
// CRASH_MARKER as UTF-8 fails, and so do writes and removals under
// CRASH_FOLDER (the results folder). With CRASH_UNCAUGHT=1 the failure to read
// is thrown outside every handler instead, as an uncaught exception.
// Production code has no hook for this: only Node's own objects are wrapped.
const fs = require('node:fs');

const words = process.env.CRASH_TEXT ?? '';
const marker = process.env.CRASH_MARKER;
const folder = process.env.CRASH_FOLDER;

if (marker) {
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (...args) {
    const text = decode.apply(this, args);
    if (this.encoding !== 'utf-8' || !text.includes(marker)) return text;
    const error = new Error(`the text decoder lost its state after ${words}`);
    if (process.env.CRASH_UNCAUGHT !== '1') throw error;
    setImmediate(() => {
      throw error;
    });
    return text;
  };
}

// The first regular expression run over a text holding CRASH_RULE_MARKER
// fails: a rule of the command line fails so while analysing the file.
const ruleMarker = process.env.CRASH_RULE_MARKER;
if (ruleMarker) {
  const exec = RegExp.prototype.exec;
  let broken = false;
  RegExp.prototype.exec = function (text) {
    if (!broken && typeof text === 'string' && text.includes(ruleMarker)) {
      broken = true;
      throw new Error(`a pattern broke down after ${words}`);
    }
    return exec.call(this, text);
  };
}

if (folder) {
  for (const name of ['writeFileSync', 'rmSync']) {
    const original = fs[name];
    fs[name] = function (path, ...rest) {
      if (String(path).startsWith(folder)) throw new Error(`the disk refused ${name} with ${words}`);
      return original.call(this, path, ...rest);
    };
  }
}
