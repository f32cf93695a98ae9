import { FAQ } from './sap-help';
import type { KeyExplanation } from './types';

// Short notes on the iFlow property keys that matter for security, shown when
// hovering a key in an .iflw. Keys are case-sensitive, as SAP spells them
// (`Address` on XI, `receipientURL` on AS2 are not typos of ours).

function key(summary: string, rules: readonly string[], faq?: string): KeyExplanation {
  return faq === undefined ? { summary, rules } : { summary, faq, rules };
}

const URL_RULES = [
  'cleartext-http-endpoint',
  'cleartext-basic-auth',
  'client-cert-over-http',
  'outbound-port-not-open',
  'onpremise-https-address',
  'private-host-via-internet',
];
const LOCATION =
  'Location id of the SAP Cloud Connector instance an On-Premise channel goes through; it must match the location id ' +
  'configured in that Cloud Connector. Ignored with proxy type Internet.';
const SECRET =
  'A secret typed into the channel is stored in clear text in the .iflw and in every export of it. Keep it in a deployed ' +
  'credential or secure parameter and reference that by name.';

export const keyExplanations: Readonly<Record<string, KeyExplanation>> = {
  httpAddressWithoutQuery: key(
    'Target URL of an HTTP receiver. On the Internet it should start with `https://` on port 443 or 1024 and above; through ' +
      'Cloud Connector it is an `http://` URL to the virtual host.',
    URL_RULES,
    FAQ.httpPorts,
  ),
  address: key(
    'Target URL of a SOAP, IDoc, OData or SuccessFactors receiver (on senders, the endpoint path). The same scheme and port ' +
      'rules as for HTTP apply.',
    URL_RULES,
    FAQ.httpPorts,
  ),
  Address: key(
    'Target URL of an XI receiver (capital A). Use `https://` on the Internet, `http://` through Cloud Connector.',
    URL_RULES,
    FAQ.httpPorts,
  ),
  receipientURL: key(
    'Target URL of an AS2 receiver (SAP spells the key this way). Use `https://` on the Internet.',
    URL_RULES,
    FAQ.httpPorts,
  ),
  host: key(
    'Server of an SFTP (`host[:port]`, default port 22) or AMQP channel. Only port 22 is open by default for SFTP; a private ' +
      'host name needs proxy type On-Premise.',
    ['outbound-port-not-open', 'private-host-via-internet', 'amqp-without-tls'],
    FAQ.sftpSmtpPorts,
  ),
  server: key(
    'Mail server as `host[:port]`. For SMTP no port means 25; ports 25, 465 and 587 are open by default, and 587 with ' +
      'STARTTLS or 465 with SMTPS keep mail encrypted. IMAP/POP3 senders should use 993 or 995.',
    ['outbound-port-not-open', 'smtp-port-25', 'nonstandard-mail-port', 'private-host-via-internet'],
    FAQ.sftpSmtpPorts,
  ),
  port: key(
    'Port of an AMQP broker, kept apart from `host`. AMQP over TLS usually listens on 5671.',
    ['outbound-port-not-open', 'amqp-without-tls'],
    FAQ.httpPorts,
  ),
  proxyType: key(
    'How the channel leaves the tenant: Internet (`default`, or `none` on SFTP/Mail/AMQP), On-Premise through SAP Cloud ' +
      'Connector (`sapcc`, old `On-Premise`), or a manual proxy. The open-port facts apply to Internet traffic; On-Premise ' +
      'HTTP channels use `http://` and no client certificate.',
    ['outbound-port-not-open', 'private-host-via-internet', 'onpremise-client-cert', 'onpremise-https-address', 'cleartext-http-endpoint'],
    FAQ.cloudConnector,
  ),
  authenticationMethod: key(
    'How an HTTP, OData or SuccessFactors receiver authenticates: None, Basic, Client Certificate, OAuth2 variants or ' +
      'Principal Propagation. Basic and client certificates need `https://`; client certificates do not work through Cloud Connector.',
    ['receiver-auth-none', 'cleartext-basic-auth', 'client-cert-over-http', 'onpremise-client-cert'],
    FAQ.selfSignedClientAuth,
  ),
  authentication: key(
    'Authentication of SOAP/IDoc receivers (None, Basic, Client Certificate), SFTP (password, public key, dual) or AMQP ' +
      '(SASL, OAuth2). Prefer key- or token-based methods over passwords.',
    ['receiver-auth-none', 'cleartext-basic-auth', 'client-cert-over-http', 'onpremise-client-cert'],
    FAQ.selfSignedClientAuth,
  ),
  AuthenticationType: key('Authentication of an XI receiver (for example `BasicAuthentication`). Basic needs an `https://` address.', [
    'receiver-auth-none',
    'cleartext-basic-auth',
    'client-cert-over-http',
  ]),
  authenticationType: key('Authentication of an AS2 or SuccessFactors receiver. Basic needs an `https://` address.', [
    'receiver-auth-none',
    'cleartext-basic-auth',
  ]),
  senderAuthType: key(
    'How a sender admits callers: `RoleBased` checks a user role, `ClientCertificate` compares the certificate subject and ' +
      'issuer DN with the `clientCertificates` list. Inbound client certificates must be CA-signed.',
    ['sender-certificate-dn-auth', 'generic-sender-role', 'inbound-cert-self-signed'],
    FAQ.selfSignedClientAuth,
  ),
  userRole: key(
    'Role a caller needs for a role-based sender. The generic `ESBMessaging.send` admits every user that holds it; a custom ' +
      'role per interface narrows access.',
    ['generic-sender-role'],
    FAQ.assignRoles,
  ),
  clientCertificates: key(
    'Subject and issuer DN pairs a certificate-based sender accepts. A row whose subject equals its issuer is a self-signed ' +
      'certificate, which the tenant refuses inbound.',
    ['inbound-cert-self-signed', 'sender-certificate-dn-auth'],
    FAQ.selfSignedClientAuth,
  ),
  ssl: key(
    'Protection of a Mail channel: `off`, `starttls_mandatory`, `starttls_optional`, `smtps`, `imaps`, `pop3s`. Only the ' +
      'mandatory and implicit TLS variants guarantee encryption.',
    ['mail-unencrypted', 'mail-starttls-optional', 'mail-cleartext-password'],
    FAQ.sftpSmtpPorts,
  ),
  auth: key(
    'Login of a Mail channel: `none`, `loginPlain` (old `plain`, password sent as is) or `loginEncrypted` (hashed). Plain ' +
      'login needs enforced encryption.',
    ['mail-cleartext-password'],
    FAQ.sftpSmtpPorts,
  ),
  connectWithTLS: key(
    'Whether an AMQP channel wraps the broker connection in TLS. Keep it `true` on the Internet.',
    ['amqp-without-tls'],
    FAQ.httpPorts,
  ),
  xsrfProtection: key(
    'CSRF protection of an HTTPS sender (`1` on, `0` off). Keep it on for endpoints that change data; callers fetch a token first.',
    ['csrf-protection-disabled'],
    FAQ.assignRoles,
  ),
  allowDeprecatedAlgorithms: key(
    'Lets an SFTP connection negotiate outdated SSH algorithms. Keep it `0` unless the partner server cannot do better.',
    ['sftp-deprecated-algorithms'],
    FAQ.sftpSmtpPorts,
  ),
  allowedRequestHeaders: key(
    'Headers an HTTP receiver passes on to the receiver, separated by `|`. `*` sends every message header, internal ones included.',
    ['allowed-headers-wildcard'],
  ),
  allowedResponseHeaders: key(
    'Headers of the HTTP response taken into the message, separated by `|`. `*` takes whatever the receiver returns.',
    ['allowed-headers-wildcard'],
  ),
  allowedHeaderList: key(
    'Headers of an incoming call that the integration flow keeps (runtime configuration). `*` lets callers inject any header.',
    ['allowed-headers-wildcard'],
  ),
  credentialName: key(
    'Name of a deployed credential (user credentials, OAuth client) the channel uses. Only the name is stored in the iFlow; ' +
      'the secret stays in the tenant security material.',
    ['cleartext-secret', 'cleartext-basic-auth'],
    FAQ.keystoreOwner,
  ),
  privateKeyAlias: key(
    'Alias of the key pair in the tenant keystore used for client certificates or signing. The key itself stays in the ' +
      'keystore, which the customer manages as a self-service.',
    ['client-cert-over-http', 'onpremise-client-cert', 'private-key-in-workspace'],
    FAQ.keystoreOwner,
  ),
  locationID: key(LOCATION, ['private-host-via-internet'], FAQ.cloudConnector),
  location_id: key(LOCATION, ['private-host-via-internet'], FAQ.cloudConnector),
  locationId: key(LOCATION, ['private-host-via-internet'], FAQ.cloudConnector),
  scc_location_id: key(LOCATION, ['private-host-via-internet'], FAQ.cloudConnector),
  WSSecurity: key(
    'Whether a SOAP sender verifies or decrypts WS-Security; `None` switches message-level security off.',
    ['weak-message-crypto'],
    FAQ.messageLevelProcedure,
  ),
  WSSecurity_outbound: key(
    'Whether a SOAP receiver signs or encrypts with WS-Security; `None` switches message-level security off.',
    ['weak-message-crypto'],
    FAQ.messageLevelProcedure,
  ),
  WSSecurity_SignatureAlgorithm: key(
    "Digest used for WS-Security signatures of a SOAP channel; SAP's default is SHA1, which is weak. Choose SHA256 or stronger " +
      'when signing is on.',
    ['weak-message-crypto'],
    FAQ.messageLevelProcedure,
  ),
  signingAlgorithm: key(
    'Signature algorithm of an AS2 channel. SHA1 and MD5 are weak; use SHA256 or stronger.',
    ['weak-message-crypto'],
    FAQ.messageLevelProcedure,
  ),
  encryptionAlgorithm: key(
    'Content cipher of an AS2 channel. DES3 and RC2 are outdated; use AES256.',
    ['weak-message-crypto'],
    FAQ.messageLevelProcedure,
  ),
  password: key(SECRET, ['cleartext-secret'], FAQ.keystoreOwner),
  clientSecret: key(SECRET, ['cleartext-secret'], FAQ.keystoreOwner),
  consumerSecret: key(SECRET, ['cleartext-secret'], FAQ.keystoreOwner),
  securityToken: key(SECRET, ['cleartext-secret'], FAQ.keystoreOwner),
  apiKey: key(SECRET, ['cleartext-secret'], FAQ.keystoreOwner),
};

/** The note for a key, if it is one we explain. */
export function explainKey(name: string): KeyExplanation | undefined {
  return Object.prototype.hasOwnProperty.call(keyExplanations, name) ? keyExplanations[name] : undefined;
}
