import * as assert from 'node:assert/strict';
import type { CertificateDetails } from '@cpi/common/protocol';
import { certificateDetailsHtml, escapeHtml } from '../../client/src/certificates/certificate-details-html';
import { looksLikeDer } from '../../client/src/certificates/der-bytes';
import { caSignedLeaf } from '../support/certs';

// The certificate details view's page: the file's own text (a subject can hold
// anything) never becomes markup, and the page runs no script.

const HOSTILE = 'CN=<script>alert(1)</script>, O="A & B"';

const DETAILS: CertificateDetails = {
  uri: 'file:///w/partner.der',
  usage: 'inbound (client authentication to Cloud Integration)',
  certificates: [
    {
      label: 'DER',
      line: 0,
      summary: '⚠ RSA 1024 · CN=<script> · expires in 41 days · self-signed',
      subject: HOSTILE,
      issuer: HOSTILE,
      serial: '01',
      notBefore: '2026-01-01',
      notAfter: '2027-01-01',
      validity: 'expires in 41 days',
      key: 'RSA 1024',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      sha256Fingerprint: 'AB:CD',
      alternativeNames: ['DNS:<img src=x onerror=alert(1)>'],
      signed: 'self-signed',
      findings: [{ ruleId: 'cert-weak-key', severity: 'error', message: 'The key of "<b>x</b>" is RSA 1024.' }],
    },
  ],
  otherFindings: [],
  problems: [],
};

describe('client: certificate details page', () => {
  const html = certificateDetailsHtml(DETAILS, 'partner<1>.der', 'n0nce');

  it('escapes every text taken from the file', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.ok(!html.includes('<script>'), 'no script element from the subject');
    assert.ok(!html.includes('<img'), 'no element from an alternative name');
    assert.ok(!html.includes('<b>x</b>'), 'no markup from a message');
    assert.ok(html.includes('CN=&lt;script&gt;alert(1)&lt;/script&gt;, O=&quot;A &amp; B&quot;'));
    assert.ok(html.includes('partner&lt;1&gt;.der'));
  });

  it('shows subject, validity, key, fingerprint and findings', () => {
    for (const part of [
      'Subject',
      'Issuer',
      '2026-01-01 to 2027-01-01 (expires in 41 days)',
      'RSA 1024',
      'AB:CD',
      'cert-weak-key',
      'self-signed',
    ]) {
      assert.ok(html.includes(part), part);
    }
  });

  it('allows no script and only its own style under the Content Security Policy', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'">/);
    assert.equal((html.match(/<style nonce="n0nce">/g) ?? []).length, 1);
    assert.ok(!/<script\b/i.test(html));
  });
});

describe('client: DER or PEM', () => {
  it('takes binary ASN.1 for DER and PEM or base64 text for text', () => {
    const leaf = caSignedLeaf();
    assert.equal(looksLikeDer(leaf.der), true);
    assert.equal(looksLikeDer(Buffer.from(leaf.pem)), false);
    assert.equal(looksLikeDer(Buffer.from(leaf.der.toString('base64'))), false, 'headerless base64');
    assert.equal(looksLikeDer(Buffer.from('0\r\n1\r\n')), false, 'text starting with 0');
    assert.equal(looksLikeDer(new Uint8Array()), false);
  });
});
