import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from '../support/child-run';
import { daysFromNow, makeCertificate } from '../support/certs';
import { RULES_DIR } from '../support/fixture-cases';
import { startFakeTenant, tenantPaths, type FakeTenant, type FakeTenantFixture, type FakeTenantOptions } from '../support/fake-tenant';
import { readmeShellCommands } from '../support/readme-snippets';
import { validateSarif } from './sarif-schema';
import { CLI, ensureBuilt, runCli, type CliRun } from './support';

// The bundled command line against a local HTTPS fake tenant, trusted through
// NODE_EXTRA_CA_CERTS as a user's corporate CA would be. The CLI runs
// asynchronously: the fake tenant answers from this process.
const CATALOG = join(RULES_DIR, 'cleartext-http-endpoint', 'fixtures', 'positive-parameter');
const IFLOW = 'Product Catalog.iflw';
const IFLOW_PATH = 'src/main/resources/scenarioflows/integrationflow/Product%20Catalog.iflw';
const catalog = (parameters: string) => ({
  [`src/main/resources/scenarioflows/integrationflow/${IFLOW}`]: readFileSync(join(CATALOG, IFLOW), 'utf8'),
  'src/main/resources/parameters.prop': parameters,
});
const HTTP_PROP = 'Catalog\\ URL=http\\://catalog.example.com/odata/v2\n';
const HTTPS_PROP = 'Catalog\\ URL=https\\://catalog.example.com/odata/v2\n';

const FIXTURE: FakeTenantFixture = {
  packages: [
    {
      id: 'Finance',
      name: 'Finance Flows',
      iflows: [
        {
          id: 'CatalogConfigured',
          files: catalog(HTTP_PROP),
          configurations: [{ key: 'Catalog URL', value: 'https://catalog.example.com/odata/v2' }],
        },
        {
          id: 'CatalogOverridden',
          files: catalog(HTTPS_PROP),
          configurations: [{ key: 'Catalog URL', value: 'http://catalog.example.com/v2' }],
        },
      ],
    },
    { id: 'Sales', name: 'Sales Flows', iflows: [{ id: 'CatalogDefault', files: catalog(HTTP_PROP) }] },
    { id: 'Partner', name: 'Partner Content', mode: 'CONFIGURE_ONLY', iflows: [{ id: 'Hidden', files: catalog(HTTP_PROP) }] },
  ],
  keystore: [
    {
      alias: 'old_partner',
      certificate: makeCertificate({
        subject: 'old.partner.example',
        key: { type: 'ec', curve: 'prime256v1' },
        slot: 'tenant-cli',
        notBefore: daysFromNow(-400),
        notAfter: daysFromNow(-10),
      }).pem,
    },
  ],
  userCredentials: [{ name: 'Catalog', kind: 'default' }],
  secureParameters: [],
};

interface Run extends CliRun {
  readonly folder: string;
}

function runTenantCli(
  tenant: FakeTenant,
  args: readonly string[],
  options: { folder?: string; env?: NodeJS.ProcessEnv; signalAfterMs?: number; nodeArgs?: readonly string[] } = {},
): Promise<Run> {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'cpi-tenant-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: tenant.caFile, ...options.env };
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
  return runChild(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: folder,
    env,
    ...(options.signalAfterMs !== undefined ? { signalAfterMs: options.signalAfterMs } : {}),
  }).then((run) => ({ ...run, folder }));
}

const at = (tenant: FakeTenant, pkg: string, artifact: string, path: string) => `cpi-tenant://${tenant.host}/${pkg}/${artifact}/${path}`;

interface JsonOut {
  findings: { ruleId: string; uri: string; path: string; message: string; line: number }[];
  fileErrors: { uri: string; message: string }[];
  notes: { kind: string; uri: string; message: string }[];
  summary: { scannedFiles: number };
}

