// Writes the certificates of the demo workspace (examples/certificates) with
// our own test generator. Run once and commit the output:
//   npx tsx scripts/example-certificates.ts
// Validity is fixed and long, so the files keep showing the same findings;
// "expiring soon" depends on the day and is covered by the test suite instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHECKED_IN_FROM, CHECKED_IN_UNTIL, keyPair, kestrelSubject, makeCertificate } from '../test/support/certs';

const ROOT = join(__dirname, '..', 'examples', 'certificates');
const FROM = CHECKED_IN_FROM;
const UNTIL = CHECKED_IN_UNTIL;
const org = kestrelSubject;

function write(relative: string, content: string | Buffer): void {
  const path = join(ROOT, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const rootCa = makeCertificate({
  subject: org('Kestrel Partner Root CA'),
  ca: true,
  slot: 'example-root',
  notBefore: FROM,
  notAfter: UNTIL,
});
const partnerLeaf = (cn: string, extra: Partial<Parameters<typeof makeCertificate>[0]> = {}) =>
  makeCertificate({ subject: org(cn), issuer: rootCa, notBefore: FROM, notAfter: UNTIL, slot: `example-${cn}`, ...extra });

// Inbound client certificates: a trust anchor (fine), a wildcard (information), a self-signed one (error).
write('inbound/partner-root-ca.pem', rootCa.pem);
write('inbound/warehouse-clients.pem', partnerLeaf('*.warehouse.kestrel.example').pem);
write(
  'inbound/pos-terminal-selfsigned.pem',
  makeCertificate({
    subject: org('pos-terminal-17.kestrel.example'),
    slot: 'example-pos',
    notBefore: FROM,
    notAfter: UNTIL,
    serverKeyUsage: true,
  }).pem,
);

// Outbound: a CA-signed certificate (clean) bundled with a weak one, an expired one, a self-signed one.
write(
  'outbound/erp-gateway-chain.pem',
  `${partnerLeaf('erp-gateway.kestrel.example').pem}${partnerLeaf('legacy-erp.kestrel.example', { key: { type: 'rsa', bits: 1024 }, digest: 'sha1' }).pem}`,
);
write(
  'outbound/old-carrier-api.pem',
  partnerLeaf('api.old-carrier.example', { notBefore: new Date('2021-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') }).pem,
);
write(
  'outbound/test-backend-selfsigned.crt',
  makeCertificate({
    subject: org('test-backend.kestrel.example'),
    slot: 'example-test-backend',
    notBefore: FROM,
    notAfter: UNTIL,
    serverKeyUsage: true,
  }).der,
);

// Message level: self-signed signing certificate (allowed, CA-signed recommended).
write(
  'message-level/invoice-signing.pem',
  makeCertificate({ subject: org('Kestrel Invoice Signing'), slot: 'example-signing', notBefore: FROM, notAfter: UNTIL }).pem,
);

// A private key someone committed by mistake.
write(
  'keys/invoice-signing.key',
  keyPair({ type: 'rsa', bits: 2048 }, 'example-signing').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
);
console.log(`wrote example certificates to ${ROOT}`);
