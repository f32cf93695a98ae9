import { FAQ, ruleMeta } from '../rules/catalogue';
import { SAP_PAGES } from './sap-pages';
import type { CodeSample, DocLink, RuleDoc, SampleLanguage } from './types';

// One explanation per rule, in our own words. The FAQ sections of a rule come
// from the catalogue (so the two cannot drift); `moreFaq` adds further ones.

interface DocInput {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly before: CodeSample;
  readonly after: CodeSample;
  readonly sapPages: readonly DocLink[];
  readonly moreFaq?: readonly string[];
}

function doc(ruleId: string, input: DocInput): RuleDoc {
  const faq = [...(ruleMeta(ruleId)?.faq ?? [])];
  for (const extra of input.moreFaq ?? []) if (!faq.includes(extra)) faq.push(extra);
  return {
    ruleId,
    what: input.what,
    why: input.why,
    fix: input.fix,
    before: input.before,
    after: input.after,
    faq,
    sapPages: input.sapPages,
  };
}

function sample(language: SampleLanguage, ...lines: string[]): CodeSample {
  return { language, code: lines.join('\n') };
}

/** `ifl:property` elements as they appear in an .iflw. */
function iflw(...pairs: (readonly [string, string])[]): CodeSample {
  return sample('xml', ...pairs.map(([key, value]) => `<ifl:property><key>${key}</key><value>${value}</value></ifl:property>`));
}

const props = (...lines: string[]): CodeSample => sample('properties', ...lines);
const json = (...lines: string[]): CodeSample => sample('json', ...lines);
const text = (...lines: string[]): CodeSample => sample('text', ...lines);

const INTERNET = ['proxyType', 'default'] as const;
const ON_PREMISE = ['proxyType', 'sapcc'] as const;

