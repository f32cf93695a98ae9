// Writes the workloads under .cache/bench/workload and reuses them while the
// stamp (generator version, seed, scale) matches: generating 100 MB and the
// certificate keys takes a while, and cold-scan numbers need the files on
// disk anyway.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  FULL_WORKSPACE,
  GENERATOR_VERSION,
  LARGE_IFLOW,
  largeArtifact,
  workspaceFiles,
  type WorkloadFile,
  type WorkspaceOptions,
} from './workspace';

export interface Workloads {
  /** The 1,000-artifact workspace. */
  readonly workspace: string;
  /** A workspace folder holding only the large iFlow's artifact. */
  readonly editWorkspace: string;
  readonly largeIflow: string;
  readonly generated: boolean;
}

function writeAll(root: string, files: Iterable<WorkloadFile>): void {
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
}

export function ensureWorkloads(
  cacheRoot: string,
  options: WorkspaceOptions = FULL_WORKSPACE,
  log: (message: string) => void = () => undefined,
): Workloads {
  const root = join(cacheRoot, 'workload');
  const stampPath = join(root, 'stamp.json');
  const stamp = JSON.stringify({
    generator: GENERATOR_VERSION,
    seed: options.seed,
    artifacts: options.artifacts,
    totalBytes: options.totalBytes,
    large: LARGE_IFLOW,
  });
  const large = largeArtifact(options.seed);
  const workloads = {
    workspace: join(root, 'workspace'),
    editWorkspace: join(root, 'edit'),
    largeIflow: join(root, 'edit', large.iflowPath),
  };
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { ...workloads, generated: false };

  log(`generating the workloads in ${root} (seed ${options.seed}, ${options.artifacts} artifacts)`);
  rmSync(root, { recursive: true, force: true }); // the stamp goes first, so a half-written workload is never reused
  writeAll(workloads.editWorkspace, large.files);
  writeAll(workloads.workspace, workspaceFiles(options));
  writeFileSync(stampPath, stamp);
  return { ...workloads, generated: true };
}
