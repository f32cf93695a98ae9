// Writes the certificate and key files of the certificate rules' fixture
// cases (server/src/core/rules/<rule-id>/fixtures/) with our own test
// generator. Run once and commit the output:
//   npx tsx scripts/rule-fixture-certificates.ts
// Validity is fixed around the fixtures' "today" (2026-06-01, FIXTURE_TODAY),
// so the cases keep their findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHECKED_IN_FROM, CHECKED_IN_UNTIL, keyPair, kestrelSubject, makeCertificate } from '../test/support/certs';

const RULES = join(__dirname, '..', 'server', 'src', 'core', 'rules');
const FROM = CHECKED_IN_FROM;
const UNTIL = CHECKED_IN_UNTIL;
const org = kestrelSubject;

interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly severity?: string;
}

/** One case: its files, a `.cpisecurity.json` when the usage or window is set, and expected.json. */
function writeCase(rule: string, name: string, files: Record<string, string>, expected: readonly Finding[], config?: object): void {
  const folder = join(RULES, rule, 'fixtures', name);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  if (config) write('.cpisecurity.json', `${JSON.stringify(config, null, 2)}\n`);
  write(
    'expected.json',
    `${JSON.stringify(
      expected.map((finding) => ({ ...finding, line: 1, column: 1 })),
      null,
      2,
    )}\n`,
  );
}

const usage = (kind: 'inbound' | 'outbound' | 'messageLevel', file: string) => ({ certificates: { [kind]: [file] } });

const rootCa = makeCertificate({
  subject: org('Kestrel Fixture Root CA'),
  ca: true,
  slot: 'fixture-root',
  notBefore: FROM,
  notAfter: UNTIL,
});
const leaf = (cn: string, extra: Partial<Parameters<typeof makeCertificate>[0]> = {}) =>
  makeCertificate({ subject: org(cn), issuer: rootCa, notBefore: FROM, notAfter: UNTIL, slot: `fixture-${cn}`, ...extra }).pem;
const selfSigned = (cn: string) =>
  makeCertificate({ subject: org(cn), notBefore: FROM, notAfter: UNTIL, slot: `fixture-self-${cn}`, serverKeyUsage: true }).pem;

const selfSignedFile = { 'partner.pem': selfSigned('partner.example.com') };
const caSignedFile = { 'partner.pem': leaf('partner.example.com') };
const rootFile = { 'root-ca.pem': rootCa.pem };

writeCase('outbound-cert-self-signed', 'positive-undeclared-usage', selfSignedFile, [
  { rule: 'outbound-cert-self-signed', file: 'partner.pem', severity: 'warning' },
]);
writeCase('outbound-cert-self-signed', 'negative-ca-signed', caSignedFile, []);
writeCase('outbound-cert-self-signed', 'negative-trust-anchor', rootFile, []);
writeCase('outbound-cert-self-signed', 'negative-inbound', selfSignedFile, [], usage('inbound', 'partner.pem'));

writeCase(
  'message-cert-self-signed',
  'positive-signing',
  selfSignedFile,
  [{ rule: 'message-cert-self-signed', file: 'partner.pem', severity: 'information' }],
  usage('messageLevel', 'partner.pem'),
);
writeCase('message-cert-self-signed', 'negative-undeclared-usage', selfSignedFile, []);
writeCase('message-cert-self-signed', 'negative-ca-signed', caSignedFile, [], usage('messageLevel', 'partner.pem'));

writeCase(
  'inbound-cert-self-signed',
  'positive-certificate-file',
  selfSignedFile,
  [{ rule: 'inbound-cert-self-signed', file: 'partner.pem', severity: 'error' }],
  usage('inbound', 'partner.pem'),
);
writeCase('inbound-cert-self-signed', 'negative-certificate-trust-anchor', rootFile, [], usage('inbound', 'root-ca.pem'));

