// Command-line arguments to options; anything wrong is a usage error (exit 2).
import { parseArgs } from 'node:util';
import type { Severity } from '@cpi/common/findings';
import { shownArgument } from './shown-argument';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'junit' | 'markdown' | 'gitlab';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly output?: string;
  readonly config?: string;
  readonly failOn: Severity;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly reportUnusedSuppressions: boolean;
  /** --changed-since: a git revision; only artifacts with files changed since it are scanned and reported. */
  readonly changedSince?: string;
  /** --link-base: a URL the markdown report's file links are made absolute with. */
  readonly linkBase?: string;
  /** Wins over `maxFileSizeMB` of every configuration. */
  readonly maxFileSizeMB?: number;
  /** Threads to scan with; absent: one per core for large scans (see parallel-scan.ts). */
  readonly jobs?: number;
  /** --tenant: a service-key file, or `env:<VAR>` naming a variable that holds the key's JSON. */
  readonly tenant?: string;
  /** --package: ids, names or globs of the tenant's packages to read; empty: all. */
  readonly packages: readonly string[];
  /** --no-security-material: skip the keystore, credentials and certificate mappings. */
  readonly securityMaterial: boolean;
  /** --concurrency: artifacts downloaded from the tenant at a time. */
  readonly concurrency?: number;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'junit', 'markdown', 'gitlab'];
