import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  ensureBuilt,
  ORDER_IFLOW,
  ORDER_PARAMETERS,
  removeFolder,
  runCli,
  runJson,
  tempFolder,
  write,
  writeOrderArtifact,
} from './support';
import { validateSarif } from './sarif-schema';

const HEX_A = '0123456789abcdef0123456789abcdef';
const HEX_B = 'fedcba9876543210fedcba9876543210';

/** An iFlow export: the artifact's files at the root of the zip. */
function iflowZip(name = 'Order Replication'): Uint8Array {
  return zipSync({
    'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n'),
    'src/main/resources/parameters.prop': strToU8(ORDER_PARAMETERS()),
    [`src/main/resources/scenarioflows/integrationflow/${name}.iflw`]: strToU8(ORDER_IFLOW()),
  });
}

/** A package export: metadata plus one `<id>_content` zip (no extension) per artifact. */
function packageZip(contents: Record<string, Uint8Array>): Uint8Array {
  const files: Zippable = { 'contentmetadata.md': strToU8('package'), 'resources.cnt': strToU8('e30=') };
  for (const [id, zip] of Object.entries(contents)) files[`${id}_content`] = zip;
  return zipSync(files);
}

/** Rewrites the declared uncompressed size of one entry in both headers, as a zip bomb would. */
function withDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let i = 0; i + 46 < bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x02014b50 && bytes.toString('utf8', i + 46, i + 46 + bytes.readUInt16LE(i + 28)) === entry)
      bytes.writeUInt32LE(size, i + 24);
    if (signature === 0x04034b50 && bytes.toString('utf8', i + 30, i + 30 + bytes.readUInt16LE(i + 26)) === entry)
      bytes.writeUInt32LE(size, i + 22);
  }
  return new Uint8Array(bytes);
}

