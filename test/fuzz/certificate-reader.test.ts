import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseCertificateFile } from '../../server/src/core/analysis/analyse-certificate';
import type { CertificateFile } from '../../server/src/core/certs/model';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { describeCertificate, summarizeCertificate } from '../../server/src/core/certs/describe';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { bytesOf, caSignedLeaf, ecSelfSigned, ed25519SelfSigned, privateKeyPems, selfSignedRsa } from '../support/certs';
import { withinBudget } from './support/budget';
import { mutatedBytes, mutatedText } from './support/mutations';
import { fuzzParameters, suiteTimeout } from './support/settings';

// Certificate files are read from bytes (PEM, DER, headerless base64, UTF-16
// PEM). Whatever the bytes, the reader returns blocks and problems, never an
// exception, and what the editor shows of a certificate (hover, code lens)
// can be built from whatever it read.

const NAMES = ['cert.pem', 'cert.cer', 'cert.crt', 'cert.der', 'server.key', 'store.p12', 'README'];
const NOW = new Date('2026-06-01T12:00:00Z');

function checkFile(file: CertificateFile, what: string): void {
  assert.ok(file.problems.length <= 51, `${what}: ${file.problems.length} problems`);
  for (const item of [...file.blocks, ...file.problems]) {
    const { start, end } = item.range;
    assert.ok(
      start.line >= 0 && start.character >= 0 && (start.line < end.line || (start.line === end.line && start.character <= end.character)),
      `${what}: range ${JSON.stringify(item.range)}`,
    );
  }
  for (const block of file.blocks) {
    if (!block.info) continue;
    const { info } = block;
    assert.equal(typeof info.subject, 'string');
    assert.ok(info.notBefore instanceof Date && info.notAfter instanceof Date);
    // What the editor builds from a certificate it read: hover text and code lens summary.
    assert.equal(typeof describeCertificate(info, 'inbound', NOW), 'string');
    assert.equal(typeof summarizeCertificate(info, NOW), 'string');
  }
}

function readAndAnalyse(bytes: Uint8Array, name: string): CertificateFile {
  const file = withinBudget('readCertificateFile', bytes.length, () => readCertificateFile(bytes, name));
  checkFile(file, name);
  const result = analyseCertificateFile({ uri: `file:///fuzz/${name}`, bytes, config: DEFAULT_CONFIG, now: NOW, file });
  for (const finding of result.findings) assert.equal(typeof finding.message, 'string');
  return file;
}

describe('fuzz: certificate reader', function () {
  this.timeout(suiteTimeout(120_000));

  let ders: Buffer[] = [];
  let pems: string[] = [];

  before(() => {
    const certificates = [selfSignedRsa(), caSignedLeaf(), ecSelfSigned(), ed25519SelfSigned()];
    ders = certificates.map((c) => c.der);
    const keys = privateKeyPems();
    pems = [...certificates.map((c) => c.pem), certificates.map((c) => c.pem).join(''), `${keys.rsa}${certificates[0].pem}`, keys.ec];
  });

  it('reads the unmutated certificates (the seeds are sound)', () => {
    for (const der of ders) assert.ok(readAndAnalyse(new Uint8Array(der), 'cert.der').blocks[0]?.info, 'DER seed read');
    for (const pem of pems.slice(0, ders.length)) assert.ok(readAndAnalyse(bytesOf(pem), 'cert.pem').blocks[0]?.info, 'PEM seed read');
  });

  it('is total on random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(...NAMES),
        fc.constantFrom(0x30, 0x2d, 0xff, 0x00, -1),
        (bytes, name, first) => {
          if (first >= 0 && bytes.length > 0) bytes[0] = first; // 0x30 tries DER, "-" PEM, 0xff a UTF-16 byte order mark
          readAndAnalyse(bytes, name);
        },
      ),
      fuzzParameters(400),
    );
  });

  it('is total on mutated DER certificates', () => {
    fc.assert(
      fc.property(
        mutatedBytes(fc.constantFrom(...ders.map((d) => new Uint8Array(d))), 3),
        fc.constantFrom('cert.der', 'cert.cer'),
        (bytes, name) => void readAndAnalyse(bytes, name),
      ),
      fuzzParameters(500),
    );
  });

  it('is total on mutated PEM files, as UTF-8 and as UTF-16', () => {
    fc.assert(
      fc.property(mutatedText(fc.constantFrom(...pems), 3), fc.constantFrom(...NAMES), fc.boolean(), (text, name, utf16) => {
        const bytes = utf16 ? new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])) : bytesOf(text);
        readAndAnalyse(bytes, name);
      }),
      fuzzParameters(500),
    );
  });

  it('is total on mutated base64 of a certificate (headerless .cer exports)', () => {
    fc.assert(
      fc.property(
        mutatedText(fc.constantFrom(...ders.map((d) => d.toString('base64').replace(/.{64}/g, '$&\r\n'))), 3),
        (text) => void readAndAnalyse(bytesOf(text), 'cert.cer'),
      ),
      fuzzParameters(200),
    );
  });
});
