import { LineIndex, type Range } from '@cpi/common/text/range';
import { readCertificateInfo } from './certificate-info';
import type { BlockKind, CertificateBlock, CertificateFile, CertificateProblem } from './model';
import { decodePemBody, looksLikeBareBase64, scanPem, type PemBlock } from './pem';

// Certificate files (.pem .crt .cer .der, PEM bundles, DER, headerless
// base64) to blocks with their certificate details. Total: unreadable input
// becomes problems, never an exception.

/** Certificate files are kilobytes; a CA bundle a few hundred. Beyond this we read only the start. */
export const MAX_EXAMINED_BYTES = 4 * 1024 * 1024;

const KEY_STORES: Readonly<Record<string, 'PKCS#12' | 'JKS'>> = { '.p12': 'PKCS#12', '.pfx': 'PKCS#12', '.jks': 'JKS' };
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function fileExtension(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function blockKind(label: string): BlockKind {
  if (CERTIFICATE_LABELS.has(label)) return 'certificate';
  if (label.includes('PRIVATE KEY')) return 'private-key';
  return 'other';
}

export function readCertificateFile(bytes: Uint8Array, fileName: string): CertificateFile {
  try {
    return read(bytes, fileName);
  } catch (error) {
    // Defensive: every reader below already catches; this keeps the promise if one slips.
    return { blocks: [], problems: [{ message: unreadable(error), range: START }] };
  }
}

function read(bytes: Uint8Array, fileName: string): CertificateFile {
  const extension = fileExtension(fileName);
  const keyStore = KEY_STORES[extension];
  if (keyStore) return { blocks: [], problems: [], keyStore };
  if (bytes.length === 0) return { blocks: [], problems: [{ message: 'Empty file: not a readable certificate.', range: START }] };

  const examined = bytes.length > MAX_EXAMINED_BYTES ? bytes.subarray(0, MAX_EXAMINED_BYTES) : bytes;
  const problems: CertificateProblem[] = [];
  if (examined !== bytes) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    problems.push({
      message: `File is ${megabytes} MB, far larger than any certificate file; only its first ${MAX_EXAMINED_BYTES / (1024 * 1024)} MB were examined.`,
      range: START,
    });
  }
  const text = new TextDecoder(textEncoding(examined)).decode(examined);
  const blocks = text.includes('-----BEGIN ') ? readPem(text, problems) : readBinaryOrBase64(examined, text, extension, problems);
  if (extension !== '.key' && blocks.length > 0 && !blocks.some((b) => b.kind !== 'other')) {
    const labels = [...new Set(blocks.map((b) => b.label))].join(', ');
    problems.push({ message: `No certificate in this file (it holds ${labels}).`, range: blocks[0].range });
  }
  return { blocks, problems: capProblems(problems) };
}

/** Windows tools sometimes save PEM as UTF-16 with a byte order mark; editors honour it, so do we. */
function textEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Hostile input can hold thousands of broken blocks; the editor needs only the first few. */
const MAX_PROBLEMS = 50;

function capProblems(problems: CertificateProblem[]): CertificateProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  kept.push({ message: `${problems.length - MAX_PROBLEMS} more unreadable blocks are not listed.`, range: problems[MAX_PROBLEMS].range });
  return kept;
}

function readPem(text: string, problems: CertificateProblem[]): CertificateBlock[] {
  const lines = new LineIndex(text);
  return scanPem(text).map((pem) => {
    const range = lines.rangeOf(pem.start, pem.end);
    const kind = blockKind(pem.label);
    const block =
      pem.error !== undefined ? { kind, label: pem.label, range, problem: unreadable(pem.error) } : readPemBlock(pem, kind, range);
    if (block.problem !== undefined) problems.push({ message: block.problem, range });
    return { ...block, headerRange: lines.rangeOf(pem.start, lineEnd(text, pem.start, pem.end)) };
  });
}

/** The problem text for a block or file that could not be read, and why. */
function unreadable(reason: unknown): string {
  return `Not a readable certificate: ${reason instanceof Error ? reason.message : String(reason)}.`;
}

/** Where the first line starting at `from` ends (before its line break), at most at `limit`. */
function lineEnd(text: string, from: number, limit: number): number {
  const match = /\r?\n/.exec(text.slice(from, limit));
  return match ? from + match.index : limit;
}

type UnplacedBlock = Omit<CertificateBlock, 'headerRange'>;

function readPemBlock(pem: PemBlock, kind: BlockKind, range: Range): UnplacedBlock {
  if (kind !== 'certificate') return { kind, label: pem.label, range };
  return readBase64Certificate(pem.body, pem.label, range);
}

/** A certificate from base64 text: a PEM body, or a headerless base64 file. */
function readBase64Certificate(body: string, label: string, range: Range): UnplacedBlock {
  const decoded = decodePemBody(body);
  if ('error' in decoded) return { kind: 'certificate', label, range, problem: unreadable(decoded.error) };
  // OpenSSL's TRUSTED CERTIFICATE appends trust settings after the certificate.
  const der = label === 'TRUSTED CERTIFICATE' ? firstDerValue(decoded.der) : decoded.der;
  return readDer(der, 'certificate', label, range);
}

function readDer(der: Buffer, kind: BlockKind, label: string, range: Range): UnplacedBlock {
  try {
    return { kind, label, range, info: readCertificateInfo(der) };
  } catch (error) {
    return { kind, label, range, problem: unreadable(error) };
  }
}

function readBinaryOrBase64(bytes: Uint8Array, text: string, extension: string, problems: CertificateProblem[]): CertificateBlock[] {
  // A .key file that is not PEM is a binary key; the private-key rule reports the file itself.
  if (extension === '.key') return [];
  let block: CertificateBlock | undefined;
  if (bytes[0] === 0x30) {
    block = { ...readDer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'certificate', 'DER', START), headerRange: START };
  } else if (looksLikeBareBase64(text)) {
    const lines = new LineIndex(text);
    block = {
      ...readBase64Certificate(text, 'BASE64', lines.rangeOf(0, text.length)),
      headerRange: lines.rangeOf(0, lineEnd(text, 0, text.length)),
    };
  }
  if (!block) {
    problems.push({ message: 'Not a readable certificate: neither PEM (no -----BEGIN CERTIFICATE----- line) nor DER.', range: START });
    return [];
  }
  if (block.problem !== undefined) problems.push({ message: block.problem, range: block.range });
  return [block];
}

/** The first complete DER value (tag, length, content) at the start of the bytes. */
function firstDerValue(der: Buffer): Buffer {
  if (der.length < 2) return der;
  const first = der[1];
  let headerLength = 2;
  let contentLength = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || der.length < 2 + count) return der;
    contentLength = 0;
    for (let n = 0; n < count; n++) contentLength = contentLength * 256 + der[2 + n];
    headerLength += count;
  }
  const total = headerLength + contentLength;
  return total <= der.length ? der.subarray(0, total) : der;
}
