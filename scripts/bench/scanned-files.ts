// The files the command line reads in a folder (as server/src/engine/discover.ts
// and file-kind.ts choose them), listed again here so the bare-parse process
// loads nothing but the parser. The scan checks the count against the
// command line's own report, so a drift shows.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CERTIFICATE = /\.(pem|crt|cer|der|p12|pfx|jks|key)$/i;
const SKIPPED = new Set(['node_modules', '.git']);

export interface ScannedFile {
  readonly path: string;
  readonly xml: boolean;
  readonly size: number;
}

function scanned(name: string): boolean {
  if (name === 'parameters.prop') return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && (/\.(iflw|zip)$/i.test(name) || CERTIFICATE.test(name));
}

export function scannedFiles(folder: string, into: ScannedFile[] = []): ScannedFile[] {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) {
      if (!SKIPPED.has(name)) scannedFiles(path, into);
    } else if (stats.isFile() && scanned(name)) {
      into.push({ path, xml: /\.iflw$/i.test(name), size: stats.size });
    }
  }
  return into;
}
