// A scan of a live tenant: the selected packages' iFlows and script
// collections are downloaded (a bounded number at a time), read in memory
// from their zips and scanned unit by unit as they arrive, with their
// externalized parameters as configured on the tenant; the tenant's security
// material is read first, so the rules can look up the names channels use.
// Whatever could not be read becomes a note and marks the scan incomplete;
// a configure-only package is skipped with a warning, as the API refuses its
// content.
import type { SecurityMaterial } from '../../core/tenant/material';
import { TENANT_SCHEME, tenantContentUri } from '../../core/tenant/uri';
import type { FileNote, ScanReport } from '../report';
import { finishScan } from '../scan';
import { Scanner, type PartialScan, type ScanOptions } from '../scanner';
import { scanUnits } from '../units';
import type { DesigntimeArtifact, IntegrationPackage, TenantApi } from './api';
import { readArtifactZip } from './artifact-source';
import { isTenantError } from './errors';
import { Limiter } from './limiter';
import { selectPackages } from './package-selection';
import { collapsed, failure, TenantScanAborted, type TenantProblem } from './problems';
import { readSecurityMaterial } from './security-material';

export const DEFAULT_CONCURRENCY = 4;

export interface TenantProgress {
  /** Artifacts downloaded and scanned, and those known so far (grows while packages are listed). */
  readonly done: number;
  readonly total: number;
  /** The package of the artifact last finished. */
  readonly current?: string;
}

export interface TenantScanOptions {
  readonly api: TenantApi;
  /** --package: ids or names, globs allowed; empty: every package. */
  readonly packages: readonly string[];
  /** Read the keystore, credentials and certificate mappings (default true). */
  readonly securityMaterial?: boolean;
  /** Artifacts downloaded at a time (each: its zip and, for an iFlow, its configuration). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TenantProgress) => void;
  /** How the content is scanned; the source is the tenant. */
  readonly scan: Omit<ScanOptions, 'source' | 'securityMaterial'>;
}

export interface TenantScan {
  readonly report: ScanReport;
  /** Something the scan was asked to read could not be read (a note says what). */
  readonly incomplete: boolean;
  /** The security material read, when all of it could be. */
  readonly securityMaterial?: SecurityMaterial;
}

type ArtifactKind = 'iflow' | 'script collection';
const LABEL: Record<ArtifactKind, string> = { iflow: 'iFlow', 'script collection': 'script collection' };

