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

// A rule's help link is its SAP Help page where that page's loio was checked
// against SAP's published doc sources (see knowledge/sap-pages); otherwise it
// stays on the FAQ answer.
export const RULES: readonly RuleMeta[] = [
  // Network and transport
  rule('outbound-port-not-open', 'network', 'warning', 'Outbound port not open by default', [FAQ.httpPorts, FAQ.sftpSmtpPorts]),
  rule('nonstandard-mail-port', 'network', 'information', 'Mail sender on a non-standard port', [FAQ.sftpSmtpPorts], helpPageUrl('e23e9cce8a974b8c8012ffcad5494766')), // Configure the Mail Sender Adapter
  rule('smtp-port-25', 'network', 'information', 'SMTP on port 25', [FAQ.sftpSmtpPorts], helpPageUrl('f68d5e03fd574f509f89474f6a6e272a')), // Configure the Mail Receiver Adapter
  rule('cleartext-http-endpoint', 'network', 'warning', 'Plain HTTP endpoint on the Internet', [FAQ.httpPorts], helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9')), // Use Secure Protocols
  rule('cleartext-basic-auth', 'network', 'error', 'Basic authentication over plain HTTP', [FAQ.httpPorts], helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5')), // Use Secure Authentication Methods
  rule('client-cert-over-http', 'network', 'error', 'Client certificate over plain HTTP', [FAQ.selfSignedClientAuth], helpPageUrl('2da452effb764b3bb28f8e0a2f5bd480')), // HTTP Receiver Adapter
  rule('onpremise-client-cert', 'network', 'error', 'Client certificate through Cloud Connector', [FAQ.cloudConnector], helpPageUrl('2da452effb764b3bb28f8e0a2f5bd480')), // HTTP Receiver Adapter
  rule('onpremise-https-address', 'network', 'information', 'HTTPS address through Cloud Connector', [FAQ.cloudConnector], helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9')), // Use Secure Protocols
  rule('private-host-via-internet', 'network', 'warning', 'Private host reached over the Internet', [FAQ.cloudConnector]),
  rule('mail-unencrypted', 'network', 'warning', 'Mail without encryption', [FAQ.sftpSmtpPorts], helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9')), // Use Secure Protocols
  rule('mail-cleartext-password', 'network', 'error', 'Mail password sent in clear text', [FAQ.sftpSmtpPorts], helpPageUrl('f68d5e03fd574f509f89474f6a6e272a')), // Configure the Mail Receiver Adapter
  rule('mail-starttls-optional', 'network', 'warning', 'Optional STARTTLS for mail', [FAQ.sftpSmtpPorts], helpPageUrl('f68d5e03fd574f509f89474f6a6e272a')), // Configure the Mail Receiver Adapter
  rule('amqp-without-tls', 'network', 'warning', 'AMQP without TLS', [FAQ.httpPorts], helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9')), // Use Secure Protocols
  rule('sftp-deprecated-algorithms', 'network', 'warning', 'SFTP allows deprecated algorithms', [FAQ.sftpSmtpPorts], helpPageUrl('4ef52cf6c89b44219ab7c23ef8a1df31')), // Configure the SFTP Receiver Adapter
  // Authentication and authorization
  rule('receiver-auth-none', 'authentication', 'information', 'Receiver without authentication', [FAQ.httpPorts], helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5')), // Use Secure Authentication Methods
  rule('csrf-protection-disabled', 'authentication', 'warning', 'CSRF protection switched off', [FAQ.assignRoles], helpPageUrl('a0765d56b6024f29a41a3a747f993499')), // Use CSRF Protection
  rule('generic-sender-role', 'authentication', 'information', 'Sender accepts the generic ESBMessaging.send role', [FAQ.assignRoles, FAQ.listRoles], helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5')), // Use Secure Authentication Methods
  rule('sender-certificate-dn-auth', 'authentication', 'warning', 'Sender authenticates by certificate subject and issuer', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory], helpPageUrl('a178913a4d3245ab9bff2a0edcc331d5')), // Configure the SOAP (SOAP 1.x) Sender Adapter
  rule('inbound-cert-self-signed', 'authentication', 'error', 'Self-signed inbound client certificate', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory]),
  rule('cleartext-secret', 'authentication', 'error', 'Secret in clear text', [FAQ.keystoreOwner], helpPageUrl('b8ccb53b9ec44652b885476f02184a0f')), // Managing Security Material
  rule('weak-message-crypto', 'authentication', 'warning', 'Weak message-level signing or encryption algorithm', [FAQ.messageLevelProcedure, FAQ.selfSignedMessageLevel], helpPageUrl('463a9085156d4672bc4ee9095277e453')), // Message-Level Security
  rule('allowed-headers-wildcard', 'authentication', 'information', 'All headers allowed', [FAQ.httpPorts], helpPageUrl('0c1c96e50ff340869090469d260976f3')), // Specify the Runtime Configuration
  // Certificates
  rule('outbound-cert-self-signed', 'certificates', 'warning', 'Self-signed outbound certificate', [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory]),
  rule('message-cert-self-signed', 'certificates', 'information', 'Self-signed message-level certificate', [FAQ.selfSignedMessageLevel]),
  rule('cert-wildcard-cn', 'certificates', 'warning', 'Wildcard certificate name', [FAQ.wildcardCn]),
  rule('cert-expired', 'certificates', 'error', 'Certificate expired or not yet valid', [FAQ.keystoreOwner], helpPageUrl('b1635139eb1f42728e249004ae2d617b')), // Keystore
  rule('cert-expiring-soon', 'certificates', 'warning', 'Certificate expiring soon', [FAQ.keystoreOwner], helpPageUrl('7d24b61c989e4fa5851797fe391e83d2')), // Managing the Lifecycle of Keys
  rule('cert-weak-key', 'certificates', 'error', 'Weak certificate key', [FAQ.caSignedMandatory], helpPageUrl('78957243ced5427abf130ce3f90d3234')), // Security Aspects of Data, Data Flow for Cloud Integration
  rule('cert-weak-signature', 'certificates', 'warning', 'Weak certificate signature', [FAQ.messageLevelProcedure], helpPageUrl('463a9085156d4672bc4ee9095277e453')), // Message-Level Security
  rule('private-key-in-workspace', 'certificates', 'warning', 'Private key in the workspace', [FAQ.keystoreOwner], helpPageUrl('2dc8942e02de4be59bd2afaa3bfdc591')), // Managing Keystore Entries
];

const BY_ID = new Map(RULES.map((meta) => [meta.id, meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
