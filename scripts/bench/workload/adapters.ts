// Channel settings per adapter type, with the key names and values that
// real iFlows use (see IFLOW-FORMAT.md), so the reader and every rule do the
// work they do on real content. About one channel in six gets an insecure
// setting, so findings are produced and published as in a real workspace.
import type { Random } from './prng';

export type Direction = 'Sender' | 'Receiver';
export type Property = readonly [key: string, value: string];

export interface ChannelContext {
  readonly random: Random;
  /** The channel's number in its iFlow (for names and hosts). */
  readonly index: number;
  /** A `{{name}}` placeholder; the value goes to the artifact's parameters.prop. */
  parameter(name: string, value: string): string;
}

export interface ChannelSpec {
  readonly adapter: string;
  readonly direction: Direction;
  readonly name: string;
  readonly properties: readonly Property[];
}

const INSECURE = 1 / 6;

interface Variant {
  readonly cname: string;
  readonly transport: string;
  readonly message: string;
  readonly version: string;
  readonly vendor?: string;
}

/** The keys every channel has, in the order SAP writes them. */
function common(adapter: string, direction: Direction, name: string, variant: Variant, ctx: ChannelContext): Property[] {
  const vendor = variant.vendor ? `/vendor::${variant.vendor}` : '';
  const version = variant.version ? `/version::${variant.version}` : '';
  return [
    ['ComponentType', adapter],
    ['Description', ctx.random.chance(0.3) ? `${direction} channel ${name} for the ${ctx.random.pick(SYSTEMS)} interface` : ''],
    ['ComponentNS', variant.vendor === 'ApacheCamel' ? 'ApacheCamel' : 'sap'],
    ['Name', name],
    ['TransportProtocolVersion', '1.0.0'],
    ['system', `${ctx.random.pick(SYSTEMS)}_${direction}`],
    ['TransportProtocol', variant.transport],
    [
      'cmdVariantUri',
      `ctype::AdapterVariant/cname::${variant.cname}${vendor}/tp::${variant.transport}/mp::${variant.message}/direction::${direction}${version}`,
    ],
    ['MessageProtocol', variant.message],
    ['direction', direction],
    ['componentVersion', variant.version.split('.').slice(0, 2).join('.') || 'None'],
  ];
}

const SYSTEMS = ['S4HANA', 'ERP', 'CRM', 'Ariba', 'SuccessFactors', 'Concur', 'Partner', 'Bank', 'Warehouse', 'Logistics'];
const PATHS = [
  '/orders',
  '/invoices',
  '/sap/opu/odata/sap/API_SALES_ORDER_SRV',
  '/api/v1/customers',
  '/sap/bc/srt/scs/sap/ordersvc',
  '/ws/partner',
];

function host(ctx: ChannelContext): string {
  // a private host reached "via the Internet" now and then
  if (ctx.random.chance(INSECURE / 4)) return ctx.random.pick(['10.20.3.14', 'erp.internal', 'localhost', 'sapgw', 'mail.corp']);
  return `${ctx.random.pick(SYSTEMS).toLowerCase()}${ctx.index}.example.com`;
}

/** A value written literally or, as often in real content, through a parameter. */
function maybeParameter(ctx: ChannelContext, name: string, value: string, p = 0.35): string {
  return ctx.random.chance(p) ? ctx.parameter(name, value) : value;
}

function url(ctx: ChannelContext, label: string, options: { onPremise: boolean }): string {
  const scheme = options.onPremise || ctx.random.chance(INSECURE) ? 'http' : 'https';
  const port = ctx.random.chance(0.1) ? `:${ctx.random.pick([443, 8443, 8080, 50001])}` : '';
  const address = `${scheme}://${options.onPremise ? `virtual-${ctx.random.pick(SYSTEMS).toLowerCase()}` : host(ctx)}${port}${ctx.random.pick(PATHS)}`;
  if (ctx.random.chance(0.15))
    return `${ctx.parameter(`${label} Base URL`, address.slice(0, address.indexOf('/', 8)))}${address.slice(address.indexOf('/', 8))}`;
  return maybeParameter(ctx, `${label} Address`, address);
}

/** An escaped clientCertificates table, sometimes with a self-signed row (subject equals issuer). */
function clientCertificates(ctx: ChannelContext): string {
  const subject = `CN=partner${ctx.index}.example.com, O=Partner ${ctx.index}, C=DE`;
  const issuer = ctx.random.chance(INSECURE) ? subject : 'CN=Example Issuing CA, O=Example Trust, C=DE';
  return `&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;${subject}&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;${issuer}&lt;/cell&gt;&lt;/row&gt;`;
}

