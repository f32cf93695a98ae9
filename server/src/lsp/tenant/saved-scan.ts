// The last scan of a tenant kept in a file of the extension's storage, so a
// restarted language server (or a new window) shows the same diagnostics,
// tree counts, security material documents and hovers without scanning the
// tenant again. No secret is in it: findings, the material's public parts
// (never a password: the API has none to give) and the summary.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityMaterialSummary } from '@cpi/common/tenant-protocol';
import type { SecurityMaterial } from '../../core/tenant/material';
import type { ReportedFinding } from '../../engine/report';

const FORMAT = 1;

export interface SavedScan {
  readonly scannedAt: number;
  /** A whole-tenant scan is among those kept (then every package counts as scanned). */
  readonly wholeTenant: boolean;
  /** Packages scanned one by one. */
  readonly packages: readonly string[];
  readonly problems: readonly string[];
  readonly incomplete: boolean;
  /** By canonical tenant URI. */
  readonly findings: ReadonlyMap<string, readonly ReportedFinding[]>;
  readonly material?: SecurityMaterial;
  readonly summary?: SecurityMaterialSummary;
}

/** The file of a tenant's last scan in `folder`. */
export function savedScanFile(folder: string, host: string): string {
  return join(folder, `${encodeURIComponent(host)}.json`);
}

export function writeSavedScan(file: string, scan: SavedScan): void {
  const material = scan.material && {
    ...scan.material,
    keystore: scan.material.keystore.map(({ certificate, validNotBefore, validNotAfter, ...entry }) => ({
      ...entry,
      ...(validNotBefore ? { validNotBefore: validNotBefore.toISOString() } : {}),
      ...(validNotAfter ? { validNotAfter: validNotAfter.toISOString() } : {}),
      ...(certificate ? { certificate: Buffer.from(certificate).toString('base64') } : {}),
    })),
    certificateUserMappings: scan.material.certificateUserMappings.map(({ certificate, validUntil, ...mapping }) => ({
      ...mapping,
      ...(validUntil ? { validUntil: validUntil.toISOString() } : {}),
      certificate: Buffer.from(certificate).toString('base64'),
    })),
  };
  const json = JSON.stringify({ format: FORMAT, ...scan, findings: [...scan.findings], ...(material ? { material } : {}) });
  mkdirSync(join(file, '..'), { recursive: true });
  // written whole, then renamed: a crash mid-write leaves the previous scan
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, file);
}

/** The saved scan, or undefined when there is none or it cannot be read (a scan makes a new one). */
export function readSavedScan(file: string): SavedScan | undefined {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (data.format !== FORMAT || typeof data.scannedAt !== 'number' || !Array.isArray(data.findings)) return undefined;
  const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : undefined);
  const bytes = (value: unknown) => (typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : undefined);
  type Stored = Record<string, unknown>;
  const stored = data.material as (Omit<SecurityMaterial, 'keystore' | 'certificateUserMappings'> & Record<string, Stored[]>) | undefined;
  const material: SecurityMaterial | undefined = stored && {
    ...stored,
    keystore: (stored.keystore ?? []).map((entry) => {
      const validNotBefore = date(entry.validNotBefore);
      const validNotAfter = date(entry.validNotAfter);
      const certificate = bytes(entry.certificate);
      return {
        ...(entry as unknown as SecurityMaterial['keystore'][number]),
        validNotBefore,
        validNotAfter,
        certificate,
      };
    }),
    certificateUserMappings: (stored.certificateUserMappings ?? []).map((mapping) => ({
      ...(mapping as unknown as SecurityMaterial['certificateUserMappings'][number]),
      validUntil: date(mapping.validUntil),
      certificate: bytes(mapping.certificate) ?? new Uint8Array(),
    })),
  };
  return {
    scannedAt: data.scannedAt,
    wholeTenant: data.wholeTenant === true,
    packages: Array.isArray(data.packages) ? (data.packages as string[]) : [],
    problems: Array.isArray(data.problems) ? (data.problems as string[]) : [],
    incomplete: data.incomplete === true,
    findings: new Map(data.findings as [string, ReportedFinding[]][]),
    ...(material ? { material } : {}),
    ...(data.summary ? { summary: data.summary as SecurityMaterialSummary } : {}),
  };
}

export function deleteSavedScan(file: string): void {
  rmSync(file, { force: true });
}
