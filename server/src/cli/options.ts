// Command-line arguments to options; anything wrong is a usage error (exit 2).
import { parseArgs } from 'node:util';
import type { Severity } from '@cpi/common/findings';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'junit';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly output?: string;
  readonly config?: string;
  readonly failOn: Severity;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly reportUnusedSuppressions: boolean;
  /** Wins over `maxFileSizeMB` of every configuration. */
  readonly maxFileSizeMB?: number;
  /** Threads to scan with; absent: one per core for large scans (see parallel-scan.ts). */
  readonly jobs?: number;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'junit'];
const FAIL_ON: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', information: 'information', info: 'information', hint: 'hint' };

export function parseOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'report-unused-suppressions': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('. To specify')[0] : String(error));
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use one of ${FORMATS.join(', ')}`);
  const failOnText = values['fail-on'] ?? 'error';
  const failOn = Object.prototype.hasOwnProperty.call(FAIL_ON, failOnText) ? FAIL_ON[failOnText] : undefined;
  if (!failOn) throw new UsageError(`unknown --fail-on severity "${failOnText}"; use error, warning or information`);
  for (const name of ['output', 'config', 'baseline', 'write-baseline'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a file name`);
  }
  const maxFileSizeMB = values['max-file-size'] === undefined ? undefined : parseMegabytes(values['max-file-size']);
  const jobs = values.jobs === undefined ? undefined : parseJobs(values.jobs);
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    failOn,
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['write-baseline'] !== undefined ? { writeBaseline: values['write-baseline'] } : {}),
    reportUnusedSuppressions: values['report-unused-suppressions'] === true,
    ...(maxFileSizeMB !== undefined ? { maxFileSizeMB } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    help: values.help === true,
    version: values.version === true,
  };
}

/** A whole number of threads, 1 to 64. */
function parseJobs(text: string): number {
  const jobs = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs needs a whole number of threads from 1 to 64, e.g. --jobs 2; got "${text}"`);
  return jobs;
}

/** A number of megabytes above 0 (`50`, `0.5`); "50MB" or "-1" is a usage error rather than a guess. */
function parseMegabytes(text: string): number {
  const size = /^\s*\d*\.?\d+(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(size) || size <= 0) {
    throw new UsageError(`--max-file-size needs a size in megabytes greater than 0, e.g. --max-file-size 50; got "${text}"`);
  }
  return size;
}

export const HELP = `Usage: cpi-security-lint [options] [paths...]

Checks SAP Cloud Integration content for insecure settings: iFlows (.iflw),
parameters.prop, certificates and key files, and integration package or
iFlow export zips (read in memory, nested package content included).
Folders are scanned recursively (node_modules and .git are skipped);
the default path is the current folder.

Options:
  -f, --format <format>          text (default), json, sarif (SARIF 2.1.0) or junit
  -o, --output <file>            write the report to a file instead of standard output
  -c, --config <file>            use this configuration for every file instead of the
                                 nearest .cpisecurity.json above each file
      --fail-on <severity>       lowest severity that fails the run: error (default),
                                 warning or information
      --baseline <file>          report only findings that are not in this baseline
      --write-baseline <file>    record the current findings as the baseline
      --report-unused-suppressions
                                 warn about suppressions that matched no finding
      --max-file-size <MB>       skip iFlows, parameters.prop and certificates larger
                                 than this, with a warning (default: maxFileSizeMB of
                                 .cpisecurity.json, else 20)
  -j, --jobs <n>                 scan with n threads (default: one per processor core,
                                 at most 4, for 200 files or more; else 1)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes:
  0  no finding at or above the --fail-on severity
  1  findings at or above the --fail-on severity
  2  usage error, a path that does not exist, an unreadable --config or
     baseline, no file could be scanned at all, or a rule failed on a file
     (the analysis is incomplete; the failure is reported as an error)

Files that cannot be read (binary, corrupt or oversized zips, permission
errors) are listed as errors; every other file is still scanned. Files over
the size limit are skipped with a warning, which does not change the exit code.
Rule ids, configuration and suppressions are the same as in the editor.
`;