describe('command line: --tenant', function () {
  this.timeout(60_000);
  const tenants: FakeTenant[] = [];
  const start = async (options: FakeTenantOptions = {}) => {
    const tenant = await startFakeTenant({ fixture: FIXTURE, ...options });
    tenants.push(tenant);
    return tenant;
  };
  before(() => ensureBuilt());
  after(async () => {
    await Promise.all(tenants.map((tenant) => tenant.close()));
  });

  it('reports findings at cpi-tenant:// URIs in text, json and sarif, with configured values applied', async () => {
    const tenant = await start();
    const key = tenant.writeServiceKey();
    const json = await runTenantCli(tenant, ['--tenant', key, '--format', 'json', '--fail-on', 'warning']);
    assert.equal(json.code, 1, json.stderr);
    const report = JSON.parse(json.stdout) as JsonOut;
    const http = report.findings
      .filter((finding) => finding.ruleId === 'cleartext-http-endpoint')
      .map((finding) => finding.uri)
      .sort();
    assert.deepEqual(http, [
      at(tenant, 'Finance', 'CatalogOverridden', IFLOW_PATH),
      at(tenant, 'Sales', 'CatalogDefault', 'src/main/resources/parameters.prop'),
      at(tenant, 'Sales', 'CatalogDefault', IFLOW_PATH),
    ]);
    const expired = report.findings.find((finding) => finding.ruleId === 'cert-expired');
    assert.equal(expired?.uri, `cpi-tenant://${tenant.host}/keystore/old_partner`, 'the keystore is checked');
    assert.ok(report.notes.some((note) => note.kind === 'not-scanned' && note.uri.endsWith('/Partner')));
    assert.match(json.stderr, /Partner Content.*configure-only/);
    assert.equal(tenant.count(tenantPaths.iflowContent('Hidden')), 0);

    const text = await runTenantCli(tenant, ['--tenant', key]);
    assert.equal(text.code, 1, 'the expired keystore certificate is an error');
    assert.ok(text.stdout.includes(at(tenant, 'Sales', 'CatalogDefault', IFLOW_PATH)), text.stdout);
    assert.match(text.stdout, /as configured on the tenant/);
    assert.match(
      text.stdout,
      /Skipped \(configure-only on the tenant\):\n {2}cpi-tenant:\/\/[^ ]+\/Partner {2}package "Partner Content" is configure-only/,
    );
    assert.match(text.stdout, /; 1 skipped \(configure-only\)/);

    // markdown: the location as text (a link to a cpi-tenant URI opens nothing); GitLab: the URI as the issue's path
    const markdown = await runTenantCli(tenant, ['--tenant', key, '--format', 'markdown']);
    assert.ok(markdown.stdout.includes(`| Warning | ${at(tenant, 'Sales', 'CatalogDefault', IFLOW_PATH)}:`), markdown.stdout);
    assert.ok(!markdown.stdout.includes('](cpi-tenant:'), markdown.stdout);
    const gitlab = JSON.parse((await runTenantCli(tenant, ['--tenant', key, '--format', 'gitlab'])).stdout) as {
      check_name: string;
      location: { path: string };
    }[];
    assert.deepEqual(
      gitlab
        .filter((issue) => issue.check_name === 'cleartext-http-endpoint')
        .map((issue) => issue.location.path)
        .sort(),
      http,
    );

    const sarif = await runTenantCli(tenant, ['--tenant', key, '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as {
      runs: {
        originalUriBaseIds: Record<string, { uri: string }>;
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
      }[];
    };
    assert.deepEqual(validateSarif(log), [], 'valid SARIF 2.1.0');
    const [run] = log.runs;
    const locations = run.results
      .filter((result) => result.ruleId === 'cleartext-http-endpoint')
      .map((result) => result.locations[0].physicalLocation.artifactLocation);
    assert.ok(locations.length === 3);
    for (const location of locations) {
      assert.ok(location.uriBaseId, JSON.stringify(location));
      const base = run.originalUriBaseIds[location.uriBaseId!].uri;
      assert.equal(base, `cpi-tenant://${tenant.host}/`);
      assert.ok(new URL(location.uri, base).href.startsWith(`cpi-tenant://${tenant.host}/`));
    }
  });

  it('reads only the packages --package selects (id, name or glob)', async () => {
    const tenant = await start();
    const run = await runTenantCli(tenant, [
      '--tenant',
      tenant.writeServiceKey(),
      '--package',
      'Sales Flows',
      '--package',
      'Fin*',
      '--no-security-material',
      '--format',
      'json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonOut;
    assert.equal(report.summary.scannedFiles, 6, 'three iFlows and their parameters.prop');
    assert.equal(tenant.count(tenantPaths.iflowContent('CatalogDefault')), 1);
    assert.equal(tenant.count(tenantPaths.iflowContent('CatalogOverridden')), 1);
    assert.equal(tenant.count(tenantPaths.iflows('Partner')), 0);
    assert.equal(tenant.count(tenantPaths.keystore), 0, '--no-security-material reads no keystore');

    tenant.resetLog();
    const none = await runTenantCli(tenant, ['--tenant', tenant.writeServiceKey(), '--package', 'Nothing*', '--no-security-material']);
    assert.equal(none.code, 2, 'a --package matching nothing is a scan that could not read what it was asked for');
    assert.match(none.stdout + none.stderr, /--package "Nothing\*" matches no integration package/);
  });

  it('exits 2 naming the missing role, after reporting what it read', async () => {
    const tenant = await start({ roles: ['WorkspacePackagesRead'] });
    const run = await runTenantCli(tenant, ['--tenant', tenant.writeServiceKey(), '--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /MonitoringDataRead/);
    const report = JSON.parse(run.stdout) as JsonOut;
    assert.ok(
      report.findings.some((finding) => finding.uri === at(tenant, 'Sales', 'CatalogDefault', IFLOW_PATH)),
      'content read is still reported',
    );
    assert.equal(
      report.fileErrors.filter((note) => note.message.includes('MonitoringDataRead')).length,
      1,
      'one message for the role, not one per list of the security material',
    );
  });

  it('exits 2 when a package vanishes mid-scan or a download is not a zip', async () => {
    const tenant = await start({
      fixture: {
        ...FIXTURE,
        packages: FIXTURE.packages!.map((pkg) => (pkg.id === 'Finance' ? { ...pkg, vanishAfterListing: true } : pkg)),
      },
    });
    tenant.fault(tenantPaths.iflowContent('CatalogDefault'), { body: '<html>maintenance</html>', contentType: 'text/html' });
    const run = await runTenantCli(tenant, ['--tenant', tenant.writeServiceKey(), '--format', 'json', '--no-security-material']);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout) as JsonOut;
    const errors = report.fileErrors.map((note) => `${note.uri}: ${note.message}`).join('\n');
    assert.match(errors, /\/Finance: .*could not be listed/);
    assert.match(errors, /CatalogDefault.*(zip|not a)/i);
  });

  it('says once that it could not sign in (401) or reach the tenant, and exits 2', async () => {
    const tenant = await start();
    const wrong = join(mkdtempSync(join(tmpdir(), 'cpi-tenant-401-')), 'key.json');
    writeFileSync(wrong, JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, clientsecret: 'not-the-secret-at-all' } }));
    const refused = await runTenantCli(tenant, ['--tenant', wrong]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stdout,
      /Could not be read from the tenant:\n {2}cpi-tenant:\/\/[^ ]+ {2}nothing could be read from the tenant: .*401/,
    );
    assert.match(refused.stdout, /0 files scanned; 1 read from the tenant failed/);
    assert.doesNotMatch(refused.stdout, /keystore could not be read/, 'one message, not one per list');
    assert.ok(!refused.stdout.includes('not-the-secret-at-all') && !refused.stderr.includes('not-the-secret-at-all'));

    const closed = join(mkdtempSync(join(tmpdir(), 'cpi-tenant-closed-')), 'key.json');
    writeFileSync(
      closed,
      JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: 'https://127.0.0.1:9', tokenurl: 'https://127.0.0.1:9/oauth/token' } }),
    );
    const unreachable = await runTenantCli(tenant, ['--tenant', closed, '--format', 'json']);
    assert.equal(unreachable.code, 2, unreachable.stderr);
    const report = JSON.parse(unreachable.stdout) as JsonOut;
    assert.equal(report.fileErrors.length, 1);
    assert.match(report.fileErrors[0].message, /nothing could be read from the tenant: .*127\.0\.0\.1:9/);
  });

  it('loads the tenant client and its HTTP stack only for --tenant', () => {
    // Node lists the built-in modules a process loaded; undici's TLS and HTTP/2 are
    // loaded with the tenant client's first request, and nothing else in a file scan needs them.
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-lazy-'));
    const preload = join(folder, 'loaded-modules.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_MODULES_OUT, process.moduleLoadList.join('\\n')));\n",
    );
    let runs = 0;
    const loaded = (args: readonly string[]) => {
      const out = join(folder, `loaded-${++runs}.txt`);
      const run = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, LOADED_MODULES_OUT: out },
      });
      return { code: run.status, stderr: run.stderr, modules: readFileSync(out, 'utf8').split('\n') };
    };
    const http = (modules: readonly string[]) => modules.filter((name) => /^NativeModule (tls|http2)$/.test(name)).sort();

    // a key for a port nothing listens on: the token request is sent and refused
    const key = join(folder, 'closed-key.json');
    const closed = { clientid: 'probe-client', clientsecret: 'probe-secret-value', url: 'https://127.0.0.1:9' };
    writeFileSync(key, JSON.stringify({ oauth: { ...closed, tokenurl: 'https://127.0.0.1:9/oauth/token' } }));
    const tenantRun = loaded(['--tenant', key, '--format', 'json']);
    assert.equal(tenantRun.code, 2, tenantRun.stderr);
    assert.deepEqual(http(tenantRun.modules), ['NativeModule http2', 'NativeModule tls'], 'the probe sees the tenant client being loaded');
    const keyless = loaded(['--tenant', join(folder, 'absent-key.json')]);
    assert.equal(keyless.code, 2, keyless.stderr);
    assert.ok(!http(keyless.modules).includes('NativeModule http2'), 'a --tenant run that sends nothing does not load undici');
    for (const args of [['--version'], ['--format', 'json', CATALOG]]) {
      const run = loaded(args);
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      assert.deepEqual(http(run.modules), [], `${args.join(' ')} loads no tenant client`);
    }
  });

  it('refuses tenant options that do not fit, as usage errors', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-usage-'));
    const cases: [string[], RegExp][] = [
      [['--package', 'Finance'], /--package only applies with --tenant/],
      [['--no-security-material', '.'], /--no-security-material only applies with --tenant/],
      [['--tenant', 'key.json', 'some/folder'], /--tenant scans the tenant, not files: remove "some\/folder"/],
      [['--tenant', 'key.json', '--concurrency', '0'], /--concurrency needs a whole number of downloads from 1 to 32/],
      [['--tenant', ''], /--tenant needs a service-key file or env:<VARIABLE>/],
      [['--tenant', 'key.json', '--jobs', '2'], /--jobs applies to files, not to --tenant; use --concurrency/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, folder);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
    assert.match(runCli(['--help'], folder).stdout, /--tenant <key>/);
  });

  it('refuses a bad service key with one message and sends nothing', async () => {
    const tenant = await start();
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-key-'));
    const cases: [string, string | undefined, RegExp][] = [
      ['not json', '{ oauth: nope', /not JSON/],
      ['missing fields', JSON.stringify({ oauth: { clientid: 'x', url: tenant.url } }), /lacks oauth\.clientsecret, oauth\.tokenurl/],
      ['http', JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: tenant.url.replace('https:', 'http:') } }), /https/],
      ['absent', undefined, /does not exist/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(folder, `${name.replace(/ /g, '-')}.json`);
      if (content !== undefined) writeFileSync(path, content);
      const run = await runTenantCli(tenant, ['--tenant', path], { folder });
      assert.equal(run.code, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, message, name);
      assert.equal(run.stderr.trim().split('\n').length, 1, `${name}: one message\n${run.stderr}`);
      assert.equal(run.stdout, '');
    }
    // the key's JSON itself where its file belongs, as `--tenant "$KEY"` gives it: refused, never quoted
    const inline = await runTenantCli(tenant, ['--tenant', JSON.stringify(tenant.serviceKey)], { folder });
    assert.equal(inline.code, 2, inline.stderr);
    assert.match(inline.stderr, /given as text where its file belongs/);
    assert.equal(inline.stderr.trim().split('\n').length, 1, inline.stderr);
    assert.ok(!inline.stderr.includes(tenant.clientSecret) && !inline.stdout.includes(tenant.clientSecret), 'the secret is not quoted');
    // nor as a file to scan, beside --tenant or without it
    for (const args of [['--tenant', 'key.json', JSON.stringify(tenant.serviceKey)], [JSON.stringify(tenant.serviceKey)]]) {
      const run = await runTenantCli(tenant, args, { folder });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /\(text that looks like a service key, not shown; pass a key with --tenant env:<VARIABLE>\)/);
      assert.ok(
        !run.stderr.includes(tenant.clientSecret) && !run.stdout.includes(tenant.clientSecret),
        args.length === 1 ? 'as a file to scan' : 'beside --tenant',
      );
    }
    const fromEnv = await runTenantCli(tenant, ['--tenant', 'env:CPI_TEST_KEY'], { folder, env: { CPI_TEST_KEY: '' } });
    assert.equal(fromEnv.code, 2);
    assert.match(fromEnv.stderr, /CPI_TEST_KEY/);
    assert.equal(tenant.requests.length, 0, 'nothing was sent');
  });

  it('reads the service key from an environment variable', async () => {
    const tenant = await start();
    const run = await runTenantCli(tenant, ['--tenant', 'env:CPI_SERVICE_KEY', '--package', 'Sales', '--format', 'json'], {
      env: { CPI_SERVICE_KEY: JSON.stringify(tenant.serviceKey) },
    });
    assert.equal(run.code, 1, run.stderr);
    assert.equal((JSON.parse(run.stdout) as JsonOut).summary.scannedFiles, 2);
  });

  it('round-trips a baseline and applies suppressions by tenant path', async () => {
    const tenant = await start();
    const key = tenant.writeServiceKey();
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-baseline-'));
    const write = await runTenantCli(tenant, ['--tenant', key, '--write-baseline', 'baseline.json'], { folder });
    assert.equal(write.code, 0, write.stderr);
    const baseline = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { findings: { path: string }[] };
    assert.ok(baseline.findings.length > 0 && baseline.findings.every((entry) => entry.path.startsWith('cpi-tenant://')));
    const again = await runTenantCli(
      tenant,
      ['--tenant', key, '--baseline', 'baseline.json', '--format', 'json', '--fail-on', 'information'],
      { folder },
    );
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual((JSON.parse(again.stdout) as JsonOut).findings, []);

    writeFileSync(
      join(folder, '.cpisecurity.json'),
      JSON.stringify({ suppressions: [{ rule: 'cleartext-http-endpoint', file: 'Sales/**', reason: 'partner endpoint, replaced in Q3' }] }),
    );
    const suppressed = await runTenantCli(tenant, ['--tenant', key, '--format', 'json'], { folder });
    const findings = (JSON.parse(suppressed.stdout) as JsonOut).findings.filter((finding) => finding.ruleId === 'cleartext-http-endpoint');
    assert.deepEqual(
      findings.map((finding) => finding.uri),
      [at(tenant, 'Finance', 'CatalogOverridden', IFLOW_PATH)],
    );

    // --config wins over the current folder's file
    const named = join(mkdtempSync(join(tmpdir(), 'cpi-tenant-config-')), 'lint.json');
    writeFileSync(named, JSON.stringify({ rules: { 'cleartext-http-endpoint': 'off' } }));
    const configured = await runTenantCli(tenant, ['--tenant', key, '--format', 'json', '--config', named], { folder });
    const all = (JSON.parse(configured.stdout) as JsonOut).findings;
    assert.ok(all.length > 0 && !all.some((finding) => finding.ruleId === 'cleartext-http-endpoint'));
  });

  it('keeps --concurrency artifacts downloading at a time: two requests each, its zip and its configuration', async () => {
    const latencyMs = 80;
    const flows = Array.from({ length: 12 }, (_, i) => ({ id: `Flow${i}`, files: catalog(HTTPS_PROP) }));
    const tenant = await start({ fixture: { packages: [{ id: 'Bulk', iflows: flows }] }, latencyMs });
    const key = tenant.writeServiceKey();
    // Every answer takes at least latencyMs, so requests that arrived less than that apart were in
    // flight together: counted from arrival times, a busy machine cannot blur the bound.
    const peak = async (extra: string[]) => {
      tenant.resetLog();
      const run = await runTenantCli(tenant, ['--tenant', key, '--no-security-material', '--format', 'json', ...extra]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as JsonOut).summary.scannedFiles, 24, 'every iFlow and its parameters.prop');
      const arrivals = tenant.requests.map((request) => request.at).sort((a, b) => a - b);
      return Math.max(...arrivals.map((at, i) => arrivals.slice(i).filter((later) => later - at < latencyMs - 10).length));
    };
    const one = await peak(['--concurrency', '1']);
    assert.ok(one <= 2, `one artifact at a time: ${one} requests in flight`);
    const three = await peak(['--concurrency', '3']);
    assert.ok(three > 2 && three <= 6, `three artifacts at a time: ${three} requests in flight`);
    const byDefault = await peak([]);
    assert.ok(byDefault > 6 && byDefault <= 8, `four artifacts at a time by default: ${byDefault} requests in flight`);
  });

  it('shows progress on stderr with the count and the current package when it is a terminal, and none when piped', async () => {
    const tenant = await start({ latencyMs: 30 });
    const key = tenant.writeServiceKey();
    const piped = await runTenantCli(tenant, ['--tenant', key, '--format', 'json']);
    assert.equal(piped.code, 1, piped.stderr);
    assert.doesNotMatch(piped.stderr, /Reading the tenant|\r/, 'no progress in a pipe or CI log');

    // The CLI is a child process here, so its stderr is a pipe: a preload makes it look like a terminal.
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-tty-'));
    const preload = join(folder, 'terminal-stderr.cjs');
    writeFileSync(preload, "Object.defineProperty(process.stderr, 'isTTY', { value: true });\n");
    const terminal = await runTenantCli(tenant, ['--tenant', key, '--format', 'json'], { folder, nodeArgs: ['--require', preload] });
    assert.equal(terminal.code, 1, terminal.stderr);
    assert.ok(JSON.parse(terminal.stdout), 'the report on stdout is untouched');
    assert.match(terminal.stderr, /\r\x1b\[KReading the tenant: \d+\/\d+ artifacts \((Finance|Sales) Flows\)/);
    assert.match(terminal.stderr, /Reading the tenant: 3\/3 artifacts \((Finance|Sales) Flows\)/, 'the last count: every artifact read');
    const last = terminal.stderr.slice(terminal.stderr.lastIndexOf('Reading the tenant'));
    assert.match(last, /^Reading the tenant: [^\r\n]*\r\x1b\[K/, 'the line is cleared before anything else is written');
  });

  it("runs the README's tenant commands as written", async () => {
    const fixture: FakeTenantFixture = {
      ...FIXTURE,
      packages: FIXTURE.packages!.map((pkg) => (pkg.id === 'Sales' ? { ...pkg, name: 'Sales Orders' } : pkg)),
    };
    const tenant = await start({ fixture });
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-readme-'));
    writeFileSync(join(folder, 'service-key.json'), JSON.stringify(tenant.serviceKey));
    const commands = readmeShellCommands('Scanning a tenant');
    assert.equal(commands.length, 3, commands.join('\n'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_EXTRA_CA_CERTS: tenant.caFile,
      CPI_SERVICE_KEY: JSON.stringify(tenant.serviceKey),
    };
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
    for (const command of commands) {
      assert.match(command, /^npx cpi-security-lint /);
      tenant.resetLog();
      // npx finds the bin in this repository only; elsewhere the built bundle stands in for it
      const line = command.replace(/^npx cpi-security-lint/, `"${process.execPath}" "${CLI}"`);
      const run = await runChild('bash', ['-c', line], { cwd: folder, env });
      assert.ok(run.code === 0 || run.code === 1, `${command}: ${run.code}\n${run.stderr}`);
      assert.match(run.stdout, /cpi-tenant:\/\//, command);
      const securityMaterial = !command.includes('--no-security-material');
      assert.equal(tenant.count(tenantPaths.keystore) > 0, securityMaterial, `${command}: the keystore read or not`);
      for (const id of ['Finance', 'Sales']) assert.equal(tenant.count(tenantPaths.iflows(id)), 1, `${command}: package ${id} read`);
    }
  });

  it('masks the client secret in the trace of a crash during a scan', async () => {
    const tenant = await start();
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-crash-'));
    // A failure nothing expects, whose words happen to hold the secret: the terminal
    // showing the progress line goes away with an error quoting what it had seen.
    const preload = join(folder, 'failing-terminal.cjs');
    writeFileSync(
      preload,
      `Object.defineProperty(process.stderr, 'isTTY', { value: true });
const write = process.stderr.write.bind(process.stderr);
let failed = false;
process.stderr.write = (chunk, ...rest) => {
  if (!failed && String(chunk).includes('Reading the tenant')) {
    failed = true;
    throw new Error('the terminal went away after ' + process.env.CRASH_TEXT);
  }
  return write(chunk, ...rest);
};
`,
    );
    const secrets = [
      tenant.clientSecret,
      encodeURIComponent(tenant.clientSecret),
      Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64'),
    ];
    const run = await runTenantCli(tenant, ['--tenant', tenant.writeServiceKey()], {
      folder,
      nodeArgs: ['--require', preload],
      env: { CRASH_TEXT: secrets.join(' ') },
    });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /internal error: Error: the terminal went away after \[redacted\] \[redacted\] \[redacted\]\n\s+at /);
    for (const secret of [...secrets, ...tenant.issuedTokens]) {
      assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret), 'the crash shows no secret');
    }
  });

  it('masks the client secret in a note that quotes an unexpected failure, in every format', async () => {
    // A rule fails on one artifact's parameter value with an error quoting the
    // secret (test/support/failing-tenant-work.cjs): the scan goes on and notes it.
    const marker = 'text-that-breaks-a-rule';
    const fixture: FakeTenantFixture = {
      ...FIXTURE,
      packages: FIXTURE.packages!.map((pkg, index) =>
        index === 0
          ? {
              ...pkg,
              iflows: pkg.iflows!.map((iflow, at) =>
                at === 0
                  ? {
                      ...iflow,
                      configurations: [],
                      files: { ...iflow.files, 'src/main/resources/parameters.prop': `Catalog\\ URL=http://${marker}.example.com/\n` },
                    }
                  : iflow,
              ),
            }
          : pkg,
      ),
    };
    const tenant = await start({ fixture });
    const secrets = [
      tenant.clientSecret,
      encodeURIComponent(tenant.clientSecret),
      Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64'),
    ];
    const key = tenant.writeServiceKey();
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'gitlab']) {
      const run = await runTenantCli(tenant, ['--tenant', key, '--format', format], {
        nodeArgs: ['--require', join(__dirname, '..', 'support', 'failing-tenant-work.cjs')],
        env: { CRASH_TEXT: secrets.join(' '), CRASH_RULE_MARKER: marker },
      });
      const output = run.stdout + run.stderr;
      assert.match(output, /a pattern broke down after \[redacted\] \[redacted\] \[redacted\]/, `${format}: the failure is still told`);
      for (const secret of [...secrets, ...tenant.issuedTokens]) assert.ok(!output.includes(secret), `${format}: no secret in the output`);
    }
  });

  it('stops on Ctrl-C with a message', async () => {
    const tenant = await start({ latencyMs: 400 });
    const run = await runTenantCli(tenant, ['--tenant', tenant.writeServiceKey()], { signalAfterMs: 900 });
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /interrupted/);
    assert.equal(run.stdout, '');
  });

  it('never shows the client secret or a token, in any output of any run', async () => {
    const tenant = await start();
    const key = tenant.writeServiceKey();
    const folder = mkdtempSync(join(tmpdir(), 'cpi-tenant-secrets-'));
    const runs: Run[] = [];
    const scan = async (name: string, args: string[], env?: NodeJS.ProcessEnv) => {
      runs.push(await runTenantCli(tenant, ['--tenant', key, ...args, '--output', `${name}`], { folder, ...(env ? { env } : {}) }));
    };
    await scan('ok.json', ['--format', 'json']);
    await scan('ok.sarif', ['--format', 'sarif', '--write-baseline', 'baseline.json']);
    await scan('ok.xml', ['--format', 'junit']);
    await scan('ok.txt', ['--format', 'text']);
    await scan('ok.md', ['--format', 'markdown']);
    await scan('ok.gitlab.json', ['--format', 'gitlab']);
    tenant.fault(tenantPaths.keystore, { status: 403, message: 'Forbidden', echoAuthorization: true });
    tenant.fault(tenantPaths.iflowContent('CatalogDefault'), { status: 500, message: 'boom', echoAuthorization: true });
    await scan('faults.json', ['--format', 'json']);
    tenant.clearFaults();
    tenant.fault(tenantPaths.token, { status: 401, message: 'Bad credentials', echoAuthorization: true });
    await scan('unauthorised.sarif', ['--format', 'sarif']);
    tenant.clearFaults();
    tenant.fault(tenantPaths.packages, { body: `{"d": {"results": [ ${'x'.repeat(10)}`, contentType: 'application/json' });
    await scan('malformed.txt', ['--format', 'text']);
    tenant.clearFaults();
    runs.push(
      await runTenantCli(tenant, ['--tenant', 'env:KEY'], {
        folder,
        env: { KEY: JSON.stringify({ oauth: { ...tenant.serviceKey.oauth, url: 'http://plain.example' } }) },
      }),
    );

    assert.ok(tenant.issuedTokens.length > 0);
    for (const report of ['ok.json', 'ok.sarif', 'ok.xml', 'ok.txt', 'ok.md', 'ok.gitlab.json'])
      assert.match(readFileSync(join(folder, report), 'utf8'), /cpi-tenant:\/\//, `${report} names tenant locations`);
    const secrets = [
      tenant.clientSecret,
      encodeURIComponent(tenant.clientSecret),
      Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64'),
      ...tenant.issuedTokens,
    ];
    const outputs = [
      ...runs.flatMap((run, i) => [[`run ${i} stdout`, run.stdout] as const, [`run ${i} stderr`, run.stderr] as const]),
      ...readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')] as const),
    ];
    assert.ok(outputs.length >= 20);
    for (const [where, text] of outputs) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${where} shows a secret`);
    }
    assert.ok(
      runs.slice(6, 9).every((run) => run.code === 2),
      runs.map((run) => `${run.code} ${run.stderr}`).join('\n'),
    );
  });
});
