// `--tenant`: the command line's scan of a live tenant. Reads the service key
// (refusing a bad one before anything is sent), downloads and scans through
// the engine's tenant source with progress on stderr, and stops cleanly on
// Ctrl-C. What could not be read is in the report; the caller exits 2 then.
import type { FileNote, ScanReport } from '../engine/report';
import { createTenantClient } from '../engine/tenant/client';
import { isTenantError } from '../engine/tenant/errors';
import { maskedError } from '../engine/tenant/masked-error';
import { TenantScanAborted } from '../engine/tenant/problems';
import { loadServiceKey, type ServiceKey } from '../engine/tenant/service-key';
import { DEFAULT_CONCURRENCY, scanTenant } from '../engine/tenant/tenant-source';
import type { CliOptions } from './options';
import { tenantProgressOn } from './progress';
import { tenantConfigs, UnreadableConfig } from './scan-setup';

export const EXIT_INTERRUPTED = 130;

export interface TenantIo {
  readonly cwd: string;
  readonly stderr: NodeJS.WriteStream;
  readonly now: Date;
  readonly env?: NodeJS.ProcessEnv;
}

export type TenantRun =
  { readonly report: ScanReport; readonly incomplete: boolean } | { readonly failed: string; readonly exitCode?: number };

export async function runTenantScan(
  options: CliOptions & { tenant: string },
  configPath: string | undefined,
  io: TenantIo,
): Promise<TenantRun> {
  let key: ServiceKey;
  try {
    key = loadServiceKey(options.tenant, io.env ?? process.env);
  } catch (error) {
    if (isTenantError(error)) return { failed: error.message };
    throw error;
  }
  let configs;
  try {
    configs = tenantConfigs(configPath, io.cwd, key.host);
  } catch (error) {
    if (error instanceof UnreadableConfig) return { failed: error.message };
    throw error;
  }

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // Each artifact is its zip and its configuration: two requests per download slot.
  const client = createTenantClient(key, { concurrency: concurrency * 2, signal: controller.signal });
  const progress = tenantProgressOn(io.stderr);
  try {
    const scan = await scanTenant({
      api: client,
      packages: options.packages,
      securityMaterial: options.securityMaterial,
      concurrency,
      signal: controller.signal,
      onProgress: ({ done, total, current }) => progress.update(done, total, current),
      scan: {
        root: io.cwd,
        now: io.now,
        configs,
        reportUnusedSuppressions: options.reportUnusedSuppressions,
        ...(options.maxFileSizeMB !== undefined ? { maxFileSizeMB: options.maxFileSizeMB } : {}),
      },
    });
    return { report: maskedNotes(scan.report, (text) => client.redact(text)), incomplete: scan.incomplete };
  } catch (error) {
    if (error instanceof TenantScanAborted || controller.signal.aborted) {
      return { failed: 'interrupted: downloads stopped, nothing was reported', exitCode: EXIT_INTERRUPTED };
    }
    // Printed as a crash's trace (main.ts): whatever it says, the secret and the tokens are masked.
    throw maskedError(error, (text) => client.redact(text));
  } finally {
    progress.clear();
    process.removeListener('SIGINT', interrupt);
    await client.close().catch(() => undefined);
  }
}

/**
 * The report with its notes and file errors masked: they may quote an
 * unexpected error (a rule failing, a download going wrong), and no output
 * may carry the client secret or a token.
 */
function maskedNotes(report: ScanReport, redact: (text: string) => string): ScanReport {
  const mask = (note: FileNote): FileNote => {
    const message = redact(note.message);
    return message === note.message ? note : { ...note, message };
  };
  return { ...report, notes: report.notes.map(mask), fileErrors: report.fileErrors.map(mask) };
}