describe('cli archives and bad input', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => (root = tempFolder()));
  afterEach(() => removeFolder(root));

  it('reads package exports in memory, with nested <id>_content zips, and reports paths with !/', () => {
    write(root, 'exports/Orders.zip', packageZip({ [HEX_A]: iflowZip('Order Replication'), [HEX_B]: iflowZip('Order Replication Copy') }));
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => [f.path, f.line, f.column]),
      [
        [`exports/Orders.zip!/${HEX_A}_content!/src/main/resources/parameters.prop`, 2, 14],
        [`exports/Orders.zip!/${HEX_A}_content!/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw`, 21, 28],
        [`exports/Orders.zip!/${HEX_B}_content!/src/main/resources/parameters.prop`, 2, 14],
        [`exports/Orders.zip!/${HEX_B}_content!/src/main/resources/scenarioflows/integrationflow/Order Replication Copy.iflw`, 21, 28],
      ],
    );
    // the parameter finding points back into the same inner zip
    assert.equal(report.findings[0].related[0].path, report.findings[1].path);
    assert.equal(report.summary.scannedFiles, 4);

    const sarif = JSON.parse(runCli(['--format', 'sarif'], root).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.deepEqual(validateSarif(sarif), []);
    assert.equal(
      sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      `exports/Orders.zip!/${HEX_A}_content!/src/main/resources/parameters.prop`,
    );
  });

  it('reads single-iFlow exports, and configuration globs see archive content as folders', () => {
    write(root, 'Order.zip', iflowZip());
    write(root, 'old/Legacy.zip', iflowZip());
    write(
      root,
      '.cpisecurity.json',
      JSON.stringify({
        ignore: ['old/Legacy.zip'],
        suppressions: [{ rule: 'cleartext-basic-auth', file: 'Order.zip/**/parameters.prop', reason: 'test' }],
      }),
    );
    const { report } = runJson([], root);
    assert.deepEqual(
      report.findings.map((f) => f.path),
      ['Order.zip!/src/main/resources/scenarioflows/integrationflow/Order Replication.iflw'],
    );
    assert.deepEqual(
      report.suppressed.map((s) => s.finding.path),
      ['Order.zip!/src/main/resources/parameters.prop'],
    );
  });

  it('a corrupt zip is a per-file error and every other file is still scanned', () => {
    writeOrderArtifact(root);
    write(root, 'broken.zip', strToU8('PK\x03\x04 this is not really a zip'));
    write(root, 'half.zip', iflowZip().subarray(0, 200));
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 2);
    assert.deepEqual(report.fileErrors.map((e) => e.path).sort(), ['broken.zip', 'half.zip']);
    assert.ok(report.fileErrors.every((e) => /not a readable zip archive/.test(e.message)));
    assert.match(runCli([], root).stdout, /Not scanned:\n {2}broken\.zip {2}not a readable zip archive/);
  });

  it('zip bombs: entries declaring huge sizes are skipped with an error, the rest is read', () => {
    const bomb = withDeclaredSize(iflowZip(), 'src/main/resources/scenarioflows/integrationflow/Order Replication.iflw', 0xfffffff0);
    write(root, 'bomb.zip', bomb);
    const { report } = runJson([], root);
    assert.equal(report.fileErrors.length, 1);
    assert.match(report.fileErrors[0].path, /^bomb\.zip!\/src\/main\/resources\/scenarioflows\/integrationflow\/Order Replication\.iflw$/);
    assert.match(report.fileErrors[0].message, /declares 4096 MB uncompressed, over the 64 MB limit/);
    // parameters.prop was still read (it has no finding without an iFlow using it as an address)
    assert.deepEqual(report.summary.scannedFiles, 1);
  });

  it('zip bombs: the total expanded size of one archive is capped', () => {
    const files: Zippable = {};
    for (let i = 0; i < 12; i++) files[`flows/f${i}.iflw`] = strToU8(ORDER_IFLOW());
    let zip: Uint8Array = zipSync(files);
    for (let i = 0; i < 12; i++) zip = withDeclaredSize(zip, `flows/f${i}.iflw`, 60 * 1024 * 1024);
    write(root, 'wide.zip', zip);
    const { report } = runJson([], root);
    assert.equal(report.summary.scannedFiles, 8); // 8 × 60 MB fit in 512 MB
    assert.equal(report.fileErrors.length, 4);
    assert.ok(report.fileErrors.every((e) => /archive expands to more than 512 MB/.test(e.message)));
  });

  it('zip bombs: nesting deeper than 3 levels is not opened', () => {
    let zip: Uint8Array = iflowZip();
    for (let level = 0; level < 3; level++) zip = zipSync({ [`level${level}_content`]: zip });
    write(root, 'deep.zip', zip);
    const { code, report } = runJson([], root);
    assert.equal(report.fileErrors.length, 1);
    assert.match(report.fileErrors[0].path, /^deep\.zip!\/level2_content!\/level1_content!\/level0_content$/);
    assert.match(report.fileErrors[0].message, /nested more than 3 levels deep/);
    assert.equal(code, 2); // nothing else to scan
  });

  it('zip bombs: an archive with too many entries is not read', () => {
    const files: Zippable = {};
    for (let i = 0; i <= 50_000; i++) files[`e/${i}`] = new Uint8Array(0);
    write(root, 'many.zip', zipSync(files, { level: 0 }));
    writeOrderArtifact(root);
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.deepEqual(
      report.fileErrors.map((e) => [e.path, e.message]),
      [['many.zip', 'more than 50000 entries: not read (possible zip bomb)']],
    );
  });

  it('entry names that would escape the archive are refused', () => {
    write(root, 'slip.zip', zipSync({ '../../evil.iflw': strToU8(ORDER_IFLOW()), 'ok/Order Replication.iflw': strToU8(ORDER_IFLOW()) }));
    const { report } = runJson([], root);
    assert.deepEqual(
      report.fileErrors.map((e) => e.message),
      ['unsafe entry name (absolute or with ".."); skipped'],
    );
    assert.equal(report.summary.scannedFiles, 1);
  });

  it('binary or non-UTF-8 .iflw files are per-file errors; exit 2 only when nothing could be scanned', () => {
    write(root, 'binary.iflw', new Uint8Array([0x3c, 0x3f, 0x78, 0x00, 0x00, 0xff, 0x10]));
    write(root, 'latin1.iflw', Buffer.from('<?xml version="1.0"?><a name="Gr\xfc\xdfe"/>', 'latin1'));
    const onlyBad = runJson([], root);
    assert.equal(onlyBad.code, 2);
    assert.deepEqual(
      onlyBad.report.fileErrors.map((e) => [e.path, e.message]),
      [
        ['binary.iflw', 'binary content (NUL bytes): not a text file'],
        ['latin1.iflw', 'not valid UTF-8 text: iFlows are UTF-8 XML'],
      ],
    );
    assert.match(onlyBad.stderr, /binary\.iflw: error: binary content/);

    writeOrderArtifact(root);
    const mixed = runJson([], root);
    assert.equal(mixed.code, 1);
    assert.equal(mixed.report.findings.length, 2);
    assert.equal(mixed.report.fileErrors.length, 2);
  });

  it('symbolic link loops are walked once; a link that cannot be resolved is a per-file error', function () {
    const { symlinkSync } = require('node:fs') as typeof import('node:fs');
    writeOrderArtifact(root, 'a/Order Replication');
    try {
      symlinkSync('..', `${root}/a/up`, 'dir');
      symlinkSync('self.iflw', `${root}/a/self.iflw`);
    } catch {
      this.skip(); // no symbolic links on this system
    }
    const { code, report } = runJson([], root);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 2); // not repeated through a/up/a/...
    assert.deepEqual(
      report.fileErrors.map((e) => e.path),
      ['a/self.iflw'],
    );
    assert.match(report.fileErrors[0].message, /too many levels of symbolic links/);
  });

  it('certificate and key files, on disk and in zips', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    write(root, 'keys/client.pem', pem);
    write(root, 'keys/store.p12', new Uint8Array([0x30, 0x82, 0x01, 0x00]));
    write(root, 'bundle.zip', zipSync({ 'certs/partner.key': strToU8(pem) }));
    const { code, report } = runJson([], root);
    assert.equal(code, 0); // warnings only
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.path, f.line]),
      [
        ['private-key-in-workspace', 'bundle.zip!/certs/partner.key', 1],
        ['private-key-in-workspace', 'keys/client.pem', 1],
        ['private-key-in-workspace', 'keys/store.p12', 1],
      ],
    );
    const garbage = runJson([], (write(root, 'keys/garbage.crt', 'hello'), root));
    assert.ok(garbage.report.notes.some((n) => n.kind === 'certificate' && n.path === 'keys/garbage.crt'));
  });
});
