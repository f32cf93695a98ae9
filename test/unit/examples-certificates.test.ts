import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseCertificateFile } from '../../server/src/core/analysis/analyse-certificate';
import { parseConfig } from '../../server/src/core/config/parse';

// The demo workspace's certificates (written by scripts/example-certificates.ts)
// with the usage declared in examples/.cpisecurity.json.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NOW = new Date('2026-06-01T12:00:00Z');

const EXPECTED = [
  'certificates/inbound/pos-terminal-selfsigned.pem:1 inbound-cert-self-signed error',
  'certificates/inbound/warehouse-clients.pem:1 cert-wildcard-cn information',
  'certificates/keys/invoice-signing.key:1 private-key-in-workspace warning',
  'certificates/message-level/invoice-signing.pem:1 message-cert-self-signed information',
  'certificates/outbound/erp-gateway-chain.pem:21 cert-weak-key error',
  'certificates/outbound/erp-gateway-chain.pem:21 cert-weak-signature warning',
  'certificates/outbound/old-carrier-api.pem:1 cert-expired error',
  'certificates/outbound/test-backend-selfsigned.crt:1 outbound-cert-self-signed warning',
];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('examples workspace: certificates', () => {
  it('fires each certificate rule where the demo intends and nowhere else', () => {
    const configUri = pathToFileURL(join(EXAMPLES, '.cpisecurity.json')).href;
    const { config, problems } = parseConfig(readFileSync(join(EXAMPLES, '.cpisecurity.json'), 'utf8'), configUri);
    assert.deepEqual(problems, []);
    const actual: string[] = [];
    for (const path of files(join(EXAMPLES, 'certificates'))) {
      const result = analyseCertificateFile({ uri: pathToFileURL(path).href, bytes: readFileSync(path), config, now: NOW });
      assert.deepEqual(result.problems, [], `${path} should be readable`);
      for (const finding of result.findings) {
        actual.push(`${relative(EXAMPLES, path)}:${finding.range.start.line + 1} ${finding.ruleId} ${finding.severity}`);
      }
    }
    assert.deepEqual(actual.sort(), EXPECTED);
  });
});
