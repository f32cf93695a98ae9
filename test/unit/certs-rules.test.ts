import * as assert from 'node:assert/strict';
import type { Finding } from '@cpi/common/findings';
import type { CertificateUsage } from '../../server/src/core/certs/model';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { checkCertificateFile } from '../../server/src/core/analysis/check-certificate-file';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import * as certs from '../support/certs';

interface Options {
  usage?: CertificateUsage;
  window?: number;
  fileName?: string;
}

function check(content: string | Uint8Array, options: Options = {}): Finding[] {
  const fileName = options.fileName ?? 'certificates/c.pem';
  const bytes = typeof content === 'string' ? certs.bytesOf(content) : content;
  return checkCertificateFile(readCertificateFile(bytes, fileName), {
    uri: `file:///w/${fileName}`,
    usage: options.usage,
    now: new Date(),
    expiryWarningDays: options.window ?? 60,
    fileName,
  });
}

function ruleIds(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

function only(findings: Finding[], ruleId: string): Finding {
  const matching = findings.filter((f) => f.ruleId === ruleId);
  assert.equal(matching.length, 1, `one ${ruleId} in ${JSON.stringify(ruleIds(findings))}`);
  return matching[0];
}

describe('certificate rules', () => {
  it('reports nothing for a valid CA-signed certificate in any usage', () => {
    for (const usage of [undefined, 'inbound', 'outbound', 'messageLevel'] as const) {
      assert.deepEqual(check(certs.caSignedLeaf().pem, { usage }), []);
    }
  });

  describe('self-signed', () => {
    it('inbound: error', () => {
      const finding = only(check(certs.selfSignedRsa().pem, { usage: 'inbound' }), 'inbound-cert-self-signed');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /CN=self\.example\.com/);
      assert.equal(finding.subject, 'CN=self.example.com');
      assert.equal(finding.uri, 'file:///w/certificates/c.pem');
    });

    it('outbound: warning, without the usage hint when declared', () => {
      const finding = only(check(certs.selfSignedRsa().pem, { usage: 'outbound' }), 'outbound-cert-self-signed');
      assert.equal(finding.severity, 'warning');
      assert.doesNotMatch(finding.message, /cpisecurity/);
    });

    it('undeclared usage: treated as outbound, saying how to declare it', () => {
      const findings = check(certs.selfSignedRsa().pem);
      assert.deepEqual(ruleIds(findings), ['outbound-cert-self-signed']);
      assert.match(findings[0].message, /not declared.*\.cpisecurity\.json.*"certificates".*"inbound": \["certificates\/c\.pem"\]/);
    });

    it('message-level: information', () => {
      const findings = check(certs.selfSignedRsa().pem, { usage: 'messageLevel' });
      assert.deepEqual(ruleIds(findings), ['message-cert-self-signed']);
      assert.equal(findings[0].severity, 'information');
    });

    it('covers EC, Ed25519 certificates read through the fallback', () => {
      assert.deepEqual(ruleIds(check(certs.ecSelfSigned().pem, { usage: 'inbound' })), ['inbound-cert-self-signed']);
      assert.deepEqual(ruleIds(check(certs.ed25519SelfSigned().pem, { usage: 'inbound' })), ['inbound-cert-self-signed']);
      assert.deepEqual(check(certs.ecCaSigned().pem, { usage: 'inbound' }), []);
    });

    it('leaves a self-signed root CA (trust anchor) alone', () => {
      for (const usage of [undefined, 'inbound', 'outbound', 'messageLevel'] as const) {
        assert.deepEqual(check(certs.rootCa().pem, { usage }), []);
      }
    });

    it('does not report a CA-signed certificate whose issuer name equals its subject', () => {
      assert.deepEqual(check(certs.sameNameCaSigned().pem, { usage: 'inbound' }), []);
    });
  });

  describe('cert-wildcard-cn', () => {
    it('is information for inbound use and a warning otherwise', () => {
      assert.equal(only(check(certs.wildcardCn().pem, { usage: 'inbound' }), 'cert-wildcard-cn').severity, 'information');
      assert.equal(only(check(certs.wildcardCn().pem, { usage: 'outbound' }), 'cert-wildcard-cn').severity, 'warning');
      assert.equal(only(check(certs.wildcardCn().pem, { usage: 'messageLevel' }), 'cert-wildcard-cn').severity, 'warning');
      const undeclared = only(check(certs.wildcardCn().pem), 'cert-wildcard-cn');
      assert.equal(undeclared.severity, 'warning');
      assert.match(undeclared.message, /CN=\*\.example\.com.*cpisecurity/);
    });

    it('sees a wildcard DNS alternative name', () => {
      assert.match(only(check(certs.wildcardSan().pem, { usage: 'outbound' }), 'cert-wildcard-cn').message, /DNS:\*\.apps\.example\.com/);
    });
  });

  describe('validity', () => {
    it('cert-expired: past notAfter, with the date and days', () => {
      const findings = check(certs.expired().pem, { usage: 'outbound' });
      assert.deepEqual(ruleIds(findings), ['cert-expired']);
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /CN=old\.example\.com expired on \d{4}-\d\d-\d\d \(\d+ days ago\)/);
    });

    it('cert-expired: future notBefore', () => {
      assert.match(
        only(check(certs.notYetValid().pem, { usage: 'outbound' }), 'cert-expired').message,
        /not valid before .* \(in 20 days\)/,
      );
    });

    it('cert-expiring-soon: within the window only', () => {
      const finding = only(check(certs.expiringIn10Days().pem, { usage: 'outbound' }), 'cert-expiring-soon');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /expires in 10 days .*60-day warning window/);
      assert.deepEqual(check(certs.expiringIn10Days().pem, { usage: 'outbound', window: 10 }), []);
      assert.equal(check(certs.expiringIn10Days().pem, { usage: 'outbound', window: 11 }).length, 1);
      assert.deepEqual(check(certs.expiringIn10Days().pem, { usage: 'outbound', window: 0 }), []);
    });
  });

  describe('cert-weak-key', () => {
    it('reports RSA below 2048, DSA and EC below 256 bits', () => {
      assert.match(only(check(certs.rsa1024().pem, { usage: 'outbound' }), 'cert-weak-key').message, /RSA 1024 bits/);
      assert.match(only(check(certs.dsaSelfSigned().pem, { usage: 'messageLevel' }), 'cert-weak-key').message, /DSA/);
      assert.match(only(check(certs.ecP192().pem, { usage: 'messageLevel' }), 'cert-weak-key').message, /P-192, 192 bits/);
    });

    it('accepts RSA 2048, EC P-256 and Ed25519', () => {
      for (const pem of [certs.caSignedLeaf().pem, certs.ecSelfSigned().pem, certs.ed25519SelfSigned().pem]) {
        assert.ok(!ruleIds(check(pem, { usage: 'messageLevel' })).includes('cert-weak-key'));
      }
    });
  });

  describe('cert-weak-signature', () => {
    it('reports SHA-1 and MD5 signatures', () => {
      assert.match(only(check(certs.sha1Signed().pem, { usage: 'outbound' }), 'cert-weak-signature').message, /sha1WithRSAEncryption/);
      assert.match(only(check(certs.md5Signed().pem, { usage: 'outbound' }), 'cert-weak-signature').message, /MD5/);
    });

    it("ignores a trust anchor's own signature", () => {
      assert.deepEqual(check(certs.sha1Root().pem), []);
    });
  });

  describe('private-key-in-workspace', () => {
    it('reports every kind of PEM private key on its BEGIN line', () => {
      const keys = certs.privateKeyPems();
      for (const pem of [keys.rsa, keys.pkcs8, keys.encrypted, keys.ec]) {
        const finding = only(check(pem), 'private-key-in-workspace');
        assert.equal(finding.severity, 'warning');
        assert.deepEqual(finding.range.start, { line: 0, character: 0 });
        assert.deepEqual(finding.range.end, { line: 0, character: pem.split(/\r?\n/)[0].length });
      }
      assert.match(only(check(keys.encrypted), 'private-key-in-workspace').message, /ENCRYPTED PRIVATE KEY.*encrypted/);
    });

    it('reports key store and key files once, and only the key block of a certificate-and-key file', () => {
      for (const fileName of ['a.p12', 'a.pfx', 'a.jks', 'a.key']) {
        assert.deepEqual(ruleIds(check(certs.randomFile(500, true), { fileName })), ['private-key-in-workspace'], fileName);
      }
      assert.deepEqual(ruleIds(check(certs.privateKeyPems().rsa, { fileName: 'a.key' })), ['private-key-in-workspace']);
      const combined = check(certs.caSignedLeaf().pem + certs.privateKeyPems().rsa, { usage: 'outbound' });
      assert.equal(only(combined, 'private-key-in-workspace').range.start.line, certs.caSignedLeaf().pem.trimEnd().split('\n').length);
    });

    it('does not report certificates alone', () => {
      assert.deepEqual(check(certs.caSignedLeaf().pem + certs.intermediateCa().pem), []);
    });
  });

  it('reports each certificate of a mixed bundle on its own BEGIN line, skipping the unreadable one', () => {
    const text = certs.caSignedLeaf().pem + certs.garbagePem + certs.rsa1024().pem + certs.expired().pem;
    const file = readCertificateFile(certs.bytesOf(text), 'bundle.pem');
    const findings = checkCertificateFile(file, {
      uri: 'u',
      usage: 'outbound',
      now: new Date(),
      expiryWarningDays: 60,
      fileName: 'bundle.pem',
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range]),
      [
        ['cert-weak-key', file.blocks[2].headerRange],
        ['cert-expired', file.blocks[3].headerRange],
      ],
    );
    // the underline is the header line alone, not the base64 body under it
    const lines = text.split('\n');
    for (const finding of findings) {
      assert.equal(finding.range.start.line, finding.range.end.line);
      assert.equal(
        lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character),
        '-----BEGIN CERTIFICATE-----',
      );
    }
    assert.equal(file.problems.length, 1);
  });

  it('uses the catalogue default severity except for the usage-dependent wildcard rule', () => {
    const all = [
      ...check(certs.selfSignedRsa().pem, { usage: 'inbound' }),
      ...check(certs.selfSignedRsa().pem, { usage: 'outbound' }),
      ...check(certs.selfSignedRsa().pem, { usage: 'messageLevel' }),
      ...check(certs.expired().pem),
      ...check(certs.expiringIn10Days().pem),
      ...check(certs.rsa1024().pem),
      ...check(certs.sha1Signed().pem),
      ...check(certs.privateKeyPems().rsa),
    ];
    assert.equal(new Set(ruleIds(all)).size, 8);
    for (const finding of all) assert.equal(finding.severity, ruleMeta(finding.ruleId)?.defaultSeverity, finding.ruleId);
  });
});
