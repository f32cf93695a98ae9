// The size limit on analysed files (`maxFileSizeMB`): one place for the
// arithmetic and the wording, shared by the editor and the command line.
import type { Config } from './model';

const MB = 1024 * 1024;

/** What a file over the limit is, for the wording of its notice. */
export type SizeLimitedKind = 'iflow' | 'parameters' | 'certificate' | 'script';

/** How to raise the limit, named for where the notice appears. */
export const RAISE_LIMIT_IN_EDITOR = 'the setting "cpiSecurity.maxFileSizeMB" or "maxFileSizeMB" in .cpisecurity.json';
export const RAISE_LIMIT_ON_COMMAND_LINE = '--max-file-size <MB> or "maxFileSizeMB" in .cpisecurity.json';

export function maxFileBytes(config: Pick<Config, 'maxFileSizeMB'>): number {
  return Math.floor(config.maxFileSizeMB * MB);
}

/** `25.3 MB (26542080 bytes)`: rounded for reading, exact for files just over the limit. */
export function describeSize(bytes: number): string {
  const rounded = bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
  return `${rounded} (${bytes} bytes)`;
}

/** The notice on a file that was not analysed because of its size. */
export function fileTooLargeMessage(kind: SizeLimitedKind, bytes: number, limitMB: number, raiseWith: string): string {
  const consequence =
    kind === 'parameters'
      ? " The artifact's iFlows are analysed as if it had no parameters.prop, so findings that depend on parameter values are missing."
      : '';
  return `Not analysed: the file is ${describeSize(bytes)}, over the ${limitMB} MB limit.${consequence} To analyse it, raise the limit with ${raiseWith}.`;
}
