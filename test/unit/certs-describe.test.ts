import * as assert from 'node:assert/strict';
import { describeCertificate, summarizeCertificate } from '../../server/src/core/certs/describe';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { checkCertificateFile } from '../../server/src/core/analysis/check-certificate-file';
import { certificateHover } from '../../server/src/core/explain/certificate-hover';
import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import * as certs from '../support/certs';

const DAY = 24 * 60 * 60 * 1000;

function infoOf(pem: string) {
  const info = readCertificateFile(certs.bytesOf(pem), 'c.pem').blocks[0].info;
  assert.ok(info);
  return info;
}

describe('certificate hovers and code lenses', () => {
  it('summarises a certificate on one line', () => {
    const info = infoOf(certs.caSignedLeaf().pem);
    const now = new Date(info.notAfter.getTime() - 41 * DAY - 3600_000);
    assert.equal(summarizeCertificate(info, now), 'CN=api.example.com · RSA 2048 · expires in 41 days · CA-signed');
    assert.equal(
      summarizeCertificate(info, new Date(info.notAfter.getTime() + 3 * DAY + 1)),
      'CN=api.example.com · RSA 2048 · expired 3 days ago · CA-signed',
    );
    assert.equal(
      summarizeCertificate(infoOf(certs.ecSelfSigned().pem), now),
      'CN=ec.example.com · EC P-256 · expires in 41 days · self-signed',
    );
    assert.match(summarizeCertificate(infoOf(certs.rootCa().pem), now), /^CN=Test Root CA · RSA 2048 · .* · self-signed CA$/);
  });

  it('describes every detail in the hover', () => {
    const info = infoOf(certs.caSignedLeaf().pem);
    const now = new Date(info.notAfter.getTime() - 41 * DAY - 3600_000);
    const text = describeCertificate(info, 'outbound', now);
    for (const part of [
      '`CN=api.example.com`',
      '`CN=Test Issuing CA, O=Example`',
      info.serial,
      'expires in 41 days',
      'RSA 2048 bits',
      'sha256WithRSAEncryption',
      info.sha256Fingerprint,
      '`DNS:api.example.com`',
      '`IP:10.1.2.3`',
      'CA-signed',
    ]) {
      assert.ok(text.includes(part), `hover holds ${part}:\n${text}`);
    }
  });

  it('quotes the FAQ answer for the usage', () => {
    const selfSigned = infoOf(certs.selfSignedRsa().pem);
    const now = new Date();
    assert.ok(describeCertificate(selfSigned, 'inbound', now).includes(faqUrl(FAQ.selfSignedClientAuth)));
    assert.match(describeCertificate(selfSigned, 'inbound', now), /not supported for inbound/);
    assert.ok(describeCertificate(selfSigned, 'messageLevel', now).includes(faqUrl(FAQ.selfSignedMessageLevel)));
    assert.match(describeCertificate(selfSigned, undefined, now), /not declared \(treated as outbound\)[\s\S]*CA-signed certificate/);
    assert.ok(describeCertificate(infoOf(certs.wildcardCn().pem), 'inbound', now).includes(faqUrl(FAQ.wildcardCn)));
    assert.match(describeCertificate(infoOf(certs.rootCa().pem), 'inbound', now), /trust anchor/);
  });

  it('leads the code lens with the weakness a rule found', () => {
    const weak = infoOf(certs.rsa1024().pem);
    const now = new Date();
    assert.match(summarizeCertificate(weak, now, ['cert-weak-key']), /^⚠ RSA 1024 · /);
    assert.match(summarizeCertificate(infoOf(certs.sha1Signed().pem), now, ['cert-weak-signature']), /^⚠ SHA-1 · /);
    assert.ok(!summarizeCertificate(weak, now, []).startsWith('⚠'));
  });

  it('quotes no CA-signed recommendation on a CA-signed certificate', () => {
    const text = describeCertificate(infoOf(certs.caSignedLeaf().pem), 'outbound', new Date());
    assert.ok(!/recommends a CA-signed/.test(text), text);
    assert.ok(!/self-signed/i.test(text), text);
  });

  it('starts the certificate hover with the findings and why they matter', () => {
    const pem = certs.rsa1024().pem;
    const file = readCertificateFile(certs.bytesOf(pem), 'legacy.pem');
    const findings = checkCertificateFile(file, {
      uri: 'u',
      usage: 'outbound',
      now: new Date(),
      expiryWarningDays: 60,
      fileName: 'legacy.pem',
    });
    const markdown = certificateHover(file.blocks[0].info!, 'outbound', findings, new Date(), { explainRule: 'explain' });
    assert.match(markdown, /^\*\*Error · cert-weak-key\*\* — .*\n\*Why it matters:\* \S/);
    assert.ok(markdown.indexOf('**Certificate**') > markdown.indexOf('cert-weak-key'));
    for (const finding of findings) assert.ok(!markdown.includes(finding.message));
  });

  it('explains a CA-signed certificate whose issuer name equals its subject', () => {
    assert.match(
      describeCertificate(infoOf(certs.sameNameCaSigned().pem), 'outbound', new Date()),
      /CA-signed \(issuer name equals subject, but another key signed it\)/,
    );
  });
});