const FAIL_ON: Readonly<Record<string, Severity>> = {
  error: 'error',
  warning: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
};

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
        'changed-since': { type: 'string' },
        'link-base': { type: 'string' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        tenant: { type: 'string' },
        package: { type: 'string', multiple: true },
        'no-security-material': { type: 'boolean' },
        concurrency: { type: 'string' },
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
  const tenant = values.tenant;
  if (tenant !== undefined) {
    if (tenant.trim() === '') throw new UsageError('--tenant needs a service-key file or env:<VARIABLE>');
    if (positionals.length > 0)
      throw new UsageError(
        `--tenant scans the tenant, not files: remove ${positionals.map((path) => shownArgument(path, { quoted: true })).join(', ')}`,
      );
    // --jobs splits the analysis of local files over threads; a tenant scan is bound by its downloads, which --concurrency sets.
    if (values.jobs !== undefined)
      throw new UsageError(
        '--jobs applies to files, not to --tenant; use --concurrency to set how many artifacts are downloaded at a time',
      );
  } else {
    for (const name of ['package', 'no-security-material', 'concurrency'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} only applies with --tenant`);
    }
  }
  const changedSince = values['changed-since'];
  if (changedSince !== undefined) {
    if (changedSince.trim() === '') throw new UsageError('--changed-since needs a git revision, e.g. --changed-since origin/main');
    if (tenant !== undefined) throw new UsageError('--changed-since compares files in git; it does not apply with --tenant');
    if (values['write-baseline'] !== undefined)
      throw new UsageError('--write-baseline records every finding; scan without --changed-since to write one');
  }
  const linkBase = values['link-base'];
  if (linkBase !== undefined) {
    if (format !== 'markdown') throw new UsageError('--link-base applies to --format markdown only');
    if (!/^https?:\/\/\S+$/.test(linkBase))
      throw new UsageError(`--link-base needs an http(s) URL, e.g. https://github.com/owner/repo/blob/<commit>/; got "${linkBase}"`);
  }
  const packages = values.package ?? [];
  if (packages.some((pkg) => pkg.trim() === '')) throw new UsageError('--package needs a package id, name or glob');
  const concurrency = values.concurrency === undefined ? undefined : parseWhole('--concurrency', 'downloads', values.concurrency, 32);
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
    ...(changedSince !== undefined ? { changedSince } : {}),
    ...(linkBase !== undefined ? { linkBase: linkBase.endsWith('/') ? linkBase : `${linkBase}/` } : {}),
    ...(maxFileSizeMB !== undefined ? { maxFileSizeMB } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(tenant !== undefined ? { tenant } : {}),
    packages,
    securityMaterial: values['no-security-material'] !== true,
    ...(concurrency !== undefined ? { concurrency } : {}),
    help: values.help === true,
    version: values.version === true,
  };
}

/** A whole number of threads, 1 to 64. */
function parseJobs(text: string): number {
  return parseWhole('--jobs', 'threads', text, 64);
}

/** A whole number from 1 to `most`. */
function parseWhole(option: string, what: string, text: string, most: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > most)
    throw new UsageError(`${option} needs a whole number of ${what} from 1 to ${most}, e.g. ${option} 2; got "${text}"`);
  return value;
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
       cpi-security-lint --tenant <service-key.json | env:VARIABLE> [--package <id, name or glob>]... [options]

Checks SAP Cloud Integration content for insecure settings: iFlows (.iflw),
parameters.prop, certificates and key files, and integration package or
iFlow export zips (read in memory, nested package content included).
Folders are scanned recursively (node_modules and .git are skipped);
the default path is the current folder.

With --tenant it reads a live tenant through the Cloud Integration API
instead (read-only): the iFlows and script collections of the selected
packages, with their externalized parameters as configured on the tenant,
and the tenant's keystore, credentials and certificate-to-user mappings.
The service key is that of a Process Integration Runtime instance of plan
api (roles WorkspacePackagesRead and MonitoringDataRead). Findings are
located at cpi-tenant://<host>/<package>/<artifact>/src/main/resources/...

Options:
  -f, --format <format>          text (default), json, sarif (SARIF 2.1.0), junit,
                                 markdown (a summary for a job page or pull request)
                                 or gitlab (GitLab Code Quality report)
  -o, --output <file>            write the report to a file instead of standard output
      --link-base <url>          markdown: make file links absolute with this URL, e.g.
                                 https://github.com/<owner>/<repo>/blob/<commit>/
  -c, --config <file>            use this configuration for every file instead of the
                                 nearest .cpisecurity.json above each file
      --fail-on <severity>       lowest severity that fails the run: error (default),
                                 warning or information
      --baseline <file>          report only findings that are not in this baseline
      --write-baseline <file>    record the current findings as the baseline
      --report-unused-suppressions
                                 warn about suppressions that matched no finding
      --changed-since <git ref>  scan only artifacts with a file changed since this git
                                 revision (committed since, modified in the work tree
                                 or untracked), each read whole; for a pull request
                                 use the merge base, e.g. $(git merge-base origin/main HEAD)
      --max-file-size <MB>       skip iFlows, parameters.prop and certificates larger
                                 than this, with a warning (default: maxFileSizeMB of
                                 .cpisecurity.json, else 20)
  -j, --jobs <n>                 scan files with n threads (default: one per processor
                                 core, at most 4, for 200 files or more; else 1); not
                                 with --tenant
      --tenant <key>             scan a tenant: a service-key JSON file, or env:VARIABLE
                                 for a variable holding the key's JSON
      --package <id|name|glob>   with --tenant: read only matching packages (repeatable;
                                 default: every package)
      --no-security-material     with --tenant: skip the keystore, credentials and
                                 certificate-to-user mappings
      --concurrency <n>          with --tenant: artifacts downloaded at a time (default 4)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes:
  0  no finding at or above the --fail-on severity
  1  findings at or above the --fail-on severity
  2  usage error, a path that does not exist, an unreadable --config or
     baseline, no file could be scanned at all, or a rule failed on a file
     (the analysis is incomplete; the failure is reported as an error);
     with --tenant also an unusable service key (nothing is sent), or
     anything asked for that could not be read from the tenant (sign-in,
     a missing role, network, a package gone): what was read is reported
     first. Configure-only packages are skipped with a warning.
  130 interrupted (Ctrl-C): downloads stop and nothing is reported

Files that cannot be read (binary, corrupt or oversized zips, permission
errors) are listed as errors; every other file is still scanned. Files over
the size limit are skipped with a warning, which does not change the exit code.
Rule ids, configuration and suppressions are the same as in the editor.
`;