function senderAuthentication(ctx: ChannelContext): Property[] {
  if (ctx.random.chance(0.25))
    return [
      ['senderAuthType', 'ClientCertificate'],
      ['userRole', ''],
      ['clientCertificates', clientCertificates(ctx)],
    ];
  return [
    ['senderAuthType', 'RoleBased'],
    ['userRole', ctx.random.chance(0.3) ? 'ESBMessaging.send' : `Partner${ctx.index}.send`],
    ['clientCertificates', ''],
  ];
}

/** HTTP-based receiver settings: address, authentication, proxy, credentials. */
function urlReceiver(
  ctx: ChannelContext,
  label: string,
  keys: { address: string; auth: string; location: string; basic: string; certificate: string },
): Property[] {
  const onPremise = ctx.random.chance(0.2);
  const auth = ctx.random.chance(INSECURE)
    ? ctx.random.pick(['Basic', 'None', keys.certificate])
    : ctx.random.pick(['OAuth2 Client Credentials', keys.basic, keys.certificate]);
  return [
    [keys.address, url(ctx, label, { onPremise })],
    [keys.auth, auth],
    ['credentialName', maybeParameter(ctx, `${label} Credential`, `${label.replace(/\s/g, '_')}_User`)],
    ['privateKeyAlias', auth === keys.certificate ? `${label.replace(/\s/g, '_').toLowerCase()}_key` : ''],
    ['proxyType', onPremise ? 'sapcc' : ctx.random.pick(['default', 'default', 'manual'])],
    ['proxyHost', ''],
    ['proxyPort', ''],
    [keys.location, onPremise ? maybeParameter(ctx, `${label} Location`, 'LOC1') : ''],
  ];
}

type Builder = (ctx: ChannelContext, name: string) => Property[];

function adapter(type: string, direction: Direction, variant: Variant, build: Builder): (ctx: ChannelContext) => ChannelSpec {
  return (ctx) => {
    const name = `${type}_${direction}_${ctx.index}`;
    return { adapter: type, direction, name, properties: [...common(type, direction, name, variant, ctx), ...build(ctx, name)] };
  };
}

const http = adapter('HTTP', 'Receiver', { cname: 'sap:HTTP', transport: 'HTTP', message: 'None', version: '1.14.0' }, (ctx, name) => [
  ...urlReceiver(ctx, name, {
    address: 'httpAddressWithoutQuery',
    auth: 'authenticationMethod',
    location: 'locationID',
    basic: 'Basic',
    certificate: 'Client Certificate',
  }),
  ['httpAddressQuery', ''],
  ['httpMethod', ctx.random.pick(['POST', 'GET', 'PUT'])],
  ['httpRequestTimeout', '60000'],
  ['httpShouldSendBody', '0'],
  ['allowedRequestHeaders', ctx.random.chance(INSECURE / 2) ? '*' : ''],
  ['allowedResponseHeaders', ctx.random.chance(INSECURE / 2) ? '*' : 'Content-Type'],
  ['throwExceptionOnFailure', '1'],
]);

const https = adapter('HTTPS', 'Sender', { cname: 'sap:HTTPS', transport: 'HTTPS', message: 'None', version: '1.4.0' }, (ctx) => [
  ['urlPath', `/partner/${ctx.index}/orders`],
  ['maximumBodySize', '40'],
  ['xsrfProtection', ctx.random.chance(INSECURE) ? '0' : '1'],
  ...senderAuthentication(ctx),
]);

const odata = adapter(
  'HCIOData',
  'Receiver',
  { cname: 'sap:HCIOData', transport: 'HTTP', message: 'OData V2', version: '1.17.0' },
  (ctx, name) => [
    ...urlReceiver(ctx, name, {
      address: 'address',
      auth: 'authenticationMethod',
      location: 'scc_location_id',
      basic: 'Basic',
      certificate: 'Client Certificate',
    }),
    ['alias', `${name}_Credential`],
    ['operation', ctx.random.pick(['Query(GET)', 'Create(POST)', 'Update(PUT)'])],
    ['resourcePath', ctx.random.pick(['A_SalesOrder', 'A_BusinessPartner', 'A_Product'])],
    ['isCSRFEnabled', ctx.random.chance(INSECURE) ? 'false' : 'true'],
    ['whitelistRequestHeaders', ''],
    ['whitelistResponseHeaders', ''],
    ['receiveTimeOut', '1'],
  ],
);

