// Which files the command line reads, by name: the same names the editor
// analyses (core/analysis), plus zips. Inner package entries (`<id>_content`)
// have no extension: they are candidates for archives and are confirmed by
// their zip header.
import { isCertificateUri } from '../core/analysis/analyse-certificate';
import { isIflowUri } from '../core/analysis/artifact-layout';
import { isScriptUri } from '../core/analysis/script-layout';

/**
 * `script`: any Groovy or JavaScript file by its name; whether it is
 * analysed depends on where it lies and on the configuration
 * (script-layout.ts isAnalysedScript), which the scan decides per file.
 */
export type FileKind = 'iflow' | 'parameters' | 'certificate' | 'script' | 'archive';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function fileKind(path: string): FileKind | undefined {
  const name = baseName(path.replace(/\\/g, '/'));
  if (name === 'parameters.prop') return 'parameters';
  // A bare `.iflw` or `.pem` (nothing before the dot) is a hidden file, not content.
  const ext = extension(name);
  if (ext === '') return undefined;
  if (isIflowUri(name)) return 'iflow';
  if (ext === '.zip') return 'archive';
  if (isCertificateUri(name)) return 'certificate';
  if (isScriptUri(name)) return 'script';
  return undefined;
}

/** An archive entry without extension may be a nested zip (package exports name them `<id>_content`). */
export function mayBeNestedArchive(path: string): boolean {
  return extension(baseName(path)) === '';
}

export function isZipHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
