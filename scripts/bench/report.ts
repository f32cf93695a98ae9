// The numbers as a table with the targets, and as JSON (--json).
// A measure that should have run but could not is a MISS for its target:
// a number that was never measured cannot pass.
import { writeFileSync } from 'node:fs';

export interface Metrics {
  editP50Ms: number | null;
  editP95Ms: number | null;
  scanMBps: number | null;
  scanFilesPerSec: number | null;
  bareParseMBps: number | null;
  scanToParseRatio: number | null;
  /** The same scan in one thread (--jobs 1): throughput per core. */
  scanOneThreadMBps: number | null;
  scanOneThreadToParseRatio: number | null;
  /** The parse the scan really does: the iFlow reader's fast reader, saxes for what it leaves. */
  fastParseMBps: number | null;
  /** Per core, how the whole analysis compares with that parse alone. */
  scanOneThreadToFastParseRatio: number | null;
  serverPeakRssMB: number | null;
  scanPeakRssMB: number | null;
  vsixBytes: number | null;
  activationMs: number | null;
  /** A --tenant scan of the fake tenant (500 iFlows, 50 ms per request, default concurrency). */
  tenantScanSeconds: number | null;
  /** HTTP requests that scan made, token included. */
  tenantRequests: number | null;
  /** The bare read of Groovy: our lexer alone over the script corpus, in memory (the reference for script scans). */
  scriptLexMBps: number | null;
  /** A scan's work per Groovy script of the corpus in memory: reading and every script rule. */
  scriptScanMBps: number | null;
  /**
   * Scan throughput over lexer throughput: the median of the ratios of
   * pairs of rounds taken one right after the other (measure/script-ratio.ts).
   */
  scriptScanToLexRatio: number | null;
  /** The lowest and highest of those pairs' ratios. */
  scriptScanToLexRatioRange: readonly [number, number] | null;
  /** Edit-to-diagnostics on a generated 5,000-line Groovy script, through the language server. */
  scriptEditP50Ms: number | null;
  scriptEditP95Ms: number | null;
}

/** The measures that are one number each: the table's rows. */
type NumberKey = { [K in keyof Metrics]: Metrics[K] extends number | null ? K : never }[keyof Metrics];

interface Row {
  readonly key: NumberKey;
  readonly label: string;
  readonly unit: (value: number) => string;
  readonly target?: { readonly text: string; readonly met: (value: number) => boolean };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const mb = (v: number) => `${v.toFixed(1)} MB`;

const ROWS: readonly Row[] = [
  { key: 'editP50Ms', label: 'edit -> diagnostics p50', unit: ms },
  { key: 'editP95Ms', label: 'edit -> diagnostics p95', unit: ms, target: { text: '< 50 ms', met: (v) => v < 50 } },
  {
    key: 'scanMBps',
    label: 'scan throughput (cold CLI)',
    unit: (v) => `${v.toFixed(1)} MB/s`,
    target: { text: '>= 20 MB/s', met: (v) => v >= 20 },
  },
  { key: 'scanFilesPerSec', label: 'scan files per second', unit: (v) => `${v.toFixed(0)} files/s` },
  { key: 'bareParseMBps', label: 'bare parse (saxes)', unit: (v) => `${v.toFixed(1)} MB/s` },
  { key: 'scanToParseRatio', label: 'scan / bare parse', unit: (v) => v.toFixed(3), target: { text: '>= 0.50', met: (v) => v >= 0.5 } },
  { key: 'scanOneThreadMBps', label: 'scan, one thread', unit: (v) => `${v.toFixed(1)} MB/s` },
  { key: 'scanOneThreadToParseRatio', label: 'one thread / bare parse', unit: (v) => v.toFixed(3) },
  { key: 'fastParseMBps', label: 'bare parse (fast reader)', unit: (v) => `${v.toFixed(1)} MB/s` },
  { key: 'scanOneThreadToFastParseRatio', label: 'one thread / fast reader', unit: (v) => v.toFixed(3) },
  { key: 'serverPeakRssMB', label: 'server peak RSS (edits)', unit: mb },
  { key: 'scanPeakRssMB', label: 'scan peak RSS', unit: mb, target: { text: '< 300 MB', met: (v) => v < 300 } },
  {
    key: 'vsixBytes',
    label: '.vsix size',
    unit: (v) => `${v} B (${(v / 1024).toFixed(0)} KB)`,
    target: { text: '< 1 MB', met: (v) => v < 1024 * 1024 },
  },
  { key: 'activationMs', label: 'extension activation', unit: ms },
  {
    key: 'tenantScanSeconds',
    label: 'tenant scan (500 iFlows, 50 ms/request)',
    unit: (v) => `${v.toFixed(1)} s`,
    target: { text: '< 10 s', met: (v) => v < 10 },
  },
  { key: 'tenantRequests', label: 'tenant scan requests', unit: (v) => `${v}` },
  { key: 'scriptLexMBps', label: 'bare read: Groovy lexer (script corpus)', unit: (v) => `${v.toFixed(1)} MB/s` },
  { key: 'scriptScanMBps', label: 'script scan (read + rules, in memory)', unit: (v) => `${v.toFixed(1)} MB/s` },
  {
    key: 'scriptScanToLexRatio',
    label: 'script scan / bare lexer',
    unit: (v) => v.toFixed(3),
    target: { text: '>= 0.50', met: (v) => v >= 0.5 },
  },
  { key: 'scriptEditP50Ms', label: 'script edit -> diagnostics p50 (5,000 lines)', unit: ms },
  {
    key: 'scriptEditP95Ms',
    label: 'script edit -> diagnostics p95 (5,000 lines)',
    unit: ms,
    target: { text: '< 30 ms', met: (v) => v < 30 },
  },
];

export interface Verdict {
  readonly table: string;
  readonly missed: string[];
}

/** `ran` says which measures were attempted (BENCH_ONLY skips the others). */
export function verdict(metrics: Metrics, ran: (key: keyof Metrics) => boolean): Verdict {
  const missed: string[] = [];
  const lines = ROWS.map((row) => {
    const value = metrics[row.key];
    let result = '';
    if (!ran(row.key)) result = 'skipped';
    else if (row.target) {
      const met = value !== null && row.target.met(value);
      result = met ? 'PASS' : value === null ? 'MISS (not measured)' : 'MISS';
      if (!met) missed.push(row.label);
    }
    return [row.label, value === null ? (ran(row.key) ? 'n/a' : '-') : row.unit(value), row.target?.text ?? '', result];
  });
  const header = ['measure', 'value', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const table = [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
  return { table, missed };
}

export function writeJson(path: string, metrics: Metrics, details: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify({ ...metrics, details }, null, 2)}\n`);
}
