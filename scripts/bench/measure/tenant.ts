// A command-line scan of a live tenant, against the local HTTPS fake tenant
// (test/support/fake-tenant) with a fixed latency on every request: 500
// iFlows in 10 packages, each with its configured parameters, plus a small
// keystore and credentials, at the default --concurrency. Wall-clock time of
// the whole CLI process (token, listings, downloads, analysis, report) and
// the number of HTTP requests the tenant answered; the median of `runs` fresh
// CLI processes against the same tenant.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCertificate } from '../../../test/support/certs';
import { median } from '../stats';
import { artifactZip, startFakeTenant, type FakePackage } from '../../../test/support/fake-tenant';

export interface TenantScanResult {
  readonly iflows: number;
  readonly latencyMs: number;
  /** The median of the runs. */
  readonly seconds: number;
  readonly runsS: number[];
  readonly requests: number;
  readonly maxInFlight: number;
  readonly scannedFiles: number;
  readonly findings: number;
}

const PACKAGES = 10;

export async function measureTenantScan(options: {
  cliJs: string;
  repo: string;
  outDir: string;
  iflows: number;
  latencyMs: number;
  runs: number;
}): Promise<TenantScanResult> {
  const fixture = join(options.repo, 'server', 'src', 'core', 'rules', 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
  const iflow = readFileSync(join(fixture, 'Product Catalog.iflw'), 'utf8');
  const parameters = readFileSync(join(fixture, 'parameters.prop'), 'utf8');
  const perPackage = Math.ceil(options.iflows / PACKAGES);
  const packages: FakePackage[] = Array.from({ length: PACKAGES }, (_, p) => ({
    id: `BenchPackage${p}`,
    name: `Bench Package ${p}`,
    iflows: Array.from({ length: Math.min(perPackage, options.iflows - p * perPackage) }, (_, i) => {
      const id = `Bench_${p}_${i}`;
      const files = {
        [`src/main/resources/scenarioflows/integrationflow/Flow_${p}_${i}.iflw`]: iflow,
        'src/main/resources/parameters.prop': parameters,
      };
      // zipped before the clock starts: the fake tenant's own work is not the linter's
      const content = artifactZip({ id, files });
      return {
        id,
        content,
        configurations: [
          { key: 'Catalog URL', value: i % 2 === 0 ? 'https://catalog.example.com/odata/v2' : 'http://catalog.example.com/odata/v2' },
        ],
      };
    }),
  }));
  const keystore = Array.from({ length: 5 }, (_, i) => ({
    alias: `partner_${i}`,
    certificate: makeCertificate({ subject: `partner${i}.example.com`, key: { type: 'ec', curve: 'prime256v1' }, slot: `bench-${i}` }).pem,
  }));
  const tenant = await startFakeTenant({
    latencyMs: options.latencyMs,
    fixture: { packages, keystore, userCredentials: [{ name: 'Catalog' }], secureParameters: [] },
  });
  try {
    const report = join(options.outDir, 'tenant-report.json');
    const key = tenant.writeServiceKey();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: tenant.caFile };
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
    const runsS: number[] = [];
    let last: { requests: number; maxInFlight: number; scannedFiles: number; findings: number } | undefined;
    for (let run = 0; run < options.runs; run++) {
      tenant.resetLog();
      const started = performance.now();
      // asynchronous: the fake tenant answers from this process
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            ...(process.env.BENCH_CLI_ARGS ? process.env.BENCH_CLI_ARGS.split(' ') : []),
            options.cliJs,
            '--tenant',
            key,
            '--format',
            'json',
            '--output',
            report,
          ],
          { cwd: options.outDir, env },
        );
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (status) => resolve({ code: status, stderr: err }));
      });
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && code !== 1) throw new Error(`the tenant scan exited with ${code}:\n${stderr.slice(-2000)}`);
      const summary = (JSON.parse(readFileSync(report, 'utf8')) as { summary: { scannedFiles: number; problems: number } }).summary;
      if (summary.scannedFiles !== options.iflows * 2)
        throw new Error(`the tenant scan read ${summary.scannedFiles} files; expected ${options.iflows * 2}`);
      if (process.env.BENCH_TENANT_LOG) {
        // when the downloads ran, from the tenant's side (BENCH_TENANT_LOG=1)
        const t0 = tenant.requests[0].at;
        const content = tenant.requests.filter((r) => r.path.startsWith('/IntegrationDesigntimeArtifacts') && r.path.endsWith('/$value'));
        console.log(
          `[bench] tenant: first request at 0, first iFlow download at ${content[0].at - t0} ms, last at ${content.at(-1)!.at - t0} ms; CLI wall ${(seconds * 1000).toFixed(0)} ms`,
        );
      }
      runsS.push(seconds);
      last = {
        requests: tenant.requests.length,
        maxInFlight: tenant.maxInFlight,
        scannedFiles: summary.scannedFiles,
        findings: summary.problems,
      };
    }
    return { iflows: options.iflows, latencyMs: options.latencyMs, seconds: median(runsS), runsS, ...last! };
  } finally {
    await tenant.close();
  }
}
