import { RULES } from '../rules/catalogue';
import { FAQ, faqUrl } from './sap-help';
import { SAP_PAGES } from './sap-pages';
import { SCRIPTING_GUIDANCE_ENTRIES } from './scripting-guidance';
import type { FaqCategory, FaqEntry, DocLink } from './types';

// The sixteen answers of SAP's Cloud Integration security FAQ, retold in our
// own words. The facts (ports, role names, component, certificate rules) are
// SAP's; the wording is ours, and a test keeps it that way.

interface EntryInput {
  readonly question: string;
  readonly answer: readonly string[];
  readonly category: FaqCategory;
  readonly iflowKeys?: readonly string[];
  readonly links?: readonly DocLink[];
}

function entry(id: string, input: EntryInput): FaqEntry {
  return {
    id,
    question: input.question,
    // One string per paragraph or list line keeps the source readable.
    answer: input.answer.join('\n'),
    category: input.category,
    source: 'sap-faq',
    helpUrl: faqUrl(id),
    // The link is stored once, on the rules' side.
    relatedRules: RULES.filter((rule) => rule.faq.includes(id)).map((rule) => rule.id),
    iflowKeys: input.iflowKeys ?? [],
    links: input.links ?? [],
  };
}

export const FAQ_ENTRIES: readonly FaqEntry[] = [
  entry(FAQ.addUsers, {
    question: 'Who can add users to a new Cloud Integration tenant, and how?',
    category: 'users-and-roles',
    answer: [
      'The first administrator of a freshly provisioned tenant is the S-user ID that the customer entered on the order form ' +
        'when signing the contract. That person opens the SAP BTP cockpit, creates the further users and grants them roles.',
      '',
      "Out of the box the tenant signs users in through SAP's Cloud Identity service, so everyone needs a valid S-user or " +
        'P-user ID. A company can connect its own identity provider instead.',
    ],
    links: [SAP_PAGES.customIdp],
  }),
  entry(FAQ.listRoles, {
    question: 'Where are the roles and authorizations listed that users can be given?',
    category: 'users-and-roles',
    answer: [
      'SAP documents them by persona, that is, by the kind of work a person does on the tenant (building integration content, ' +
        'monitoring it, administering the tenant and so on). Each persona names the roles it needs.',
      '',
      'The same catalogue helps when a sender channel needs a role: instead of the generic `ESBMessaging.send`, define a ' +
        'narrower custom role and give it only to the caller of that interface.',
    ],
    iflowKeys: ['userRole', 'senderAuthType'],
    links: [SAP_PAGES.persona],
  }),
  entry(FAQ.assignRoles, {
    question: 'What should be kept in mind when assigning roles to users?',
    category: 'users-and-roles',
    answer: [
      'Permissions on the tenant are entirely in the hands of the customer.',
      '',
      'Building and deploying integration content (integration flows above all) needs the authorization groups ' +
        '`AuthGroup.IntegrationDeveloper` and `AuthGroup.Administrator`. Both reach far: whoever holds them can change what ' +
        'runs on the tenant and the settings it runs with. Grant them to few people and review the assignments regularly.',
      '',
      'The same care applies to inbound calls: a sender that accepts the generic `ESBMessaging.send` role trusts every user ' +
        'that holds it, and an HTTPS sender without CSRF protection lets a browser session of such a user be misused.',
    ],
    iflowKeys: ['userRole', 'senderAuthType', 'xsrfProtection'],
    links: [SAP_PAGES.identityAndAccess],
  }),
  entry(FAQ.contactOperations, {
    question: 'How do I reach Cloud Integration operations about tenant provisioning or security?',
    category: 'support-and-landscape',
    answer: [
      'Open an SAP support incident on component `LOD-HCI-PI-OPS`, the queue of the Cloud Integration operations team, ' +
        'for anything about tenant provisioning or tenant security.',
    ],
  }),
  entry(FAQ.caSignedMandatory, {
    question: 'Must certificates for transport-level authentication be signed by a CA, and in which cases?',
    category: 'certificates',
    answer: [
      'It depends on the direction and the purpose (SAP explains the details on its transport-level security page):',
      '',
      '- **Inbound client-certificate authentication** (a sender calls the tenant): yes. Self-signed certificates are ' +
        'refused; the certificate has to chain up to a root CA that SAP supports.',
      '- **Outbound client-certificate authentication** (the tenant calls a receiver): not enforced by SAP, but a CA-signed ' +
        'certificate is the recommendation, and many receivers insist on one.',
      '- **Message-level signing and encryption**: self-signed certificates work; CA-signed ones are still preferred.',
    ],
    iflowKeys: ['senderAuthType', 'clientCertificates', 'privateKeyAlias'],
    links: [SAP_PAGES.transportLevelSecurity],
  }),
  entry(FAQ.approvedCas, {
    question: 'Which certificate authorities does SAP accept?',
    category: 'certificates',
    answer: [
      'SAP publishes the list of root certificates that the load balancer in front of the tenant trusts. A client certificate ' +
        'used to authenticate against the tenant has to be issued below one of those roots; otherwise the TLS handshake ' +
        'fails before any integration flow sees the call.',
    ],
    iflowKeys: ['clientCertificates', 'senderAuthType'],
    links: [SAP_PAGES.loadBalancerRootCas],
  }),
  entry(FAQ.wildcardCn, {
    question: 'May one CA-signed certificate with a wildcard Common Name (such as *.example.com) serve several systems?',
    category: 'certificates',
    answer: [
      "SAP's advice is to put the complete host name into the Common Name (CN), both for inbound and for outbound use.",
      '',
      'A `*` in the CN is technically accepted, but only where the certificate serves client-certificate authentication. ' +
        "For outbound HTTPS, where the CA-signed key pairs are SAP's to manage, the CN always carries the complete host name.",
    ],
    iflowKeys: ['clientCertificates', 'privateKeyAlias'],
  }),
  entry(FAQ.selfSignedClientAuth, {
    question: 'Are self-signed certificates usable for HTTPS client-certificate (dual) authentication?',
    category: 'certificates',
    answer: [
      'Not for inbound traffic: a sender that authenticates to the tenant with a client certificate must present a CA-signed ' +
        'one; self-signed certificates are refused.',
      '',
      "For outbound calls (the tenant's own key pair towards a receiver) SAP recommends a base certificate signed by a CA.",
      '',
      'Client-certificate authentication happens inside the TLS handshake, so it only means something on an `https://` ' + 'connection.',
    ],
    iflowKeys: ['senderAuthType', 'clientCertificates', 'authenticationMethod', 'authentication', 'privateKeyAlias'],
  }),
  entry(FAQ.selfSignedMessageLevel, {
    question: 'Where are self-signed certificates allowed? Also for message-level signing and encryption?',
    category: 'certificates',
    answer: [
      'Yes: signing and encrypting the message content itself (for example WS-Security, PKCS#7 or S/MIME) is where ' +
        'self-signed certificates are accepted.',
      '',
      'They still carry no assurance from a third party about who owns the key, and every partner has to trust each one ' +
        'individually, so SAP recommends CA-signed certificates here too.',
    ],
    iflowKeys: ['WSSecurity_SignatureAlgorithm', 'signingAlgorithm', 'encryptionAlgorithm', 'privateKeyAlias'],
  }),
  entry(FAQ.keystoreOwner, {
    question: 'Who looks after the keystore, and can the customer manage it?',
    category: 'certificates',
    answer: [
      'The keystore is self-service: the tenant administrator uploads, renews, renames and deletes their own certificates and ' +
        'key pairs in the keystore monitor. A few entries come from SAP by default; those stay owned by SAP and cannot be ' +
        'changed by the customer.',
      '',
      'Private keys therefore live in the tenant keystore, referenced from channels by alias (they cannot even be downloaded ' +
        'from it). Copies in a project folder or repository, and passwords typed into channel settings, bypass that protection.',
    ],
    iflowKeys: ['privateKeyAlias', 'credentialName'],
    links: [SAP_PAGES.managingKeystoreEntries],
  }),
  entry(FAQ.messageLevelProcedure, {
    question: 'How are certificates used for message-level signing and encryption?',
    category: 'certificates',
    answer: [
      'Either take the key pairs that SAP placed in the keystore when the tenant was provisioned, or upload your own key ' +
        'pair through the keystore self-service and reference it by its alias.',
      '',
      'Several schemes are available to sign and encrypt content, among them PGP and X.509-based ones (PKCS#7, WS-Security, ' +
        'S/MIME, AS2). Choose current algorithms: SHA-256 or stronger for signatures, AES for encryption.',
    ],
    iflowKeys: ['WSSecurity_SignatureAlgorithm', 'signingAlgorithm', 'encryptionAlgorithm', 'privateKeyAlias'],
    links: [SAP_PAGES.messageLevelSecurity],
  }),
  entry(FAQ.sftpSmtpPorts, {
    question: 'Is a special request needed to reach an SFTP or SMTP server?',
    category: 'network-and-ports',
    answer: [
      'Not for the standard ports; these are open by default for outbound traffic:',
      '',
      '- SFTP / SSH: port **22**',
      '- SMTP: ports **25**, **465** and **587**',
      '',
      'A server on any other port (an SFTP server on 2222, say) is not reachable until the port has been opened for the ' +
        'tenant on request. Of the SMTP ports, 587 (STARTTLS) and 465 (SMTPS) keep the mail encrypted; 25 usually does not.',
    ],
    iflowKeys: ['host', 'server', 'proxyType', 'ssl', 'auth', 'allowDeprecatedAlgorithms'],
  }),
  entry(FAQ.httpPorts, {
    question: 'Is a special request needed for outbound HTTP(S) connections?',
    category: 'network-and-ports',
    answer: [
      'No, as long as the target listens on port **443** or on any port from **1024** upwards; those are open by default.',
      '',
      'Other ports below 1024, including 80 (the default of plain `http://`), are not. When a URL names no port, the ' +
        "scheme's default counts: 80 for `http://`, 443 for `https://`.",
    ],
    iflowKeys: ['httpAddressWithoutQuery', 'address', 'Address', 'receipientURL', 'port', 'proxyType'],
  }),
  entry(FAQ.ipAllowlist, {
    question: 'Which Cloud Integration IP addresses should my firewall allow for calls coming from the tenant?',
    category: 'network-and-ports',
    answer: [
      'The addresses depend on the region and data centre that hosts the tenant. SAP lists them together with its description ' +
        'of the virtual system landscapes; allow the ranges of your region on the systems that receive calls from the tenant.',
    ],
    links: [SAP_PAGES.virtualSystemLandscapes],
  }),
  entry(FAQ.dataCenters, {
    question: 'Where is information about SAP data centres and their security?',
    category: 'support-and-landscape',
    answer: ["SAP's Trust Center website has a section on its data centres, their locations and certifications."],
    links: [SAP_PAGES.dataCenters],
  }),
  entry(FAQ.cloudConnector, {
    question: 'What is SAP Cloud Connector, and do I need it?',
    category: 'connectivity',
    answer: [
      'SAP Cloud Connector is an optional companion to SAP BTP that runs inside the customer network. It works as a reverse ' +
        "proxy: it builds a secure tunnel to the customer's Cloud Integration account, so on-premise systems can be called " +
        'without exposing them to the Internet. HTTP-based traffic such as SOAP, OData or IDoc over HTTP can take that route.',
      '',
      'SAP prefers it for BTP customers, but it is not mandatory; another reverse proxy, SAP Web Dispatcher for instance, ' +
        'can do the job.',
      '',
      'In an iFlow a channel goes through it when `proxyType` is On-Premise (`sapcc`, older files `On-Premise`), together ' +
        'with a location id. HTTP-based addresses are then `http://` URLs to the virtual host defined in Cloud Connector, ' +
        'because the tunnel already provides TLS; client-certificate authentication does not pass through it.',
    ],
    iflowKeys: ['proxyType', 'locationID', 'location_id', 'scc_location_id', 'httpAddressWithoutQuery', 'address'],
    links: [SAP_PAGES.reverseProxyOrCloudConnector, SAP_PAGES.connectingCustomerSystem],
  }),
];

/** What the FAQ view shows: SAP's answers, then our scripting guidance (knowledge/scripting-guidance.ts). */
export const ALL_FAQ_ENTRIES: readonly FaqEntry[] = [...FAQ_ENTRIES, ...SCRIPTING_GUIDANCE_ENTRIES];

const BY_ID = new Map(ALL_FAQ_ENTRIES.map((faq) => [faq.id, faq]));

/** A FAQ answer or a guidance entry by its id. */
export function faqEntry(id: string): FaqEntry | undefined {
  return BY_ID.get(id);
}
