// The certificate details view's content (a DER file has no text to hover
// on): every certificate of a file with the findings of the same analysis
// the diagnostics, hovers and code lenses come from, in the same words.
import type { CertificateDetails, CertificateDetailsEntry, CertificateDetailsFinding } from '@cpi/common/protocol';
import type { Finding } from '@cpi/common/findings';
import { containsPosition } from '@cpi/common/text/range';
import { analyseCertificateFile, isCertificateUri } from '../core/analysis/analyse-certificate';
import { fileTooLargeMessage, RAISE_LIMIT_IN_EDITOR } from '../core/config/file-size';
import { certificateUsage } from '../core/config/globs';
import { summarizeCertificate } from '../core/certs/describe';
import type { CertificateBlock } from '../core/certs/model';
import { isoDay, validityPhrase } from '../core/certs/validity';
import { keyPhrase, signerPhrase, usagePhrase } from '../core/certs/wording';
import { bytesOf, readWithinLimit, sizeLimit } from '../engine/artifact-reader';
import type { ContentSource } from '../engine/source';
import { canonicalUri } from '../engine/uri';
import type { EditorConfiguration } from './configuration';

function detailsFinding(finding: Finding): CertificateDetailsFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message };
}

function entry(
  block: CertificateBlock & { info: NonNullable<CertificateBlock['info']> },
  findings: readonly Finding[],
  now: Date,
): CertificateDetailsEntry {
  const { info } = block;
  return {
    label: block.label,
    line: block.range.start.line,
    summary: summarizeCertificate(
      info,
      now,
      findings.map((finding) => finding.ruleId),
    ),
    subject: info.subject,
    issuer: info.issuer,
    serial: info.serial,
    notBefore: isoDay(info.notBefore),
    notAfter: isoDay(info.notAfter),
    validity: validityPhrase(info, now),
    key: keyPhrase(info),
    signatureAlgorithm: info.signatureAlgorithm,
    sha256Fingerprint: info.sha256Fingerprint,
    alternativeNames: info.subjectAltNames.map((name) => `${name.type}:${name.value}`),
    signed: `${signerPhrase(info)}${info.isCA && !info.selfSigned ? ' (intermediate CA)' : ''}`,
    findings: findings.map(detailsFinding),
  };
}

/**
 * Reads `uri` (the open document's text, else the disk) within the size
 * limit and runs the certificate analysis with the configuration in force.
 */
export async function certificateDetails(
  uri: string,
  source: ContentSource,
  configuration: EditorConfiguration,
  now = new Date(),
): Promise<CertificateDetails> {
  const empty = { uri, usage: usagePhrase(undefined), certificates: [], otherFindings: [] };
  if (!isCertificateUri(uri))
    return { ...empty, problems: ['This is not a certificate file (.pem, .crt, .cer, .der, .key, .p12, .pfx, .jks).'] };
  const resolved = await configuration.resolve(uri);
  const usage = usagePhrase(certificateUsage(resolved.config, canonicalUri(uri)));
  if (!resolved.enabled) return { ...empty, usage, problems: ['Analysis is off for this folder (setting cpiSecurity.enable).'] };
  const read = readWithinLimit(source, uri, 'certificate', sizeLimit(resolved.config));
  if (read === undefined) return { ...empty, usage, problems: ['The file does not exist.'] };
  if ('problem' in read) return { ...empty, usage, problems: [`The file ${read.problem.message}.`] };
  if ('tooLarge' in read) {
    return {
      ...empty,
      usage,
      problems: [fileTooLargeMessage('certificate', read.tooLarge.bytes, resolved.config.maxFileSizeMB, RAISE_LIMIT_IN_EDITOR)],
    };
  }
  const result = analyseCertificateFile({ uri: canonicalUri(uri), bytes: bytesOf(read.content), config: resolved.config, now });
  const placed = new Set<Finding>();
  const certificates: CertificateDetailsEntry[] = [];
  for (const block of result.file.blocks) {
    const { info } = block;
    if (!info) continue;
    const findings = result.findings.filter((finding) => !placed.has(finding) && containsPosition(block.range, finding.range.start));
    for (const finding of findings) placed.add(finding);
    certificates.push(entry({ ...block, info }, findings, now));
  }
  return {
    uri,
    usage,
    certificates,
    otherFindings: result.findings.filter((finding) => !placed.has(finding)).map(detailsFinding),
    problems: [
      ...result.problems.map((problem) => problem.message),
      ...result.ruleFailures.map(() => 'The certificate checks failed on this file; see the CPI Security Lint output.'),
    ],
  };
}
