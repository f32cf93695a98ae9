import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantConnectRequest, TenantDisconnectRequest, TenantFileRequest, TenantScanRequest } from '../../common/src/tenant-protocol';
import type { FakeTenant, FakeTenantFixture } from '../support/fake-tenant';
import type { LspSession } from './support/lsp-session';
import { useTenantServers } from './support/tenant-session';

// Tenant work in the editor that fails in a way nothing expects, with an
// error whose words quote the client secret (a preload makes Node's text
// decoder and file system fail so, test/support/failing-tenant-work.cjs):
// the failure is still reported, masked, and nothing the server writes (its
// LSP messages on stdout, log messages and error answers among them, its
// stderr, the results folder) holds the secret or a token.
const PRELOAD = join(__dirname, '..', 'support', 'failing-tenant-work.cjs');
const MARKER = 'text-that-breaks-the-decoder';
const IFLOW_PATH = 'src/main/resources/scenarioflows/integrationflow/Orders.iflw';
const PARAMETERS_PATH = 'src/main/resources/parameters.prop';
const IFLOW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1">
  <bpmn2:collaboration id="Collaboration_1" name="Default Collaboration"/>
</bpmn2:definitions>
`;

function fixture(): FakeTenantFixture {
  return {
    packages: [
      {
        id: 'Finance',
        iflows: [{ id: 'Orders', files: { [IFLOW_PATH]: IFLOW, [PARAMETERS_PATH]: `# ${MARKER}\nTimeout=60\n` } }],
      },
      { id: 'Sales', iflows: [{ id: 'Quotes', files: { [IFLOW_PATH]: IFLOW, [PARAMETERS_PATH]: 'Timeout=60\n' } }] },
    ],
  };
}

/** The client secret in every form the client sends it. */
function secretForms(tenant: FakeTenant): string[] {
  return [
    tenant.clientSecret,
    encodeURIComponent(tenant.clientSecret),
    Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64'),
  ];
}

describe('tenant work in the language server that fails unexpectedly', function () {
  this.timeout(60_000);
  const servers = useTenantServers(fixture);
  let tenant: FakeTenant;
  let results: string;

  before(() => {
    tenant = servers.tenant;
    results = mkdtempSync(join(tmpdir(), 'cpi-tenant-failure-'));
  });
  after(() => rmSync(results, { recursive: true, force: true }));

  const host = () => new URL(tenant.url).host;
  const fileUri = (pkg: string, artifact: string, path: string) =>
    `cpi-tenant://${host()}/${pkg}/${artifact}/${path.split('/').map(encodeURIComponent).join('/')}`;
  const failing = (extra: NodeJS.ProcessEnv = {}) =>
    servers.start(undefined, {
      nodeArgs: ['--require', PRELOAD],
      env: { CRASH_TEXT: secretForms(tenant).join(' '), CRASH_MARKER: MARKER, CRASH_FOLDER: results, ...extra },
      recordStdout: true,
    });
  const connect = (session: LspSession) =>
    session.connection.sendRequest(TenantConnectRequest.type, { serviceKey: JSON.stringify(tenant.serviceKey), resultsFolder: results });

  /** No secret form and no token in anything the server wrote or kept. */
  const assertNothingLeaked = (session: LspSession) => {
    const kept = readdirSync(results).map((name) => readFileSync(join(results, name), 'utf8'));
    assert.ok(session.stdout.length > 0, 'the server’s stdout was recorded');
    for (const secret of [...secretForms(tenant), ...tenant.issuedTokens]) {
      assert.ok(!session.stdout.includes(secret), 'no secret in the LSP messages');
      assert.ok(!session.stderr.includes(secret), 'no secret on stderr');
      assert.ok(!kept.some((text) => text.includes(secret)), 'no secret in the results folder');
    }
  };

  it('answers, logs and keeps failed scans, file reads and removals with the secret masked', async () => {
    const session = await failing();
    const connected = await connect(session);
    assert.equal(connected.error, undefined, connected.error?.message);

    // the scan reads the iFlows' texts for the security material's usage: that read fails
    const scan = await session.connection.sendRequest(TenantScanRequest.type, { host: host() });
    assert.equal(scan.error?.kind, 'internal');
    assert.match(scan.error!.message, /the text decoder lost its state after \[redacted\] \[redacted\] \[redacted\]/);

    const file = await session.connection.sendRequest(TenantFileRequest.type, { uri: fileUri('Finance', 'Orders', PARAMETERS_PATH) });
    assert.equal(file.error?.kind, 'internal');
    assert.match(file.error!.message, /after \[redacted\] \[redacted\] \[redacted\]/);

    // a hover that cannot read its file shows nothing, and says nothing
    const hover = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: fileUri('Finance', 'Orders', IFLOW_PATH) },
      position: { line: 2, character: 4 },
    });
    assert.equal(hover, null);

    // a package scan stands, but it cannot be kept in the results folder: a warning says so
    const sales = await session.connection.sendRequest(TenantScanRequest.type, { host: host(), packageIds: ['Sales'] });
    assert.equal(sales.error, undefined, sales.error?.message);
    const warning = session.logs.find((log) => log.message.startsWith(`Could not keep the scan of ${host()}`));
    assert.ok(warning, JSON.stringify(session.logs));
    assert.match(warning.message, /the disk refused writeFileSync with \[redacted\] \[redacted\] \[redacted\]/);

    // removing the tenant cannot delete its kept scan: the request fails with an error answer
    await assert.rejects(session.connection.sendRequest(TenantDisconnectRequest.type, { host: host() }), (error: Error) => {
      assert.match(error.message, /the disk refused rmSync with \[redacted\] \[redacted\] \[redacted\]/);
      return true;
    });
    const logged = session.logs.find((log) => log.type === 1 && log.message.includes('rmSync'));
    assert.ok(logged, 'the failed request is logged with its trace');
    assert.match(logged.message, /\[redacted\][^]*\n\s+at /);

    assertNothingLeaked(session);
  });

  it('masks the trace of an uncaught exception during tenant work, and still ends the server', async () => {
    const session = await failing({ CRASH_UNCAUGHT: '1' });
    const connected = await connect(session);
    assert.equal(connected.error, undefined, connected.error?.message);
    void session.connection
      .sendRequest(TenantFileRequest.type, { uri: fileUri('Finance', 'Orders', PARAMETERS_PATH) })
      .catch(() => undefined);
    const deadline = Date.now() + 20_000;
    while (!session.exit && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(session.exit?.code, 1, session.stderr);
    assert.match(session.stderr, /the text decoder lost its state after \[redacted\] \[redacted\] \[redacted\]\n\s+at /);
    assertNothingLeaked(session);
  });
});