const soapReceiver = adapter(
  'SOAP',
  'Receiver',
  { cname: 'sap:SOAP', transport: 'HTTP', message: 'SOAP 1.x', version: '1.8.0' },
  (ctx, name) => {
    const signed = ctx.random.chance(0.3);
    return [
      ...urlReceiver(ctx, name, {
        address: 'address',
        auth: 'authentication',
        location: 'location_id',
        basic: 'Basic',
        certificate: 'Client Certificate',
      }),
      ['soapWsdlURL', `/wsdl/${name}.wsdl`],
      ['operationName', 'p1:Post'],
      ['requestTimeout', '60000'],
      ['WSSecurity_outbound', signed ? 'SignMessage' : 'None'],
      ['WSSecurity_SignatureAlgorithm', signed && ctx.random.chance(0.5) ? 'SHA1' : 'SHA256'],
      ['AlgorithmSuiteAssertion', 'Basic128Rsa15'],
    ];
  },
);

const soapSender = adapter('SOAP', 'Sender', { cname: 'sap:SOAP', transport: 'HTTP', message: 'SOAP 1.x', version: '1.9.0' }, (ctx) => [
  ['address', `/soap/${ctx.index}`],
  ['serviceDefinition', 'WSDL'],
  ['soapWsdlURL', ''],
  ['maximumBodySize', '40'],
  ['WSSecurity', 'None'],
  ...senderAuthentication(ctx),
]);

const idocSender = adapter('IDOC', 'Sender', { cname: 'sap:IDOC', transport: 'HTTP', message: 'IDoc SOAP', version: '1.4.1' }, (ctx) => [
  ['address', `/idoc/${ctx.index}`],
  ['maximumBodySize', '40'],
  ...senderAuthentication(ctx),
]);

const idocReceiver = adapter(
  'IDOC',
  'Receiver',
  { cname: 'sap:IDOC', transport: 'HTTP', message: 'IDoc SOAP', version: '1.5.1' },
  (ctx, name) => [
    ...urlReceiver(ctx, name, {
      address: 'address',
      auth: 'authentication',
      location: 'locationID',
      basic: 'Basic',
      certificate: 'Client Certificate',
    }),
    ['IDocContentType', 'Text/XML'],
    ['requestTimeout', '60000'],
  ],
);

const xi = adapter('XI', 'Receiver', { cname: 'sap:XI', transport: 'HTTP', message: 'XI', version: '1.11.0' }, (ctx, name) => [
  ...urlReceiver(ctx, name, {
    address: 'Address',
    auth: 'AuthenticationType',
    location: 'location_id',
    basic: 'BasicAuthentication',
    certificate: 'ClientCertificate',
  }),
  ['BasicAuthCredentialName', `${name}_User`],
  ['ClientCertificateAlias', ''],
  ['QualityOfService', 'ExactlyOnce'],
]);

const as2Receiver = adapter('AS2', 'Receiver', { cname: 'AS2', transport: 'HTTP', message: 'AS2', version: '1.4.0' }, (ctx, name) => [
  ['receipientURL', url(ctx, name, { onPremise: false })],
  ['authenticationType', 'BasicAuthentication'],
  ['userCredentialAlias', `${name}_User`],
  ['proxyType', 'default'],
  ['doSigning', '1'],
  ['signingAlgorithm', ctx.random.chance(INSECURE) ? 'SHA1' : 'SHA256'],
  ['doEncryption', '1'],
  ['encryptionAlgorithm', ctx.random.chance(INSECURE) ? 'DES3' : 'AES256'],
  ['publicKeyAliasForEncryption', 'partner_public'],
  ['privateKeyAlias', 'own_signing'],
]);

const as2Sender = adapter('AS2', 'Sender', { cname: 'AS2', transport: 'HTTP', message: 'AS2', version: '1.16.0' }, (ctx) => [
  ['address', `/as2/${ctx.index}`],
  ['partnerAS2Name', `PARTNER${ctx.index}`],
  ['ownAS2Name', 'OWN'],
  ...senderAuthentication(ctx),
]);

