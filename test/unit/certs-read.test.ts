import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readCertificateInfoWithNode } from '../../server/src/core/certs/certificate-info';
import { readCertificateFile } from '../../server/src/core/certs/read';
import * as certs from '../support/certs';

const END_LINE = '-----END CERTIFICATE-----';

function infoOf(pem: string, fileName = 'c.pem') {
  const file = readCertificateFile(certs.bytesOf(pem), fileName);
  assert.deepEqual(file.problems, []);
  assert.equal(file.blocks.length, 1);
  const info = file.blocks[0].info;
  assert.ok(info, 'certificate was read');
  return info;
}

describe('certificate files: reading', () => {
  it('reads the details of a CA-signed RSA certificate', () => {
    const leaf = certs.caSignedLeaf();
    const info = infoOf(leaf.pem);
    assert.equal(info.subject, 'CN=api.example.com');
    assert.equal(info.issuer, 'CN=Test Issuing CA, O=Example');
    assert.deepEqual(info.issuerAttributes, [
      { type: 'CN', value: 'Test Issuing CA' },
      { type: 'O', value: 'Example' },
    ]);
    assert.equal(info.keyType, 'RSA');
    assert.equal(info.keyBits, 2048);
    assert.equal(info.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(info.signatureHash, 'SHA-256');
    const node = new X509Certificate(leaf.der);
    assert.equal(info.sha256Fingerprint, node.fingerprint256);
    assert.equal(info.serial, node.serialNumber.toLowerCase());
    assert.equal(info.notAfter.getTime(), new Date(node.validTo).getTime());
    assert.deepEqual(info.subjectAltNames, [
      { type: 'DNS', value: 'api.example.com' },
      { type: 'IP', value: '10.1.2.3' },
    ]);
    assert.equal(info.isCA, false);
    assert.equal(info.selfSigned, false);
    assert.equal(info.readBy, 'node-forge');
  });

  it('knows a self-signed certificate, also when its key usage lacks keyCertSign', () => {
    const info = infoOf(certs.selfSignedRsa().pem);
    assert.equal(info.selfIssued, true);
    assert.equal(info.selfSigned, true);
    assert.equal(info.isCA, false);
  });

  it('marks a self-signed root as a CA', () => {
    const info = infoOf(certs.rootCa().pem);
    assert.equal(info.selfSigned, true);
    assert.equal(info.isCA, true);
  });

  it('does not call a CA-signed certificate self-signed because its issuer name equals its subject', () => {
    const info = infoOf(certs.sameNameCaSigned().pem);
    assert.equal(info.selfIssued, true);
    assert.equal(info.selfSigned, false);
  });

  it('reads EC, Ed25519 and DSA certificates that forge cannot hold', () => {
    const ec = infoOf(certs.ecSelfSigned().pem);
    assert.equal(ec.keyType, 'EC');
    assert.equal(ec.curve, 'prime256v1');
    assert.equal(ec.keyBits, 256);
    assert.equal(ec.signatureAlgorithm, 'ecdsa-with-SHA256');
    assert.equal(ec.subject, 'CN=ec.example.com');
    assert.equal(ec.selfSigned, true);
    const ecLeaf = infoOf(certs.ecCaSigned().pem);
    assert.equal(ecLeaf.selfSigned, false);
    assert.equal(ecLeaf.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(infoOf(certs.ecP192().pem).keyBits, 192);
    const ed = infoOf(certs.ed25519SelfSigned().pem);
    assert.equal(ed.keyType, 'Ed25519');
    assert.equal(ed.signatureAlgorithm, 'Ed25519');
    assert.equal(ed.selfSigned, true);
    const dsa = infoOf(certs.dsaSelfSigned().pem);
    assert.equal(dsa.keyType, 'DSA');
    assert.equal(dsa.keyBits, 2048);
    assert.equal(dsa.signatureAlgorithm, 'dsa-with-SHA256');
  });

  it('reads the same details with Node alone (the fallback when forge cannot read the DER)', () => {
    for (const generated of [certs.ecSelfSigned(), certs.caSignedLeaf(), certs.rootCa()]) {
      const forgeInfo = infoOf(generated.pem);
      const nodeInfo = readCertificateInfoWithNode(generated.der);
      assert.ok(nodeInfo);
      assert.equal(nodeInfo.readBy, 'node-crypto');
      for (const key of [
        'subject',
        'issuer',
        'serial',
        'keyType',
        'keyBits',
        'curve',
        'signatureAlgorithm',
        'sha256Fingerprint',
        'isCA',
        'selfSigned',
      ] as const) {
        assert.deepEqual(nodeInfo[key], forgeInfo[key], key);
      }
      assert.deepEqual(nodeInfo.subjectAltNames, forgeInfo.subjectAltNames);
      assert.equal(nodeInfo.notAfter.getTime(), forgeInfo.notAfter.getTime());
    }
  });

  it('reads SHA-1 and MD5 signatures', () => {
    assert.equal(infoOf(certs.sha1Signed().pem).signatureHash, 'SHA-1');
    const md5 = infoOf(certs.md5Signed().pem);
    assert.equal(md5.signatureAlgorithm, 'md5WithRSAEncryption');
    assert.equal(md5.signatureHash, 'MD5');
  });

  it('flags wildcards in the CN and in DNS alternative names', () => {
    assert.equal(infoOf(certs.wildcardCn().pem).wildcardCn, true);
    const san = infoOf(certs.wildcardSan().pem);
    assert.equal(san.wildcardCn, false);
    assert.deepEqual(san.wildcardDnsNames, ['*.apps.example.com']);
  });

  it('reads DER files, with the empty range at the start of the file', () => {
    const leaf = certs.caSignedLeaf();
    for (const name of ['c.der', 'c.cer', 'c.crt']) {
      const file = readCertificateFile(new Uint8Array(leaf.der), name);
      assert.deepEqual(file.problems, []);
      assert.equal(file.blocks[0].label, 'DER');
      assert.deepEqual(file.blocks[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(file.blocks[0].info?.subject, 'CN=api.example.com');
    }
  });

  it('reads headerless base64 and TRUSTED CERTIFICATE blocks', () => {
    const leaf = certs.caSignedLeaf();
    const bare = infoOf(leaf.der.toString('base64').replace(/.{64}/g, '$&\n'), 'c.cer');
    assert.equal(bare.subject, 'CN=api.example.com');
    const trusted = certs.toPem('TRUSTED CERTIFICATE', Buffer.concat([leaf.der, Buffer.from([0x30, 0x00])]));
    assert.equal(infoOf(trusted).subject, 'CN=api.example.com');
  });

  it('gives each block of a bundle the exact range of its BEGIN..END lines', () => {
    const a = certs.caSignedLeaf().pem.trimEnd().split(/\r?\n/);
    const b = certs.intermediateCa().pem.trimEnd().split(/\r?\n/);
    const key = certs.privateKeyPems().ec.trimEnd().split('\n');
    const lines = ['subject=CN = api.example.com', ...a, '', '# issuing CA', ...b, ...key];
    for (const eol of ['\n', '\r\n']) {
      const file = readCertificateFile(certs.bytesOf(lines.join(eol) + eol), 'bundle.pem');
      assert.deepEqual(file.problems, []);
      assert.deepEqual(
        file.blocks.map((block) => [block.kind, block.range]),
        [
          ['certificate', { start: { line: 1, character: 0 }, end: { line: a.length, character: END_LINE.length } }],
          [
            'certificate',
            { start: { line: a.length + 3, character: 0 }, end: { line: a.length + 2 + b.length, character: END_LINE.length } },
          ],
          [
            'private-key',
            {
              start: { line: a.length + 3 + b.length, character: 0 },
              end: { line: a.length + 2 + b.length + key.length, character: '-----END EC PRIVATE KEY-----'.length },
            },
          ],
        ],
      );
      assert.equal(file.blocks[1].info?.subject, 'CN=Test Issuing CA, O=Example');
    }
  });

  it('reads PEM saved as UTF-16 with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(certs.caSignedLeaf().pem, 'utf16le')]);
    assert.equal(infoOf(certs.caSignedLeaf().pem).subject, readCertificateFile(new Uint8Array(utf16), 'c.crt').blocks[0].info?.subject);
  });

  it('labels private key blocks of every kind', () => {
    const keys = certs.privateKeyPems();
    const labels = [keys.rsa, keys.pkcs8, keys.encrypted, keys.ec].map((pem) =>
      readCertificateFile(certs.bytesOf(pem), 'k.pem').blocks.map((b) => [b.kind, b.label]),
    );
    assert.deepEqual(labels, [
      [['private-key', 'RSA PRIVATE KEY']],
      [['private-key', 'PRIVATE KEY']],
      [['private-key', 'ENCRYPTED PRIVATE KEY']],
      [['private-key', 'EC PRIVATE KEY']],
    ]);
  });

  it('does not open key stores', () => {
    assert.deepEqual(readCertificateFile(certs.randomFile(2000, true), 'store.p12'), { blocks: [], problems: [], keyStore: 'PKCS#12' });
    assert.deepEqual(readCertificateFile(certs.randomFile(2000, false), 'store.jks'), { blocks: [], problems: [], keyStore: 'JKS' });
    assert.deepEqual(readCertificateFile(certs.randomFile(2000, true), 'binary.key'), { blocks: [], problems: [] });
  });

  it('says when a PEM file holds no certificate', () => {
    const file = readCertificateFile(certs.bytesOf(certs.toPem('PUBLIC KEY', Buffer.from([1, 2, 3]))), 'p.pem');
    assert.equal(file.blocks[0].kind, 'other');
    assert.match(file.problems[0].message, /No certificate.*PUBLIC KEY/);
  });
});

describe('certificate files: bad input', () => {
  function unreadable(bytes: Uint8Array, name = 'bad.pem') {
    const file = readCertificateFile(bytes, name);
    assert.ok(file.problems.length >= 1, 'a problem is reported');
    assert.ok(file.blocks.every((b) => b.info === undefined));
    return file;
  }

  it('reports an empty file', () => {
    assert.match(unreadable(new Uint8Array(0)).problems[0].message, /Empty file/);
  });

  it('reports random bytes, whether or not they start like DER', () => {
    assert.match(unreadable(certs.randomFile(3000, false), 'r.crt').problems[0].message, /not a readable certificate/i);
    assert.match(unreadable(certs.randomFile(3000, true), 'r.der').problems[0].message, /not a readable certificate/i);
  });

  it('reports truncated base64 on the block range', () => {
    for (const cut of [101, 100]) {
      const text = certs.truncatedPem(certs.caSignedLeaf().pem, cut);
      const file = unreadable(certs.bytesOf(text));
      assert.equal(file.problems.length, 1);
      assert.deepEqual(file.problems[0].range.start, { line: 0, character: 0 });
      assert.equal(file.problems[0].message, file.blocks[0].problem);
    }
  });

  it('reports a PEM header around garbage', () => {
    assert.match(unreadable(certs.bytesOf(certs.garbagePem)).problems[0].message, /not base64/);
    unreadable(certs.bytesOf(certs.randomBase64Pem()));
  });

  it('reports a BEGIN line without END and a mismatched END', () => {
    const leaf = certs.caSignedLeaf().pem;
    const noEnd = leaf.replace(/-----END CERTIFICATE-----\s*$/, '');
    assert.match(unreadable(certs.bytesOf(noEnd)).problems[0].message, /without an END CERTIFICATE/);
    assert.match(unreadable(certs.bytesOf(leaf.replace('END CERTIFICATE', 'END X509 CRL'))).problems[0].message, /ends with END X509 CRL/);
  });

  it('still reads the good certificates of a bundle around a bad block', () => {
    const text = certs.caSignedLeaf().pem + certs.garbagePem + certs.rsa1024().pem;
    const file = readCertificateFile(certs.bytesOf(text), 'mixed.pem');
    assert.equal(file.blocks.length, 3);
    assert.equal(file.blocks[0].info?.subject, 'CN=api.example.com');
    assert.ok(file.blocks[1].problem);
    assert.equal(file.blocks[2].info?.keyBits, 1024);
    assert.deepEqual(
      file.problems.map((p) => p.range),
      [file.blocks[1].range],
    );
  });

  it('lists only the first 50 problems of a file full of broken blocks', () => {
    const file = unreadable(certs.bytesOf(certs.garbagePem.repeat(200)));
    assert.equal(file.problems.length, 51);
    assert.match(file.problems[50].message, /^150 more unreadable blocks/);
  });

  it('finishes on 50 MB of hostile PEM and of random bytes, reporting the size', () => {
    const hostile = unreadable(certs.hugeHostileFile());
    assert.match(hostile.problems[0].message, /50\.0 MB/);
    const random = unreadable(certs.randomFile(50 * 1024 * 1024, true), 'big.der');
    assert.match(random.problems[0].message, /50\.0 MB/);
  });
});
