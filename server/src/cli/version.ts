// The version is the extension's package version; the bundle sits in
// server/out/, the sources in server/src/cli/, so look upwards for it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TOOL_NAME = 'cpi-security-lint';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  for (let folder = __dirname, i = 0; i < 5; folder = dirname(folder), i++) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === TOOL_NAME && typeof manifest.version === 'string') {
        cached = manifest.version;
        break;
      }
    } catch {
      // no manifest here: keep climbing
    }
  }
  return cached;
}
