// The bare-parse process (bundled on its own to .cache/bench/bare-parse.js):
// walks the workspace like the command line, reads the same files, decodes
// the iFlows and parses them with a handler that only counts elements.
//
//   bare-parse <folder>          saxes, the fastest maintained general XML
//                                parser measured in PARSERS.md: the limit the
//                                scan is compared with
//   bare-parse <folder> --fast   the iFlow reader's own fast reader
//                                (server/src/core/iflow/well-formed.ts), saxes
//                                for the files it leaves to saxes, as the
//                                scan does: what the rules and the model cost
//                                on top of the parse the scan really does
//
// Prints its counts as JSON.
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { scanWellFormed } from '../../server/src/core/iflow/well-formed';
import { scannedFiles } from './scanned-files';

const root = process.argv[2];
if (!root) throw new Error('usage: bare-parse <folder> [--fast]');
const fast = process.argv.includes('--fast');
let bytes = 0;
let elements = 0;
let errors = 0;
let leftToSaxes = 0;
const files = scannedFiles(root);
for (const file of files) {
  const content = readFileSync(file.path);
  bytes += content.length;
  if (!file.xml) continue;
  const text = content.toString('utf8');
  if (fast) {
    let counted = 0;
    if (scanWellFormed(text, { open: () => counted++, close: () => undefined })) {
      elements += counted;
      continue;
    }
    leftToSaxes++;
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', () => elements++);
  parser.on('error', () => errors++);
  parser.write(text).close();
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, elements, errors, leftToSaxes }));
