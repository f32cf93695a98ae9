import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readParameters } from '../../server/src/core/params/properties';
import { projectFolderName, writeProject } from '../../server/src/lsp/tenant/download';
import { parametersAsConfigured } from '../../server/src/lsp/tenant/parameters-as-configured';
import { canonicalTenantUri, tenantLocation } from '../../server/src/lsp/tenant/tenant-location';

// The pure parts behind tenant files in the editor: parameters.prop as the
// tenant runs it, what a cpi-tenant:// URI names, and the project written by
// "Download to workspace".
describe('tenant files in the editor', () => {
  it('shows parameters.prop with the configured values, keeping the lines of defaults in place', () => {
    const text = '#comment\nCatalog\\ URL=https\\://catalog.example.com\nTimeout=30\nUser=demo\n';
    const shown = parametersAsConfigured(
      text,
      new Map([
        ['Catalog URL', 'http://other.example.com:8080'],
        ['Timeout', ''],
        ['Extra Key', 'a=b'],
      ]),
    );
    const lines = shown.split('\n');
    assert.equal(lines[1], 'Catalog\\ URL=http\\://other.example.com\\:8080');
    assert.equal(lines[2], 'Timeout=30', 'an empty configured value leaves the default');
    assert.equal(lines[3], 'User=demo');
    assert.match(shown, /# configured on the tenant, not in the artifact's parameters\.prop\nExtra\\ Key=a\\=b\n$/);
    const read = readParameters(shown);
    assert.equal(read.entries.get('Catalog URL')?.value.text, 'http://other.example.com:8080');
    assert.equal(read.entries.get('Extra Key')?.value.text, 'a=b');
    assert.equal(parametersAsConfigured(text, new Map()), text);
    assert.equal(
      parametersAsConfigured('A=1\r\n', new Map([['B', '2']])),
      "A=1\r\n# configured on the tenant, not in the artifact's parameters.prop\r\nB=2\r\n",
    );
  });

  it('reads what a tenant URI names, however the editor encodes it', () => {
    assert.deepEqual(tenantLocation('cpi-tenant://Tenant.Example.com:8443/Fin%20Pkg/Flow/src/main/resources/a%20b.iflw'), {
      host: 'tenant.example.com:8443',
      kind: 'file',
      packageId: 'Fin Pkg',
      artifactId: 'Flow',
      path: 'src/main/resources/a b.iflw',
    });
    assert.deepEqual(tenantLocation('cpi-tenant://t/keystore/my%20alias'), {
      host: 't',
      kind: 'material',
      list: 'keystore',
      name: 'my alias',
    });
    assert.deepEqual(tenantLocation('cpi-tenant://t/P/A'), { host: 't', kind: 'artifact', packageId: 'P', artifactId: 'A' });
    assert.deepEqual(tenantLocation('cpi-tenant://t/P'), { host: 't', kind: 'package', packageId: 'P' });
    assert.equal(tenantLocation('file:///x/y.iflw'), undefined);
    assert.equal(tenantLocation('cpi-tenant://t/P/%E0%A4%A/x'), undefined, 'a malformed escape');
    // VS Code spells some characters differently from encodeURIComponent: both name the same file
    assert.equal(canonicalTenantUri('cpi-tenant://t/P/A/src/It%27s.iflw'), canonicalTenantUri("cpi-tenant://t/P/A/src/It's.iflw"));
  });

  it("writes every file of the artifact's zip, never over an existing folder or outside it", () => {
    const parent = mkdtempSync(join(tmpdir(), 'cpi-project-'));
    try {
      const zip = zipSync({
        'META-INF/MANIFEST.MF': strToU8('Manifest-Version: 1.0\n'),
        'src/main/resources/parameters.prop': strToU8('A=1\n'),
        'metainfo.prop': strToU8('x'),
      });
      const written = writeProject(zip, parent, 'My_Flow');
      assert.equal(written.folder, join(parent, 'My_Flow'));
      assert.equal(written.files.length, 3);
      assert.equal(readFileSync(join(parent, 'My_Flow', 'src', 'main', 'resources', 'parameters.prop'), 'utf8'), 'A=1\n');
      assert.throws(() => writeProject(zip, parent, 'My_Flow'), /exists already/);
      assert.throws(() => writeProject(zipSync({ '../escape.txt': strToU8('x') }), parent, 'Bad'), /unsafe entry name/);
      assert.ok(!existsSync(join(parent, 'escape.txt')));
      assert.throws(() => writeProject(strToU8('<html>not a zip</html>'), parent, 'Html'), /not a readable zip/);
      assert.equal(projectFolderName('../x'), '.._x');
      assert.equal(projectFolderName('..'), '_');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