const successFactors = adapter(
  'SuccessFactors',
  'Receiver',
  { cname: 'sap:SuccessFactors', transport: 'HTTP', message: 'OData V2', version: '1.16.2' },
  (ctx, name) => [
    ['address', maybeParameter(ctx, `${name} Address`, 'https://api4.successfactors.com')],
    ['authenticationType', 'OAuth2SAMLBearerAssertion'],
    ['alias', `${name}_OAuth`],
    ['proxyType', 'default'],
    ['resourcePath', 'EmpJob'],
    ['operation', 'Query(GET)'],
  ],
);

function sftpLike(type: string, direction: Direction, version: string): (ctx: ChannelContext) => ChannelSpec {
  return adapter(type, direction, { cname: `sap:${type}`, transport: 'SFTP', message: 'File', version }, (ctx, name) => {
    const port = ctx.random.chance(INSECURE) ? ':2222' : ctx.random.chance(0.3) ? ':22' : '';
    const onPremise = ctx.random.chance(0.2);
    return [
      ['host', maybeParameter(ctx, `${name} Host`, `${host(ctx)}${port}`)],
      ['path', `/out/${ctx.index}`],
      ['fileName', ctx.random.chance(0.3) ? ctx.parameter(`${name} File`, 'orders_${date:now:yyyyMMdd}.xml') : 'orders.xml'],
      ['authentication', ctx.random.pick(['public_key', 'user_password', 'dual'])],
      ['credential_name', `${name}_User`],
      ['username', 'cpiuser'],
      ['privateKeyAlias', 'sftp_key'],
      ['proxyType', onPremise ? 'sapcc' : 'none'],
      ['location_id', onPremise ? 'LOC1' : ''],
      ['allowDeprecatedAlgorithms', ctx.random.chance(INSECURE) ? '1' : '0'],
      ['connectTimeout', '10000'],
      ['maximumReconnectAttempts', '3'],
    ];
  });
}

// Not described in IFLOW-FORMAT.md (no FTP channel in the corpus): common keys plus host and path.
const ftp = adapter('FTP', 'Receiver', { cname: 'sap:FTP', transport: 'FTP', message: 'File', version: '1.2.0' }, (ctx, name) => [
  ['host', maybeParameter(ctx, `${name} Host`, `${host(ctx)}:21`)],
  ['path', `/outbound/${ctx.index}`],
  ['fileName', 'export.csv'],
  ['authentication', 'user_password'],
  ['credential_name', `${name}_User`],
  ['proxyType', 'none'],
  ['connectTimeout', '10000'],
]);

const mailReceiver = adapter(
  'Mail',
  'Receiver',
  { cname: 'sap:Mail', transport: 'SMTP', message: 'None', version: '1.9.0' },
  (ctx, name) => {
    const insecure = ctx.random.chance(INSECURE * 2);
    const server = insecure
      ? ctx.random.pick(['smtp.example.com', 'smtp.example.com:25', 'smtp.example.com:2525'])
      : ctx.random.pick(['smtp.example.com:587', 'smtp.example.com:465']);
    return [
      ['server', maybeParameter(ctx, `${name} Server`, server)],
      ['auth', insecure ? ctx.random.pick(['loginPlain', 'plain', 'none']) : 'loginEncrypted'],
      ['user', `${name}_Mail`],
      ['ssl', insecure ? ctx.random.pick(['off', 'starttls_optional']) : server.endsWith(':465') ? 'smtps' : 'starttls_mandatory'],
      ['proxyType', 'none'],
      ['from', 'cpi@example.com'],
      ['to', `team${ctx.index}@example.com`],
      ['subject', `Interface ${ctx.index} report`],
      ['encrypt.type', 'none'],
      ['timeout', '30000'],
    ];
  },
);

const mailSender = adapter(
  'Mail',
  'Sender',
  { cname: 'sap:Mail', transport: 'IMAP', message: 'Not Applicable', version: '1.8.0' },
  (ctx, name) => {
    const insecure = ctx.random.chance(INSECURE);
    return [
      ['server', maybeParameter(ctx, `${name} Server`, insecure ? 'imap.example.com:143' : 'imap.example.com:993')],
      ['auth', insecure ? 'loginPlain' : 'loginEncrypted'],
      ['user', `${name}_Mail`],
      ['ssl', insecure ? 'off' : 'imaps'],
      ['proxyType', 'none'],
      ['folder', 'INBOX'],
      ['postProcessing', 'MarkAsRead'],
    ];
  },
);