const wildcardFile = { 'apps.pem': leaf('*.apps.example.com') };
writeCase('cert-wildcard-cn', 'positive-certificate-outbound', wildcardFile, [
  { rule: 'cert-wildcard-cn', file: 'apps.pem', severity: 'warning' },
]);
writeCase(
  'cert-wildcard-cn',
  'positive-certificate-inbound',
  wildcardFile,
  [{ rule: 'cert-wildcard-cn', file: 'apps.pem', severity: 'information' }],
  usage('inbound', 'apps.pem'),
);
writeCase(
  'cert-wildcard-cn',
  'positive-certificate-dns-name',
  { 'apps.pem': leaf('apps.example.com', { altNames: [{ type: 'DNS', value: '*.apps.example.com' }] }) },
  [{ rule: 'cert-wildcard-cn', file: 'apps.pem', severity: 'warning' }],
);
writeCase('cert-wildcard-cn', 'negative-certificate-full-name', caSignedFile, []);

writeCase(
  'cert-expired',
  'positive-expired',
  { 'old.pem': leaf('old.example.com', { notBefore: new Date('2021-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') }) },
  [{ rule: 'cert-expired', file: 'old.pem', severity: 'error' }],
);
writeCase(
  'cert-expired',
  'positive-not-yet-valid',
  { 'early.pem': leaf('early.example.com', { notBefore: new Date('2026-07-01T00:00:00Z') }) },
  [{ rule: 'cert-expired', file: 'early.pem', severity: 'error' }],
);
writeCase('cert-expired', 'negative-valid', caSignedFile, []);

const expiringFile = { 'soon.pem': leaf('soon.example.com', { notAfter: new Date('2026-06-20T00:00:00Z') }) };
writeCase('cert-expiring-soon', 'positive-within-window', expiringFile, [
  { rule: 'cert-expiring-soon', file: 'soon.pem', severity: 'warning' },
]);
writeCase('cert-expiring-soon', 'negative-outside-window', expiringFile, [], { expiryWarningDays: 10 });
writeCase('cert-expiring-soon', 'negative-window-off', expiringFile, [], { expiryWarningDays: 0 });
writeCase('cert-expiring-soon', 'negative-valid-for-years', caSignedFile, []);

writeCase('cert-weak-key', 'positive-rsa-1024', { 'legacy.pem': leaf('legacy.example.com', { key: { type: 'rsa', bits: 1024 } }) }, [
  { rule: 'cert-weak-key', file: 'legacy.pem', severity: 'error' },
]);
writeCase('cert-weak-key', 'negative-rsa-2048', caSignedFile, []);

writeCase('cert-weak-signature', 'positive-sha1', { 'legacy.pem': leaf('legacy.example.com', { digest: 'sha1' }) }, [
  { rule: 'cert-weak-signature', file: 'legacy.pem', severity: 'warning' },
]);
writeCase('cert-weak-signature', 'negative-sha256', caSignedFile, []);
writeCase(
  'cert-weak-signature',
  'negative-sha1-trust-anchor',
  {
    'root-ca.pem': makeCertificate({
      subject: org('Kestrel Old Root CA'),
      ca: true,
      digest: 'sha1',
      slot: 'fixture-old-root',
      notBefore: FROM,
      notAfter: UNTIL,
    }).pem,
  },
  [],
);

const privateKey = keyPair({ type: 'rsa', bits: 2048 }, 'fixture-key').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
writeCase('private-key-in-workspace', 'positive-pem-key', { 'client.key': privateKey }, [
  { rule: 'private-key-in-workspace', file: 'client.key', severity: 'warning' },
]);
writeCase('private-key-in-workspace', 'positive-key-beside-certificate', { 'client.pem': privateKey + caSignedFile['partner.pem'] }, [
  { rule: 'private-key-in-workspace', file: 'client.pem', severity: 'warning' },
]);
writeCase('private-key-in-workspace', 'negative-certificate-only', caSignedFile, []);
console.log(`wrote certificate fixtures under ${RULES}`);