export const RULE_DOCS: readonly RuleDoc[] = [
  // Network and transport
  doc('outbound-port-not-open', {
    what:
      'An Internet channel (any proxy type other than On-Premise) whose port, after parameter substitution, is not among ' +
      'the ports open by default: 443 or 1024 and above for URL-based receivers (HTTP, OData, SOAP, IDoc, XI, AS2, ' +
      'SuccessFactors; a URL without a port counts as 80 or 443), 22 for SFTP, and 25, 465 or 587 for the Mail receiver. ' +
      'Ports listed under `openedPorts` in `.cpisecurity.json` pass.',
    why:
      "The tenant's outbound firewall only lets those ports through unless SAP has opened another one on request. A channel " +
      'aimed at a closed port deploys fine and then fails with a connection timeout at runtime.',
    fix:
      'Use the standard port of the protocol (443 for HTTPS, 22 for SFTP, 587 for SMTP). If the port was really opened for ' +
      'your tenant, record it in `openedPorts` so the rule accepts it.',
    before: props('SFTP_Host=sftp.partner.example.com\\:2222'),
    after: props('SFTP_Host=sftp.partner.example.com\\:22'),
    sapPages: [SAP_PAGES.connectingCustomerSystem],
  }),
  doc('nonstandard-mail-port', {
    what: 'A Mail sender channel (IMAP or POP3) whose `server` names a port other than 143, 993 (IMAP) or 110, 995 (POP3).',
    why:
      'Mail servers offer mailbox access on those four ports; anything else is a custom setup that is easy to get wrong, ' +
      'may not be reachable from the tenant, and often turns out to be an unencrypted variant. The encrypted ports 993 ' +
      'and 995 are the ones to aim for.',
    fix: 'Point the channel at port 993 with `ssl` = `imaps`, or at 995 with `ssl` = `pop3s`.',
    before: iflw(['server', 'imap.example.com:1143'], ['ssl', 'off']),
    after: iflw(['server', 'imap.example.com:993'], ['ssl', 'imaps']),
    sapPages: [SAP_PAGES.mailSender],
  }),
  doc('smtp-port-25', {
    what: 'A Mail receiver whose SMTP `server` has no port (which means 25) or port 25 explicitly.',
    why:
      'Port 25 is open by default, but it is the relay port of mail servers: many providers refuse submissions there and ' +
      "traffic on it is often unencrypted. SAP's Mail adapter documentation advises 587 with STARTTLS or 465 with SMTPS.",
    fix: 'Use port 587 with `ssl` = `starttls_mandatory`, or port 465 with `ssl` = `smtps`.',
    before: iflw(['server', 'smtp.example.com'], ['ssl', 'starttls_optional']),
    after: iflw(['server', 'smtp.example.com:587'], ['ssl', 'starttls_mandatory']),
    sapPages: [SAP_PAGES.mailReceiver],
  }),
  doc('cleartext-http-endpoint', {
    what:
      'A URL-based receiver on the Internet whose resolved address starts with `http://`. Not reported when ' +
      '`cleartext-basic-auth` or `client-cert-over-http` already covers the same address.',
    why:
      'Without TLS the message travels the Internet readable and changeable by anyone on the path, and the tenant cannot ' +
      'check that it talks to the right server. Port 80 is also not among the outbound ports open by default (443 and ' +
      '1024 and above are).',
    fix:
      'Change the scheme to `https://` and drop an explicit `:80`. Make sure the keystore holds the root CA of the ' +
      "receiver's server certificate.",
    before: props('Orders_URL=http\\://api.partner.example.com/orders'),
    after: props('Orders_URL=https\\://api.partner.example.com/orders'),
    sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.dataFlowSecurity],
  }),
  doc('cleartext-basic-auth', {
    what: 'A URL-based receiver on the Internet with an `http://` address and Basic authentication.',
    why:
      'Basic authentication puts user and password, merely base64-encoded, into every request. Over plain HTTP anyone ' +
      'who sees the traffic can reuse them.',
    fix:
      'Switch the address to `https://`. Consider a stronger method as well (OAuth2 client credentials or a client ' +
      'certificate) and rotate the password if it has already been used over HTTP.',
    before: iflw(['httpAddressWithoutQuery', 'http://api.partner.example.com/v1/orders'], ['authenticationMethod', 'Basic'], INTERNET),
    after: iflw(['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'], ['authenticationMethod', 'Basic'], INTERNET),
    sapPages: [SAP_PAGES.useSecureAuthentication, SAP_PAGES.useSecureProtocols],
  }),
  doc('client-cert-over-http', {
    what: 'A channel on the Internet that authenticates with a client certificate but uses an `http://` address.',
    why:
      'A client certificate is presented during the TLS handshake. Plain HTTP has no handshake, so the certificate is ' +
      'never sent: the call goes out unauthenticated and unencrypted although the configuration suggests otherwise.',
    fix: 'Use an `https://` address.',
    before: iflw(['address', 'http://erp.partner.example.com/sap/bc/srt/orders'], ['authentication', 'Client Certificate'], INTERNET),
    after: iflw(['address', 'https://erp.partner.example.com/sap/bc/srt/orders'], ['authentication', 'Client Certificate'], INTERNET),
    sapPages: [SAP_PAGES.httpReceiver, SAP_PAGES.useSecureAuthentication],
  }),
  doc('onpremise-client-cert', {
    what: 'A channel with proxy type On-Premise (Cloud Connector) that authenticates with a client certificate.',
    why:
      'Through Cloud Connector the tenant speaks plain HTTP to a virtual host and the tunnel provides the encryption, so ' +
      'there is no TLS handshake between tenant and back end in which a client certificate could be presented. The ' +
      'channel fails or reaches the back end without the intended authentication.',
    fix:
      'Authenticate with Basic (a deployed user credential) or Principal Propagation instead, and configure trust between ' +
      'Cloud Connector and the back end there. If the system is actually reachable on the Internet, use proxy type Internet ' +
      'with an `https://` address.',
    before: iflw(['httpAddressWithoutQuery', 'http://s4-virtual:44300/sap/opu/odata/sap/API_SALES_ORDER_SRV'], ['authenticationMethod', 'Client Certificate'], ON_PREMISE),
    after: iflw(['httpAddressWithoutQuery', 'http://s4-virtual:44300/sap/opu/odata/sap/API_SALES_ORDER_SRV'], ['authenticationMethod', 'Basic'], ['credentialName', 'S4_TECH_USER'], ON_PREMISE),
    sapPages: [SAP_PAGES.httpReceiver, SAP_PAGES.cloudConnectorAdapters],
  }),
  doc('onpremise-https-address', {
    what: 'A channel with proxy type On-Premise (Cloud Connector) whose address starts with `https://`.',
    why:
      'Cloud Connector expects `http://` towards the virtual host it maps; its tunnel to the cloud is already TLS-protected. ' +
      'The leg from Cloud Connector to the back end is configured in Cloud Connector itself, where HTTPS is the right choice.',
    fix: 'Change the address to `http://` and set the back-end protocol to HTTPS in the Cloud Connector mapping.',
    before: iflw(['address', 'https://erp-virtual:44300/sap/bc/srt/rfc/sap/zorders'], ON_PREMISE, ['location_id', 'PLANT_A']),
    after: iflw(['address', 'http://erp-virtual:44300/sap/bc/srt/rfc/sap/zorders'], ON_PREMISE, ['location_id', 'PLANT_A']),
    sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.cloudConnectorAdapters],
  }),
  doc('private-host-via-internet', {
    what:
      'An Internet channel whose host is private or internal: loopback, RFC 1918, link-local or unique-local addresses, ' +
      '`localhost`, single-label names, or names under `.local`, `.lan`, `.internal`, `.corp`, `.intranet`, `.home.arpa`.',
    why:
      'Such a host cannot be reached from the cloud over the Internet. On-premise systems are reached through SAP Cloud ' +
      'Connector (or another reverse proxy); a private host behind proxy type Internet is almost always a forgotten proxy setting.',
    fix:
      'Set the proxy type to On-Premise (`sapcc`), fill in the location id of your Cloud Connector, and use the virtual ' +
      'host name defined there.',
    before: iflw(['httpAddressWithoutQuery', 'http://erp01.corp:8000/sap/bc/rest/orders'], INTERNET),
    after: iflw(['httpAddressWithoutQuery', 'http://erp01-virtual:8000/sap/bc/rest/orders'], ON_PREMISE, ['locationID', 'PLANT_A']),
    sapPages: [SAP_PAGES.reverseProxyOrCloudConnector, SAP_PAGES.cloudConnectorAdapters],
  }),
  doc('mail-unencrypted', {
    what: 'A Mail channel, sender or receiver, with `ssl` (Protection) = `off`.',
    why:
      'Mails, attachments and the login exchange then travel unencrypted. One legitimate exception: an on-premise mail ' +
      'server that wants SMTPS is configured with Off in the channel and TLS in Cloud Connector; suppress the finding there ' +
      'with that reason.',
    fix: 'SMTP: `starttls_mandatory` (port 587) or `smtps` (465). IMAP/POP3: `imaps` (993) or `pop3s` (995).',
    before: iflw(['server', 'smtp.example.com:587'], ['ssl', 'off']),
    after: iflw(['server', 'smtp.example.com:587'], ['ssl', 'starttls_mandatory']),
    sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.mailReceiver, SAP_PAGES.mailSender],
  }),
  doc('mail-cleartext-password', {
    what:
      'A Mail channel with plain password login (`auth` = `loginPlain`, older `plain`) while `ssl` is `off` or ' +
      '`starttls_optional`.',
    why:
      'Plain login sends user name and password as they are. Without enforced encryption anyone on the path can read ' +
      'them, and with optional STARTTLS a server that does not offer TLS, or an attacker who strips it, gets them in clear.',
    fix:
      'Enforce encryption (`starttls_mandatory`, `smtps`, `imaps` or `pop3s`). Where encryption is impossible, ' +
      '`loginEncrypted` at least avoids sending the password itself.',
    before: iflw(['server', 'smtp.example.com:587'], ['auth', 'loginPlain'], ['ssl', 'starttls_optional']),
    after: iflw(['server', 'smtp.example.com:587'], ['auth', 'loginPlain'], ['ssl', 'starttls_mandatory']),
    sapPages: [SAP_PAGES.mailReceiver, SAP_PAGES.useSecureProtocols],
  }),
  doc('mail-starttls-optional', {
    what: 'A Mail channel with `ssl` = `starttls_optional`.',
    why:
      'With optional STARTTLS the connection quietly stays unencrypted when the server does not offer TLS, and an attacker ' +
      'in the path can remove the offer to force exactly that.',
    fix: 'Use `starttls_mandatory`, so the connection fails instead of falling back to clear text.',
    before: iflw(['ssl', 'starttls_optional']),
    after: iflw(['ssl', 'starttls_mandatory']),
    sapPages: [SAP_PAGES.mailReceiver, SAP_PAGES.useSecureProtocols],
  }),
  doc('amqp-without-tls', {
    what: 'An AMQP channel on the Internet with `connectWithTLS` = `false`.',
    why: 'The broker connection, including credentials and message bodies, then crosses the Internet unencrypted.',
    fix: 'Set `connectWithTLS` to `true`; brokers usually accept AMQP over TLS on port 5671.',
    before: iflw(['host', 'broker.example.com'], ['port', '5672'], ['connectWithTLS', 'false']),
    after: iflw(['host', 'broker.example.com'], ['port', '5671'], ['connectWithTLS', 'true']),
    sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.amqpReceiver],
  }),
  doc('sftp-deprecated-algorithms', {
    what: 'An SFTP channel with `allowDeprecatedAlgorithms` switched on.',
    why:
      'The option lets the SSH handshake fall back to algorithms that are considered broken or weak today (older key ' +
      'exchange, host key or cipher variants). An attacker in the path can then aim for the weakest one both sides accept.',
    fix: 'Switch the option off and ask the partner to enable current algorithms on the SFTP server.',
    before: iflw(['host', 'sftp.partner.example.com'], ['allowDeprecatedAlgorithms', '1']),
    after: iflw(['host', 'sftp.partner.example.com'], ['allowDeprecatedAlgorithms', '0']),
    sapPages: [SAP_PAGES.sftpReceiver],
  }),

  // Authentication and authorization
  doc('receiver-auth-none', {
    what: 'A URL-based receiver on the Internet with authentication None.',
    why:
      'No authentication is the weakest option SAP lists: the receiving endpoint accepts calls from anybody, so it can be ' +
      'fed forged data or flooded, and nothing proves the call came from your tenant.',
    fix:
      'Prefer OAuth2 client credentials or a client certificate, at least Basic over HTTPS. If the endpoint is public on ' +
      'purpose, suppress the finding with that reason.',
    before: iflw(['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'], ['authenticationMethod', 'None']),
    after: iflw(['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'], ['authenticationMethod', 'OAuth2 Client Credentials'], ['credentialName', 'PARTNER_OAUTH']),
    sapPages: [SAP_PAGES.useSecureAuthentication],
  }),
  doc('csrf-protection-disabled', {
    what: 'An HTTPS sender channel with `xsrfProtection` = `0` (CSRF Protected switched off).',
    why:
      'An HTTP endpoint that changes data (POST, PUT, PATCH, DELETE) can be triggered by a foreign web page in the browser ' +
      'of a user who is signed in to the tenant, with that user\'s roles. SAP turns CSRF protection on by default and ' +
      'advises keeping it on.',
    fix:
      'Set `xsrfProtection` to `1`. Callers first fetch a token (`X-CSRF-Token: Fetch`) and send it back with the ' +
      'modifying request in the same session.',
    before: iflw(['urlPath', '/orders/create'], ['senderAuthType', 'RoleBased'], ['xsrfProtection', '0']),
    after: iflw(['urlPath', '/orders/create'], ['senderAuthType', 'RoleBased'], ['xsrfProtection', '1']),
    sapPages: [SAP_PAGES.useCsrfProtection],
  }),
  doc('generic-sender-role', {
    what: 'A role-based sender channel whose user role is the generic `ESBMessaging.send`.',
    why:
      'Every user that holds the generic role may call every integration flow that accepts it. SAP advises a custom role ' +
      'for inbound communication so that a caller can reach only its own interfaces.',
    fix: 'Define a custom role for this interface, assign it only to the calling technical user, and enter it as User Role.',
    before: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'ESBMessaging.send']),
    after: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'Orders.Inbound.Send']),
    sapPages: [SAP_PAGES.useSecureAuthentication, SAP_PAGES.persona],
  }),
  doc('sender-certificate-dn-auth', {
    what: 'A sender channel with `senderAuthType` = `ClientCertificate`, which admits callers by subject and issuer DN.',
    why:
      'Access then rests on two text strings kept in the integration flow: any certificate that CA issues with the same ' +
      'subject passes, no role limits the caller, and every certificate renewal means editing and redeploying each flow. ' +
      'The certificate must also be CA-signed, since self-signed ones are refused inbound.',
    fix:
      'Prefer role-based authorization with a custom role and map the client certificate to a user (certificate-to-user ' +
      'mapping, or a service key with the certificate on Cloud Foundry).',
    before: iflw(['senderAuthType', 'ClientCertificate'], ['clientCertificates', "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client,O=Example&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=Example Issuing CA,O=Example&lt;/cell&gt;&lt;/row&gt;"]),
    after: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'Orders.Inbound.Send']),
    sapPages: [SAP_PAGES.soapSender, SAP_PAGES.useSecureAuthentication],
  }),
  doc('inbound-cert-self-signed', {
    what:
      'A client certificate for inbound authentication that is self-signed: a `clientCertificates` row whose subject DN ' +
      'equals its issuer DN, or a certificate file declared inbound whose issuer is its subject and which verifies with ' +
      'its own key.',
    why:
      'The tenant does not accept self-signed certificates from callers: a sender has to present a certificate issued ' +
      'below a root CA that SAP supports, or the TLS handshake fails.',
    fix:
      "Have the sender's certificate signed by a CA from SAP's supported list and update the row with the new issuer DN.",
    before: iflw(['clientCertificates', "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=erp-client&lt;/cell&gt;&lt;/row&gt;"]),
    after: iflw(['clientCertificates', "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=Example Issuing CA&lt;/cell&gt;&lt;/row&gt;"]),
    sapPages: [SAP_PAGES.transportLevelSecurity, SAP_PAGES.loadBalancerRootCas],
    moreFaq: [FAQ.approvedCas],
  }),
  doc('cleartext-secret', {
    what:
      'A secret written as a literal: an iFlow property named like a secret (`password`, `clientSecret`, `consumerSecret`, ' +
      '`securityToken`, `apiKey`, `token`) holding a value instead of a `{{parameter}}`, or a `parameters.prop` entry named ' +
      'like a secret whose value is not the name of a credential.',
    why:
      'Integration flows and their parameter files are exported, versioned and shared in packages; whoever can read them ' +
      'reads the secret. Security material on the tenant (user credentials, secure parameters, the keystore) is managed by ' +
      'the customer for exactly this purpose.',
    fix:
      'Deploy the secret as a User Credentials or Secure Parameter artifact, reference it by name, remove the literal, and ' +
      'rotate the secret because it has been exposed.',
    before: iflw(['consumerKey', 'crm-integration'], ['consumerSecret', 'S3cr3t-Value-123']),
    after: iflw(['credentialName', 'CRM_OAUTH_CLIENT']),
    sapPages: [SAP_PAGES.securityMaterial],
  }),
  doc('weak-message-crypto', {
    what:
      'Message-level signing or encryption that is switched on with a weak algorithm: SOAP WS-Security signing with SHA1; ' +
      'AS2 `signingAlgorithm` SHA1 or MD5; AS2 `encryptionAlgorithm` DES3 or RC2. A key left at its default while ' +
      'WS-Security is off is not reported.',
    why:
      'SHA-1 and MD5 signatures can be forged by collision attacks, and Triple DES and RC2 are outdated ciphers. ' +
      'Message-level security protects the content end to end, so it should not rest on them.',
    fix: 'Choose SHA256 (or stronger) for signatures and AES256 for encryption, in agreement with the partner.',
    before: iflw(['WSSecurity_outbound', 'SignMessage'], ['WSSecurity_SignatureAlgorithm', 'SHA1']),
    after: iflw(['WSSecurity_outbound', 'SignMessage'], ['WSSecurity_SignatureAlgorithm', 'SHA256']),
    sapPages: [SAP_PAGES.messageLevelSecurity, SAP_PAGES.as2Receiver],
  }),
  doc('allowed-headers-wildcard', {
    what:
      'A header allow-list set to `*`: the integration flow\'s allowed headers, or `allowedRequestHeaders` / ' +
      '`allowedResponseHeaders` of an HTTP receiver.',
    why:
      'With `*` every header crosses the boundary: callers can inject headers that steer the flow, and internal headers ' +
      '(authorization data, cookies, technical headers) can leak to a partner or back to the caller.',
    fix: 'List only the headers the scenario needs, separated by `|`.',
    before: iflw(['allowedRequestHeaders', '*'], ['allowedResponseHeaders', '*']),
    after: iflw(['allowedRequestHeaders', 'Content-Type|Accept'], ['allowedResponseHeaders', 'Content-Type|Location']),
    sapPages: [SAP_PAGES.runtimeConfiguration, SAP_PAGES.httpReceiver],
  }),

  // Certificates
  doc('outbound-cert-self-signed', {
    what:
      'A self-signed certificate whose usage is outbound, or undeclared (then treated as outbound). A self-signed CA ' +
      'certificate (basic constraints CA true) is a trust anchor and is not reported.',
    why:
      'For outbound connections SAP recommends a CA-signed base certificate: receivers then trust the issuing CA once ' +
      'instead of pinning each certificate, and many refuse self-signed ones outright.',
    fix:
      'Create the key pair in the tenant keystore, download its signing request, have a CA sign it and upload the signing ' +
      'response. If the file is really used for message-level security, declare that under `certificates.messageLevel`.',
    before: text('subject= CN=cpi-client.example.com', 'issuer=  CN=cpi-client.example.com'),
    after: text('subject= CN=cpi-client.example.com', 'issuer=  CN=Example Issuing CA G2, O=Example Trust'),
    sapPages: [SAP_PAGES.transportLevelSecurity, SAP_PAGES.managingKeystoreEntries],
    moreFaq: [FAQ.keystoreOwner],
  }),
  doc('message-cert-self-signed', {
    what: 'A self-signed certificate declared for message-level security (`certificates.messageLevel`).',
    why:
      'Self-signed certificates are allowed for message-level signing and encryption, but they carry no third-party ' +
      'assurance of ownership and must be exchanged and trusted one by one, so CA-signed certificates are recommended.',
    fix: 'Use a CA-signed certificate when the partner can accept it; otherwise keep this as information.',
    before: text('subject= CN=orders-signing', 'issuer=  CN=orders-signing'),
    after: text('subject= CN=orders-signing', 'issuer=  CN=Example Issuing CA G2, O=Example Trust'),
    sapPages: [SAP_PAGES.messageLevelSecurity],
  }),
  doc('cert-wildcard-cn', {
    what:
      'A certificate with `*` in the subject CN or in a DNS subject alternative name. Information when it is declared ' +
      'for inbound client authentication, a warning otherwise.',
    why:
      'SAP advises the full host name in the CN for inbound and outbound alike and accepts a wildcard only for ' +
      'client-certificate authentication. A wildcard key is also shared by many systems, so one leak exposes them all.',
    fix: 'Request a certificate per system with its full host name in the CN (and SAN).',
    before: text('subject= CN=*.example.com'),
    after: text('subject= CN=orders.example.com', 'X509v3 Subject Alternative Name: DNS:orders.example.com'),
    sapPages: [SAP_PAGES.transportLevelSecurity],
  }),
  doc('cert-expired', {
    what: 'A certificate whose validity has ended (notAfter in the past) or not yet begun (notBefore in the future).',
    why:
      'TLS handshakes and signature checks with such a certificate fail, so every channel that uses it stops working.',
    fix: 'Renew the certificate, upload it to the tenant keystore under the alias the channels use, and replace the file.',
    before: text('notBefore=Mar  1 00:00:00 2023 GMT', 'notAfter=Mar  1 00:00:00 2024 GMT'),
    after: text('notBefore=Feb 15 00:00:00 2026 GMT', 'notAfter=Feb 15 00:00:00 2027 GMT'),
    sapPages: [SAP_PAGES.keystore, SAP_PAGES.managingKeystoreEntries],
  }),
  doc('cert-expiring-soon', {
    what: 'A certificate whose notAfter falls within the warning window (60 days unless `expiryWarningDays` says otherwise).',
    why:
      'Renewal takes time: a new key pair or certificate has to be signed, uploaded to the keystore and handed to every ' +
      'partner that trusts the old one. Starting late means an outage on the expiry date.',
    fix: 'Plan the renewal now; adjust the window with `expiryWarningDays` in `.cpisecurity.json` if 60 days does not fit.',
    before: json('{ "expiryWarningDays": 14 }'),
    after: json('{ "expiryWarningDays": 60 }'),
    sapPages: [SAP_PAGES.keyLifecycle, SAP_PAGES.managingKeystoreEntries],
  }),
  doc('cert-weak-key', {
    what: 'A certificate whose key is too weak: RSA below 2048 bits, any DSA key, or EC below 256 bits.',
    why:
      'Short keys can be broken with affordable effort, and such certificates are rejected by current TLS stacks and by ' +
      'CAs, so they undermine both transport and message-level protection.',
    fix: 'Create a new key pair with RSA 2048 bits or more (3072 for long-lived keys) or EC P-256 or stronger, and have it signed.',
    before: text('Public-Key: (1024 bit)', 'Signature Algorithm: sha256WithRSAEncryption'),
    after: text('Public-Key: (3072 bit)', 'Signature Algorithm: sha256WithRSAEncryption'),
    sapPages: [SAP_PAGES.dataFlowSecurity],
  }),
  doc('cert-weak-signature', {
    what: 'A certificate signed with SHA-1, MD5 or MD2.',
    why:
      'Collisions for these hash functions let an attacker produce a different certificate with the same signature, so the ' +
      'CA\'s signature no longer proves anything.',
    fix: 'Have the certificate reissued with a SHA-256 (or stronger) signature.',
    before: text('Signature Algorithm: sha1WithRSAEncryption'),
    after: text('Signature Algorithm: sha256WithRSAEncryption'),
    sapPages: [SAP_PAGES.messageLevelSecurity],
  }),
  doc('private-key-in-workspace', {
    what: 'A PEM private key block, or a `.p12`, `.pfx`, `.jks` or `.key` file, inside the workspace.',
    why:
      'Keys belong in the tenant keystore, which the customer manages as a self-service and from which private keys cannot ' +
      'be downloaded. A key in a project folder ends up in backups and repository history where anyone with access can copy it.',
    fix:
      'Upload the key pair to the tenant keystore, delete the file (and purge it from the repository history), exclude ' +
      'such files in `.gitignore`, and replace the key if it was ever committed.',
    before: text('certificates/outbound/cpi-client.key', 'certificates/outbound/cpi-client.crt'),
    after: text('certificates/outbound/cpi-client.crt', '.gitignore: *.key *.p12 *.pfx *.jks'),
    sapPages: [SAP_PAGES.managingKeystoreEntries, SAP_PAGES.keystore],
  }),
];