/** Scans the tenant; rejects with TenantScanAborted when `signal` aborts. */
export async function scanTenant(options: TenantScanOptions): Promise<TenantScan> {
  const { api, signal } = options;
  const host = api.host;
  const limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const problems: TenantProblem[] = [];
  const checkAborted = () => {
    if (signal?.aborted) throw new TenantScanAborted();
  };

  const materialRead = options.securityMaterial === false ? undefined : readSecurityMaterial(api, limiter, signal);
  const packagesRead = limiter
    .run(() => api.packages(signal))
    .catch((error: unknown) => {
      problems.push(failure(`${TENANT_SCHEME}://${host}`, 'the integration packages could not be listed', error, signal));
      return undefined;
    });
  // Downloads start at once; each artifact is scanned once the material is there.
  // The scan's source is each artifact's own (Scanner.unit takes it); this one is never read.
  const scannerReady = Promise.resolve(materialRead).then(
    (material) =>
      new Scanner({ ...options.scan, source: NO_SOURCE, ...(material?.material ? { securityMaterial: material.material } : {}) }),
  );
  scannerReady.catch(() => undefined); // a scan that stops early (Ctrl-C) leaves it unawaited
  const allPackages = await packagesRead;
  checkAborted();
  const progress = { done: 0, total: 0 };
  const report = (current: string) => options.onProgress?.({ ...progress, current });

  const selection = selectPackages(allPackages ?? [], options.packages);
  if (allPackages) {
    for (const selector of selection.unmatched) {
      problems.push({ uri: `${TENANT_SCHEME}://${host}`, message: `--package "${selector}" matches no integration package on the tenant` });
    }
  }

  const scanPackage = async (pkg: IntegrationPackage) => {
    const packageUri = `${TENANT_SCHEME}://${host}/${encodeURIComponent(pkg.id)}`;
    if (/^configure[_ ]?only$/i.test(pkg.mode ?? '')) {
      problems.push({
        uri: packageUri,
        skipped: true,
        message: `package "${pkg.name}" is configure-only: the tenant does not give out its content, so it was not scanned`,
      });
      return;
    }
    const list = async (kind: ArtifactKind, call: () => Promise<DesigntimeArtifact[]>) => {
      try {
        return await limiter.run(call);
      } catch (error) {
        problems.push(failure(packageUri, `the ${LABEL[kind]}s of package "${pkg.name}" could not be listed`, error, signal));
        return [];
      }
    };
    const [iflows, scripts] = await Promise.all([
      list('iflow', () => api.iflows(pkg.id, signal)),
      list('script collection', () => api.scriptCollections(pkg.id, signal)),
    ]);
    const artifacts = [
      ...iflows.map((artifact) => ({ artifact, kind: 'iflow' as const })),
      ...scripts.map((artifact) => ({ artifact, kind: 'script collection' as const })),
    ];
    progress.total += artifacts.length;
    report(pkg.name);
    await Promise.all(
      artifacts.map(async ({ artifact, kind }) => {
        await scanArtifact(pkg, artifact, kind);
        progress.done++;
        report(pkg.name);
      }),
    );
  };

  const scanArtifact = async (pkg: IntegrationPackage, artifact: DesigntimeArtifact, kind: ArtifactKind) => {
    const uri = tenantContentUri(host, pkg.id, artifact.id, '').replace(/\/$/, ''); // the artifact itself
    let downloaded;
    try {
      downloaded = await limiter.run(() =>
        Promise.all([
          kind === 'iflow' ? api.iflowContent(artifact.id, signal) : api.scriptCollectionContent(artifact.id, signal),
          kind === 'iflow' ? api.configurations(artifact.id, signal) : Promise.resolve([]),
        ]),
      );
    } catch (error) {
      if (isTenantError(error, 'configure-only')) {
        problems.push({
          uri,
          skipped: true,
          message: `${LABEL[kind]} "${artifact.name}" of package "${pkg.name}" is configure-only: the tenant does not give out its content, so it was not scanned`,
        });
      } else
        problems.push(failure(uri, `${LABEL[kind]} "${artifact.name}" of package "${pkg.name}" could not be downloaded`, error, signal));
      return;
    }
    checkAborted();
    const [bytes, configurations] = downloaded;
    const configured = new Map(configurations.map((parameter) => [parameter.key, parameter.value]));
    const { source, problems: zipProblems } = readArtifactZip({ host, packageId: pkg.id, artifactId: artifact.id, bytes, configured });
    problems.push(...zipProblems);
    const scanner = await scannerReady;
    checkAborted();
    for (const unit of scanUnits(source.files())) scanner.unit(unit, source);
  };

  await Promise.all(selection.packages.map(scanPackage));
  const [scanner, material] = await Promise.all([scannerReady, materialRead]);
  checkAborted();
  // after the content: the iFlows say what each keystore alias is used for
  // (problems holds the content's alone here: configure-only iFlows were not read either)
  const everyIflowRead = options.packages.length === 0 && problems.length === 0;
  scanner.securityMaterial(everyIflowRead);
  if (material) problems.push(...material.problems);

  const scanned = scanner.partial();
  const reported = scanned.report.scanned.length === 0 ? collapsed(problems, `${TENANT_SCHEME}://${host}`) : problems;
  const tenantPart: PartialScan = { report: withProblems(options.scan.root, reported), configsSeen: [], usedSuppressions: [] };
  return {
    report: finishScan([scanned, tenantPart], { ...options.scan, source: NO_SOURCE }),
    incomplete: problems.some((problem) => !problem.skipped) || scanned.report.fileErrors.length > 0,
    ...(material?.material ? { securityMaterial: material.material } : {}),
  };
}

function withProblems(root: string, problems: readonly TenantProblem[]): ScanReport {
  const note = (problem: TenantProblem): FileNote => ({
    kind: problem.skipped ? 'not-scanned' : 'tenant',
    severity: problem.skipped ? 'warning' : 'error',
    path: problem.uri,
    uri: problem.uri,
    message: problem.message,
  });
  return {
    root,
    scanned: [],
    findings: [],
    suppressed: [],
    fileErrors: problems.filter((problem) => !problem.skipped).map(note),
    notes: problems.filter((problem) => problem.skipped).map(note),
  };
}

/** Every tenant unit is read from its artifact's source. */
const NO_SOURCE = {
  read: () => undefined,
  artifactFiles: () => [],
};
