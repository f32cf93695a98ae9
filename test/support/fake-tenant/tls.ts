import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificate, type KeySpec } from '../certs';

// A certificate authority made for one fake tenant, and the server
// certificate it signs for 127.0.0.1 and localhost. EC keys from Node's
// native generation keep this in milliseconds (forge's RSA generation takes
// seconds). The CA is written to a file so child processes can trust it
// through NODE_EXTRA_CA_CERTS; nothing turns verification off.

const EC: KeySpec = { type: 'ec', curve: 'prime256v1' };

export interface TestCa {
  /** The CA certificate, to trust. */
  readonly caPem: string;
  /** A temporary file holding caPem, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** The server's certificate and key. */
  readonly certPem: string;
  readonly keyPem: string;
}

export function makeTestCa(): TestCa {
  const ca = makeCertificate({
    subject: [
      { shortName: 'O', value: 'Fake Tenant' },
      { shortName: 'CN', value: 'Fake Tenant Test CA' },
    ],
    ca: true,
    key: EC,
    slot: 'fake-tenant-ca',
  });
  const server = makeCertificate({
    subject: 'localhost',
    issuer: ca,
    key: EC,
    slot: 'fake-tenant-server',
    serverKeyUsage: true,
    altNames: [
      { type: 'IP', value: '127.0.0.1' },
      { type: 'DNS', value: 'localhost' },
    ],
  });
  const caFile = join(mkdtempSync(join(tmpdir(), 'fake-tenant-ca-')), 'ca.pem');
  writeFileSync(caFile, ca.pem);
  return {
    caPem: ca.pem,
    caFile,
    certPem: server.pem,
    keyPem: server.key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
