import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { CertificateInfo, CertificateUsage } from './model';
import { isoDay, validityPhrase } from './validity';
import { certificateName, keyPhrase, signerPhrase, usagePhrase } from './wording';

// Hover text and code-lens line for one certificate.

/** Text inside a Markdown code span (a backtick would end it). */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

interface FaqFact {
  readonly text: string;
  readonly section: string;
}

/** The SAP FAQ answers that apply to this certificate in this usage. */
function faqFacts(info: CertificateInfo, usage: CertificateUsage | undefined): FaqFact[] {
  const facts: FaqFact[] = [];
  if (info.selfSigned && info.isCA) {
    facts.push({
      text: 'A self-signed CA certificate is a trust anchor (a root CA uploaded to the keystore); the self-signed rules do not apply to it. For inbound client authentication the root must be one SAP lists as supported.',
      section: FAQ.approvedCas,
    });
  } else if (!info.selfSigned) {
    // CA-signed: what SAP recommends already holds, nothing to quote
  } else if (usage === 'inbound') {
    facts.push({
      text: 'Self-signed certificates are not supported for inbound client authentication: the client certificate must be CA-signed.',
      section: FAQ.selfSignedClientAuth,
    });
  } else if (usage === 'messageLevel') {
    facts.push({
      text: 'Self-signed certificates can be used for message-level signing and encryption, though SAP recommends CA-signed ones.',
      section: FAQ.selfSignedMessageLevel,
    });
  } else {
    facts.push({ text: 'For outbound connections SAP recommends a CA-signed certificate.', section: FAQ.selfSignedClientAuth });
  }
  if (info.wildcardCn || info.wildcardDnsNames.length > 0) {
    facts.push({
      text: 'SAP recommends the full host name in the CN; wildcards are supported for certificate-based client authentication only.',
      section: FAQ.wildcardCn,
    });
  }
  return facts;
}

export function describeCertificate(info: CertificateInfo, usage: CertificateUsage | undefined, now: Date): string {
  const altNames = info.subjectAltNames.map((n) => `${n.type}:${n.value}`);
  const signer = info.selfSigned
    ? signerPhrase(info)
    : `CA-signed${info.selfIssued ? ' (issuer name equals subject, but another key signed it)' : ''}`;
  const lines = [
    `**Certificate** ${code(info.subject || '(empty subject)')}`,
    '',
    `- **Issuer:** ${code(info.issuer || '(empty)')}`,
    `- **Serial:** ${code(info.serial)}`,
    `- **Valid:** ${isoDay(info.notBefore)} to ${isoDay(info.notAfter)} (${validityPhrase(info, now)})`,
    `- **Key:** ${keyPhrase(info)}${/^(RSA|RSA-PSS|DSA)$/.test(info.keyType) && info.keyBits !== undefined ? ' bits' : ''}`,
    `- **Signature:** ${info.signatureAlgorithm}`,
    `- **SHA-256:** ${code(info.sha256Fingerprint)}`,
    ...(altNames.length > 0 ? [`- **Alternative names:** ${altNames.map(code).join(', ')}`] : []),
    `- **Signed:** ${signer}${info.isCA && !info.selfSigned ? ' (intermediate CA)' : ''}`,
    `- **Usage:** ${usagePhrase(usage)}`,
    '',
    ...faqFacts(info, usage).map((fact) => `${fact.text} [SAP FAQ](${faqUrl(fact.section)})`),
  ];
  return lines.join('\n');
}

/** What a rule found wrong with the certificate, in a word or two for the code lens. */
function weakness(ruleId: string, info: CertificateInfo, now: Date): string | undefined {
  switch (ruleId) {
    case 'cert-weak-key':
      return keyPhrase(info);
    case 'cert-weak-signature':
      return info.signatureHash ?? info.signatureAlgorithm;
    case 'cert-expired':
    case 'cert-expiring-soon':
      return validityPhrase(info, now);
    case 'cert-wildcard-cn':
      return 'wildcard name';
    case 'inbound-cert-self-signed':
    case 'outbound-cert-self-signed':
    case 'message-cert-self-signed':
      return 'self-signed';
    default:
      return undefined;
  }
}

/**
 * One line for a code lens: `CN=api.example.com · RSA 2048 · expires in 41 days · CA-signed`,
 * led by the weaknesses the rules found (`⚠ RSA 1024 · CN=legacy…`).
 */
export function summarizeCertificate(info: CertificateInfo, now: Date, ruleIds: readonly string[] = []): string {
  const weaknesses = [...new Set(ruleIds.map((id) => weakness(id, info, now)).filter((w): w is string => w !== undefined))];
  const summary = [certificateName(info), keyPhrase(info), validityPhrase(info, now), signerPhrase(info)].join(' · ');
  return weaknesses.length > 0 ? `⚠ ${weaknesses.join(', ')} · ${summary}` : summary;
}
