// The bare-parse process (bundled on its own to .cache/bench/bare-parse.js):
// walks the workspace like the command line, reads the same files, decodes
// the iFlows and runs saxes over them with a handler that only counts
// elements. The fastest maintained XML parser measured in PARSERS.md, so its
// throughput is the limit the scan is compared with. Prints its counts as JSON.
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { scannedFiles } from './scanned-files';

const root = process.argv[2];
if (!root) throw new Error('usage: bare-parse <folder>');
let bytes = 0;
let elements = 0;
let errors = 0;
const files = scannedFiles(root);
for (const file of files) {
  const content = readFileSync(file.path);
  bytes += content.length;
  if (!file.xml) continue;
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', () => elements++);
  parser.on('error', () => errors++);
  parser.write(content.toString('utf8')).close();
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, elements, errors }));
