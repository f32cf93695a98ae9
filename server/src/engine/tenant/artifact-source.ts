// One tenant artifact (an iFlow or a script collection) read in memory from
// the zip the tenant serves: its project files under
// cpi-tenant://<host>/<PackageId>/<ArtifactId>/..., and the values its
// externalized parameters are configured with on the tenant.
import { tenantContentUri } from '../../core/tenant/uri';
import { DEFAULT_ARCHIVE_LIMITS, readArchive, type ArchiveLimits, type ArchiveProblem } from '../archive';
import { ArchiveSource } from '../archive-source';
import { isZipHeader } from '../file-kind';

export class TenantArtifactSource extends ArchiveSource {
  constructor(
    entries: ConstructorParameters<typeof ArchiveSource>[0],
    private readonly configured: ReadonlyMap<string, string>,
  ) {
    super(entries);
  }

  configuredParameters(): ReadonlyMap<string, string> {
    return this.configured;
  }
}

export interface ArtifactZip {
  readonly host: string;
  readonly packageId: string;
  readonly artifactId: string;
  readonly bytes: Uint8Array;
  readonly configured?: ReadonlyMap<string, string>;
}

/** The artifact's files, or the problems that kept some (or all) of them from being read. */
export function readArtifactZip(
  zip: ArtifactZip,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): { source: TenantArtifactSource; problems: ArchiveProblem[] } {
  const base = tenantContentUri(zip.host, zip.packageId, zip.artifactId, '').replace(/\/$/, '');
  const configured = zip.configured ?? new Map<string, string>();
  if (!isZipHeader(zip.bytes)) {
    const problem = { uri: base, message: `the tenant answered with ${zip.bytes.length} bytes that are not a zip archive; not scanned` };
    return { source: new TenantArtifactSource([], configured), problems: [problem] };
  }
  // readArchive names entries `<base>!/<path>`; on a tenant the project path simply continues the artifact's URI.
  const content = readArchive(zip.bytes, base, limits);
  const inProject = (uri: string) => (uri.startsWith(`${base}!/`) ? `${base}/${uri.slice(base.length + 2)}` : uri);
  const entries = content.entries.map((entry) => ({ ...entry, uri: inProject(entry.uri) }));
  const problems = content.problems.map((problem) => ({ ...problem, uri: inProject(problem.uri) }));
  return { source: new TenantArtifactSource(entries, configured), problems };
}
