import { helpPageUrl } from './sap-help';
import type { DocLink } from './types';

// SAP Help pages the knowledge base points to. Every loio below was checked
// against the page's own `<!-- loio… -->` header in SAP's published
// documentation sources (SAP-docs/btp-integration-suite) or taken from a full
// link in the security FAQ itself; do not add one that was not checked.

function page(title: string, loio: string): DocLink {
  return { title, url: helpPageUrl(loio) };
}

export const SAP_PAGES = {
  // Linked from the FAQ answers.
  customIdp: page('Using Custom IDP with SAP Cloud Integration', 'c59610d483974fcda631af4a2aae586b'),
  persona: page('Persona', '2937e5ca6ef448cfb21451a2461cc2a6'),
  identityAndAccess: page('Identity and Access Management', '15ca6f9403cb41da87aa7f165a4502f5'),
  transportLevelSecurity: page('Transport Level Security', '50321f2ec03f48fd9a92a92eed4dc1bc'),
  loadBalancerRootCas: page('Load Balancer Root Certificates Supported by SAP', '4509f605e83c4c939a91b81eb3a6cdea'),
  managingKeystoreEntries: page('Managing Keystore Entries', '2dc8942e02de4be59bd2afaa3bfdc591'),
  messageLevelSecurity: page('Message-Level Security', '463a9085156d4672bc4ee9095277e453'),
  virtualSystemLandscapes: page('Virtual System Landscapes', 'dd2309565a0c4be2892ecbf223bc9277'),
  reverseProxyOrCloudConnector: page('Outbound/On-Premise: Reverse Proxy or SAP Cloud Connector', '14567e1c8618433c9f003e70f0681141'),
  connectingCustomerSystem: page('Connecting a Customer System to Cloud Integration', '7cfe913ba85d463a9c5fce101c3ae460'),
  dataCenters: { title: 'SAP Data Centers', url: 'https://www.sap.com/about/cloud-trust-center/data-center.html' } as DocLink,

  // Named in the rule catalogue's "source" column.
  useSecureProtocols: page('Use Secure Protocols', 'c9b8cae7ec3e475bb8efaef8e8de28e9'),
  useSecureAuthentication: page('Use Secure Authentication Methods', '3d46d45ab3b34581bebf9dddfafe47d5'),
  useCsrfProtection: page('Use CSRF Protection', 'a0765d56b6024f29a41a3a747f993499'),
  runtimeConfiguration: page('Specify the Runtime Configuration', '0c1c96e50ff340869090469d260976f3'),
  mailSender: page('Configure the Mail Sender Adapter', 'e23e9cce8a974b8c8012ffcad5494766'),
  mailReceiver: page('Configure the Mail Receiver Adapter', 'f68d5e03fd574f509f89474f6a6e272a'),
  sftpReceiver: page('Configure the SFTP Receiver Adapter', '4ef52cf6c89b44219ab7c23ef8a1df31'),
  httpReceiver: page('HTTP Receiver Adapter', '2da452effb764b3bb28f8e0a2f5bd480'),
  soapSender: page('Configure the SOAP (SOAP 1.x) Sender Adapter', 'a178913a4d3245ab9bff2a0edcc331d5'),
  amqpReceiver: page('Configure the AMQP Receiver Adapter', 'd5660c146a93483692335e9d79a8c58f'),
  as2Receiver: page('Configure the AS2 Receiver Adapter', '9db62be7f6024c45b36ded818b75e6c8'),
  dataFlowSecurity: page('Security Aspects of Data, Data Flow for Cloud Integration', '78957243ced5427abf130ce3f90d3234'),
  keystore: page('Keystore', 'b1635139eb1f42728e249004ae2d617b'),
  keyLifecycle: page('Managing the Lifecycle of Keys', '7d24b61c989e4fa5851797fe391e83d2'),
  securityMaterial: page('Managing Security Material', 'b8ccb53b9ec44652b885476f02184a0f'),
  cloudConnectorAdapters: page('Using SAP Cloud Connector with Cloud Integration Adapters', '65a60e750eca49328fef93c0723ad4b8'),

  // Behind the script rules, the script API hovers and the FAQ's scripting guidance.
  generalScriptingGuidelines: page('General Scripting Guidelines', 'fcbf0f20059a4ffba7dfda7d28830ccd'),
  switchOffExternalEntities: page('Switch Off Resolving of External Entities', 'a990e2cdba9046f4a4a656e19aa328c2'),
  removeSensitiveContent: page('Remove Sensitive or Secret Content Before Logging or Forwarding', '46868626fdfd478d8183a4246fda4ea6'),
} as const;
