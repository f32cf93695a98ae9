// Command-line arguments to options; anything wrong is a usage error (exit 2).
import { parseArgs } from 'node:util';
import type { Severity } from '../core/findings';

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
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    failOn,
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['write-baseline'] !== undefined ? { writeBaseline: values['write-baseline'] } : {}),
    reportUnusedSuppressions: values['report-unused-suppressions'] === true,
    help: values.help === true,
    version: values.version === true,
  };
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
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes:
  0  no finding at or above the --fail-on severity
  1  findings at or above the --fail-on severity
  2  usage error, a path that does not exist, an unreadable --config or
     baseline, or no file could be scanned at all

Files that cannot be read (binary, corrupt or oversized zips, permission
errors) are listed as errors; every other file is still scanned.
Rule ids, configuration and suppressions are the same as in the editor.
`;
