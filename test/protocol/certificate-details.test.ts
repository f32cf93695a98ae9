import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CertificateDetailsRequest, type CertificateDetails } from '@cpi/common/protocol';
import { caSignedLeaf, daysFromNow, makeCertificate } from '../support/certs';
import { useWorkspaceSession } from './support/workspace';

// The certificate details view's request: a binary DER file, never open as
// text, gets its subject, fingerprint and the findings of the certificate
// rules (the same analysis as diagnostics and hovers).

describe('certificate details request over stdio', function () {
  const state = useWorkspaceSession();

  const details = (uri: string): Promise<CertificateDetails> =>
    state.session.connection.sendRequest(CertificateDetailsRequest.method, { uri });

  it('reads a DER certificate from disk: subject, issuer, validity, key, fingerprint and its findings', async () => {
    const { ws } = state;
    const folder = join(ws.root, 'certificates', 'inbound');
    mkdirSync(folder, { recursive: true });
    writeFileSync(ws.configPath, JSON.stringify({ certificates: { inbound: ['certificates/inbound/**'] } }));
    const weak = makeCertificate({
      subject: 'legacy-client.kestrel.example',
      key: { type: 'rsa', bits: 1024 },
      slot: 'details-weak',
      notBefore: daysFromNow(-30),
      notAfter: daysFromNow(200),
    });
    const path = join(folder, 'legacy-client.der');
    writeFileSync(path, weak.der);
    const uri = pathToFileURL(path).href;

    const result = await details(uri);
    assert.deepEqual(result.problems, []);
    assert.equal(result.usage, 'inbound (client authentication to Cloud Integration)');
    assert.equal(result.certificates.length, 1);
    const [certificate] = result.certificates;
    assert.equal(certificate.label, 'DER');
    assert.match(certificate.subject, /^CN=legacy-client\.kestrel\.example\b/);
    assert.equal(certificate.issuer, certificate.subject, 'self-signed: the issuer is the subject');
    assert.equal(certificate.sha256Fingerprint, new X509Certificate(weak.der).fingerprint256);
    assert.equal(certificate.key, 'RSA 1024');
    assert.equal(certificate.notAfter, daysFromNow(200).toISOString().slice(0, 10));
    assert.match(certificate.validity, /^expires in (199|200) days$/);
    assert.equal(certificate.signed, 'self-signed');
    assert.match(certificate.summary, /^⚠ [^·]*RSA 1024 · CN=legacy-client/);
    const rules = certificate.findings.map((finding) => finding.ruleId).sort();
    assert.ok(rules.includes('inbound-cert-self-signed'), rules.join(', '));
    assert.ok(
      rules.some((rule) => /weak-key/.test(rule)),
      rules.join(', '),
    );
    assert.ok(certificate.findings.every((finding) => finding.message.length > 0));
  });

  it('a CA-signed DER certificate has no findings', async () => {
    const { ws } = state;
    const leaf = caSignedLeaf();
    const path = join(ws.root, 'backend.der');
    writeFileSync(path, leaf.der);
    const result = await details(pathToFileURL(path).href);
    assert.equal(result.certificates[0].signed, 'CA-signed');
    assert.deepEqual(result.certificates[0].findings, []);
    assert.equal(result.certificates[0].sha256Fingerprint, new X509Certificate(leaf.der).fingerprint256);
  });

  it('follows the unsaved text of an open PEM file and names unreadable input as a problem', async () => {
    const { ws, session } = state;
    const path = join(ws.root, 'partner.pem');
    writeFileSync(path, 'not a certificate\n');
    const uri = pathToFileURL(path).href;
    assert.deepEqual((await details(uri)).certificates, []);
    assert.ok((await details(uri)).problems.length > 0, 'the unreadable file is explained');
    const leaf = caSignedLeaf();
    await session.open(uri, 'plaintext', leaf.pem);
    const result = await details(uri);
    assert.equal(result.certificates.length, 1);
    assert.equal(result.certificates[0].line, 0);
    assert.equal(result.certificates[0].sha256Fingerprint, new X509Certificate(leaf.der).fingerprint256);
  });

  it('refuses a file that is not a certificate file with an explanation', async () => {
    const result = await details(state.ws.iflowUri);
    assert.deepEqual(result.certificates, []);
    assert.match(result.problems[0], /not a certificate file/);
  });
});
