import type { Severity } from '../findings';

// Rule metadata: the ids are a public contract (configuration, SARIF,
// suppressions, baselines), so they are spelled once, here.

export type RuleSection = 'network' | 'authentication' | 'certificates';

export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly section: RuleSection;
  readonly defaultSeverity: Severity;
  /** SAP Help page behind the rule (the diagnostic's codeDescription). */
  readonly helpUrl: string;
  /** FAQ section ids (see knowledge/faq) the rule draws on. */
  readonly faq: readonly string[];
}

const HELP = 'https://help.sap.com/docs/CLOUD_INTEGRATION/368c481cd6954bdfa5d0435479fd4eaf/';
const FAQ_LOIO = '58ff94fc64784e3d9e53f357f08a0bce';

/** Link to one answer of the Cloud Integration security FAQ. */
export function faqUrl(sectionId: string): string {
  return `${HELP}${FAQ_LOIO}.html?version=Cloud#loio${FAQ_LOIO}__${sectionId}`;
}

/** Link to a Cloud Integration documentation page by its loio. */
export function helpPageUrl(loio: string): string {
  return `${HELP}${loio}.html?version=Cloud`;
}

// FAQ section ids, named after their questions.
export const FAQ = {
  addUsers: 'section_jg5_jjd_x1b',
  listRoles: 'section_k2k_sjd_x1b',
  assignRoles: 'section_xc2_mv1_v2b',
  contactOperations: 'section_tz2_1kd_x1b',
  caSignedMandatory: 'section_dfb_2kd_x1b',
  approvedCas: 'section_lwv_3kd_x1b',
  wildcardCn: 'section_vr5_zkd_x1b',
  selfSignedClientAuth: 'section_pd4_bld_x1b',
  selfSignedMessageLevel: 'section_q12_2ld_x1b',
  keystoreOwner: 'section_w1h_jld_x1b',
  messageLevelProcedure: 'section_dj2_rld_x1b',
  sftpSmtpPorts: 'section_cr4_hmd_x1b',
  httpPorts: 'section_fhy_mmd_x1b',
  ipAllowlist: 'section_hn4_4md_x1b',
  dataCenters: 'section_j5w_1nd_x1b',
  cloudConnector: 'section_egj_2nd_x1b',
} as const;

function rule(
  id: string,
  section: RuleSection,
  defaultSeverity: Severity,
  title: string,
  faq: readonly string[],
  helpUrl: string = faqUrl(faq[0] ?? FAQ.httpPorts),
): RuleMeta {
  return { id, section, defaultSeverity, title, faq, helpUrl };
}

export const RULES: readonly RuleMeta[] = [
  // Network and transport
  rule('outbound-port-not-open', 'network', 'warning', 'Outbound port not open by default', [FAQ.httpPorts, FAQ.sftpSmtpPorts]),
  rule('nonstandard-mail-port', 'network', 'information', 'Mail sender on a non-standard port', [FAQ.sftpSmtpPorts]),
  rule('smtp-port-25', 'network', 'information', 'SMTP on port 25', [FAQ.sftpSmtpPorts]),
  rule('cleartext-http-endpoint', 'network', 'warning', 'Plain HTTP endpoint on the Internet', [FAQ.httpPorts]),
  rule('cleartext-basic-auth', 'network', 'error', 'Basic authentication over plain HTTP', [FAQ.httpPorts]),
  rule('client-cert-over-http', 'network', 'error', 'Client certificate over plain HTTP', [FAQ.selfSignedClientAuth]),
  rule('onpremise-client-cert', 'network', 'error', 'Client certificate through Cloud Connector', [FAQ.cloudConnector]),
  rule('onpremise-https-address', 'network', 'information', 'HTTPS address through Cloud Connector', [FAQ.cloudConnector]),
  rule('private-host-via-internet', 'network', 'warning', 'Private host reached over the Internet', [FAQ.cloudConnector]),
  rule('mail-unencrypted', 'network', 'warning', 'Mail without encryption', [FAQ.sftpSmtpPorts]),
  rule('mail-cleartext-password', 'network', 'error', 'Mail password sent in clear text', [FAQ.sftpSmtpPorts]),
  rule('mail-starttls-optional', 'network', 'warning', 'Optional STARTTLS for mail', [FAQ.sftpSmtpPorts]),
  rule('amqp-without-tls', 'network', 'warning', 'AMQP without TLS', [FAQ.httpPorts]),
  rule('sftp-deprecated-algorithms', 'network', 'warning', 'SFTP allows deprecated algorithms', [FAQ.sftpSmtpPorts]),
  // Authentication and authorization
  rule('receiver-auth-none', 'authentication', 'information', 'Receiver without authentication', [FAQ.httpPorts]),
  rule('csrf-protection-disabled', 'authentication', 'warning', 'CSRF protection switched off', [FAQ.assignRoles]),
  rule('generic-sender-role', 'authentication', 'information', 'Sender accepts the generic ESBMessaging.send role', [FAQ.assignRoles, FAQ.listRoles]),
  rule('sender-certificate-dn-auth', 'authentication', 'warning', 'Sender authenticates by certificate subject and issuer', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory]),
  rule('inbound-cert-self-signed', 'authentication', 'error', 'Self-signed inbound client certificate', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory]),
  rule('cleartext-secret', 'authentication', 'error', 'Secret in clear text', [FAQ.keystoreOwner]),
  rule('weak-message-crypto', 'authentication', 'warning', 'Weak message-level signing or encryption algorithm', [FAQ.messageLevelProcedure, FAQ.selfSignedMessageLevel]),
  rule('allowed-headers-wildcard', 'authentication', 'information', 'All headers allowed', [FAQ.httpPorts]),
  // Certificates
  rule('outbound-cert-self-signed', 'certificates', 'warning', 'Self-signed outbound certificate', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory]),
  rule('message-cert-self-signed', 'certificates', 'information', 'Self-signed message-level certificate', [FAQ.selfSignedMessageLevel]),
  rule('cert-wildcard-cn', 'certificates', 'warning', 'Wildcard certificate name', [FAQ.wildcardCn]),
  rule('cert-expired', 'certificates', 'error', 'Certificate expired or not yet valid', [FAQ.keystoreOwner]),
  rule('cert-expiring-soon', 'certificates', 'warning', 'Certificate expiring soon', [FAQ.keystoreOwner]),
  rule('cert-weak-key', 'certificates', 'error', 'Weak certificate key', [FAQ.caSignedMandatory]),
  rule('cert-weak-signature', 'certificates', 'warning', 'Weak certificate signature', [FAQ.messageLevelProcedure]),
  rule('private-key-in-workspace', 'certificates', 'warning', 'Private key in the workspace', [FAQ.keystoreOwner]),
];

const BY_ID = new Map(RULES.map((meta) => [meta.id, meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