function amqp(direction: Direction): (ctx: ChannelContext) => ChannelSpec {
  return adapter('AMQP', direction, { cname: 'sap:AMQP', transport: 'TCP', message: 'AMQP1.0', version: '1.0.0' }, (ctx, name) => {
    const tls = !ctx.random.chance(INSECURE);
    return [
      ['host', maybeParameter(ctx, `${name} Host`, `broker${ctx.index}.example.com`)],
      ['port', tls ? '5671' : '5672'],
      ['path', ''],
      ['connectWithTLS', tls ? 'true' : 'false'],
      ['authentication', 'SASL'],
      ['credentialName', `${name}_Broker`],
      ['proxyType', 'none'],
      ['destinationName', `queue.orders.${ctx.index}`],
      ['destinationType', 'Queue'],
    ];
  });
}

function processDirect(direction: Direction): (ctx: ChannelContext) => ChannelSpec {
  return adapter(
    'ProcessDirect',
    direction,
    { cname: 'ProcessDirect', vendor: 'SAP', transport: 'Not Applicable', message: 'Not Applicable', version: '1.1.1' },
    (ctx) => [
      ['address', `/internal/flow/${ctx.index}`],
      ['Vendor', 'SAP'],
    ],
  );
}

function jms(direction: Direction): (ctx: ChannelContext) => ChannelSpec {
  const queue = direction === 'Sender' ? 'QueueName_inbound' : 'QueueName_outbound';
  return adapter(
    'JMS',
    direction,
    { cname: 'sap:JMS', transport: 'Not Applicable', message: 'Not Applicable', version: '1.3.0' },
    (ctx) => [
      [queue, `Q_ORDERS_${ctx.index}`],
      ['RetryInterval', '1'],
      ['ExpirationPeriod', '90'],
    ],
  );
}

const jdbc = adapter(
  'JDBC',
  'Receiver',
  { cname: 'JDBC', vendor: 'SAP', transport: 'JDBC', message: 'JDBC', version: '1.5.1' },
  (ctx, name) => [
    ['alias', `${name}_DataSource`],
    ['queryTimeout', '60'],
    ['batchMode', ctx.random.chance(0.5) ? 'true' : 'false'],
  ],
);

// Third-party (Camel) adapters hold their secrets as plain settings.
const cmis = adapter(
  'CMIS',
  'Receiver',
  { cname: 'CMIS', vendor: 'ApacheCamel', transport: 'cmis', message: 'cmis', version: '' },
  (ctx) => [
    ['firstUriPart', `https://dms${ctx.index}.example.com/browser`],
    ['repositoryId', 'docs'],
    ['username', 'dmsuser'],
    ['password', ctx.random.chance(INSECURE * 2) ? `S3cret-${ctx.index}` : ctx.parameter(`CMIS Password ${ctx.index}`, '')],
    ['Vendor', 'ApacheCamel'],
  ],
);

/** Weighted as in real content: HTTP and OData most common, mail and AS2 rare. */
const ADAPTERS: readonly (readonly [weight: number, build: (ctx: ChannelContext) => ChannelSpec])[] = [
  [18, http],
  [8, https],
  [10, odata],
  [6, soapReceiver],
  [3, soapSender],
  [2, idocSender],
  [3, idocReceiver],
  [2, xi],
  [1, as2Receiver],
  [1, as2Sender],
  [2, successFactors],
  [4, sftpLike('SFTP', 'Receiver', '1.12.0')],
  [3, sftpLike('SFTP', 'Sender', '1.12.0')],
  [1, sftpLike('PollingSFTP', 'Sender', '1.9.0')],
  [2, ftp],
  [3, mailReceiver],
  [1, mailSender],
  [2, amqp('Sender')],
  [2, amqp('Receiver')],
  [6, processDirect('Sender')],
  [6, processDirect('Receiver')],
  [2, jms('Sender')],
  [2, jms('Receiver')],
  [2, jdbc],
  [1, cmis],
];

const TOTAL_WEIGHT = ADAPTERS.reduce((sum, [weight]) => sum + weight, 0);

/** One channel of an adapter type drawn by weight. */
export function randomChannel(ctx: ChannelContext): ChannelSpec {
  let roll = ctx.random.next() * TOTAL_WEIGHT;
  for (const [weight, build] of ADAPTERS) {
    roll -= weight;
    if (roll < 0) return build(ctx);
  }
  return http(ctx);
}

/** How many adapter variants (type and direction) the mix holds. */
export const ADAPTER_VARIANTS = ADAPTERS.length;
